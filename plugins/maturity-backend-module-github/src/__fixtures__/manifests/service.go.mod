module github.com/acme/inventory

go 1.23

require github.com/launchdarkly/go-server-sdk/v7 v7.8.0

require (
	github.com/go-chi/chi/v5 v5.1.0
	go.opentelemetry.io/otel v1.32.0
	github.com/prometheus/client_golang v1.20.5
)

require (
	github.com/beorn7/perks v1.0.1 // indirect
	github.com/DataDog/datadog-go/v5 v5.5.0 // indirect
)
