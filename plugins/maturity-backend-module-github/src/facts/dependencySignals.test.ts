import {
  DEPENDENCY_SIGNALS,
  DependencyFact,
  Ecosystem,
  classifyDependencies,
  normalizeDependencyName,
} from './dependencySignals';

const classify = (ecosystem: Ecosystem, name: string) =>
  classifyDependencies(ecosystem, [name]).map(s => s.tool);

/** Each tool by the names its SDKs have in each registry. */
const RECOGNISED: Array<[string, Ecosystem, string[]]> = [
  [
    'LaunchDarkly',
    'npm',
    [
      '@launchdarkly/node-server-sdk',
      'launchdarkly-node-server-sdk',
      'launchdarkly-react-client-sdk',
      'ldclient-node',
    ],
  ],
  ['LaunchDarkly', 'pypi', ['launchdarkly-server-sdk', 'ldclient-py']],
  ['LaunchDarkly', 'go', ['github.com/launchdarkly/go-server-sdk/v7']],
  ['LaunchDarkly', 'maven', ['com.launchdarkly:launchdarkly-java-server-sdk']],
  ['LaunchDarkly', 'rubygems', ['launchdarkly-server-sdk']],
  ['LaunchDarkly', 'nuget', ['LaunchDarkly.ServerSdk']],
  ['Unleash', 'npm', ['unleash-client', '@unleash/proxy-client-react']],
  ['Unleash', 'pypi', ['UnleashClient']],
  ['Unleash', 'go', ['github.com/Unleash/unleash-client-go/v4']],
  ['Unleash', 'maven', ['io.getunleash:unleash-client-java']],
  ['Unleash', 'nuget', ['Unleash.Client']],
  ['Flagsmith', 'npm', ['flagsmith', 'flagsmith-nodejs']],
  ['Flagsmith', 'go', ['github.com/Flagsmith/flagsmith-go-client/v3']],
  ['Flagsmith', 'maven', ['com.flagsmith:flagsmith-java-client']],
  ['Split', 'npm', ['@splitsoftware/splitio']],
  ['Split', 'pypi', ['splitio_client']],
  ['Split', 'rubygems', ['splitclient-rb']],
  ['Split', 'go', ['github.com/splitio/go-client/v6']],
  ['Split', 'maven', ['io.split.client:java-client']],
  ['Split', 'nuget', ['Splitio']],
  ['ConfigCat', 'npm', ['configcat-node', '@configcat/sdk']],
  ['ConfigCat', 'pypi', ['configcat-client']],
  ['ConfigCat', 'nuget', ['ConfigCat.Client']],
  ['OpenFeature', 'npm', ['@openfeature/server-sdk']],
  ['OpenFeature', 'pypi', ['openfeature-sdk']],
  ['OpenFeature', 'go', ['github.com/open-feature/go-sdk']],
  ['OpenFeature', 'maven', ['dev.openfeature:sdk']],
  ['OpenFeature', 'cargo', ['open-feature']],
  ['OpenFeature', 'nuget', ['OpenFeature']],
  ['GrowthBook', 'npm', ['@growthbook/growthbook']],
  ['GrowthBook', 'go', ['github.com/growthbook/growthbook-golang']],
  ['GrowthBook', 'maven', ['io.growthbook.sdk:GrowthBook']],
  ['Flipt', 'npm', ['@flipt-io/flipt']],
  ['Flipt', 'go', ['go.flipt.io/flipt/sdk/go']],
  ['Flipt', 'maven', ['io.flipt:flipt-java']],
  ['Statsig', 'npm', ['statsig-node', '@statsig/js-client']],
  ['Statsig', 'maven', ['com.statsig:serversdk']],
  ['Optimizely', 'npm', ['@optimizely/optimizely-sdk']],
  ['Optimizely', 'pypi', ['optimizely-sdk']],
  ['Optimizely', 'maven', ['com.optimizely.ab:core-api']],

  ['OpenTelemetry', 'npm', ['@opentelemetry/api']],
  ['OpenTelemetry', 'pypi', ['opentelemetry-sdk', 'opentelemetry_api']],
  [
    'OpenTelemetry',
    'go',
    ['go.opentelemetry.io/otel', 'go.opentelemetry.io/otel/sdk'],
  ],
  [
    'OpenTelemetry',
    'maven',
    [
      'io.opentelemetry:opentelemetry-api',
      'io.opentelemetry.instrumentation:opentelemetry-spring-boot-starter',
    ],
  ],
  ['OpenTelemetry', 'cargo', ['opentelemetry', 'opentelemetry_sdk']],
  ['OpenTelemetry', 'nuget', ['OpenTelemetry.Extensions.Hosting']],
  ['Datadog', 'npm', ['dd-trace', '@datadog/browser-rum']],
  ['Datadog', 'pypi', ['ddtrace', 'datadog']],
  ['Datadog', 'rubygems', ['ddtrace', 'datadog']],
  [
    'Datadog',
    'go',
    ['gopkg.in/DataDog/dd-trace-go.v1', 'github.com/DataDog/dd-trace-go/v2'],
  ],
  ['Datadog', 'maven', ['com.datadoghq:dd-trace-api']],
  ['Datadog', 'nuget', ['Datadog.Trace']],
  ['New Relic', 'npm', ['newrelic']],
  ['New Relic', 'rubygems', ['newrelic_rpm']],
  ['New Relic', 'go', ['github.com/newrelic/go-agent/v3']],
  ['New Relic', 'maven', ['com.newrelic.agent.java:newrelic-api']],
  ['New Relic', 'nuget', ['NewRelic.Agent.Api']],
  ['Prometheus client', 'npm', ['prom-client']],
  ['Prometheus client', 'pypi', ['prometheus_client', 'prometheus-client']],
  ['Prometheus client', 'go', ['github.com/prometheus/client_golang']],
  ['Prometheus client', 'maven', ['io.prometheus:simpleclient']],
  ['Prometheus client', 'nuget', ['prometheus-net']],
  ['Prometheus client', 'cargo', ['prometheus']],
  ['Micrometer', 'maven', ['io.micrometer:micrometer-registry-prometheus']],
  ['Sentry', 'npm', ['@sentry/node']],
  ['Sentry', 'pypi', ['sentry-sdk']],
  ['Sentry', 'rubygems', ['sentry-ruby']],
  ['Sentry', 'go', ['github.com/getsentry/sentry-go']],
  ['Sentry', 'maven', ['io.sentry:sentry']],
  ['Sentry', 'nuget', ['Sentry.AspNetCore']],
  ['Honeycomb', 'npm', ['@honeycombio/opentelemetry-node', 'libhoney']],
  ['Honeycomb', 'pypi', ['honeycomb-beeline']],
  ['Honeycomb', 'go', ['github.com/honeycombio/beeline-go']],
  ['Elastic APM', 'npm', ['elastic-apm-node', '@elastic/apm-rum']],
  ['Elastic APM', 'pypi', ['elastic-apm']],
  ['Elastic APM', 'go', ['go.elastic.co/apm/v2']],
  ['Elastic APM', 'maven', ['co.elastic.apm:apm-agent-api']],
  ['Elastic APM', 'nuget', ['Elastic.Apm.NetCoreAll']],
  ['Dynatrace', 'npm', ['@dynatrace/oneagent-sdk']],
  ['Dynatrace', 'pypi', ['oneagent-sdk']],
  ['Dynatrace', 'maven', ['com.dynatrace.oneagent.sdk.java:oneagent-sdk']],

  ['MLflow', 'pypi', ['mlflow', 'mlflow-skinny', 'MLflow']],
  ['MLflow', 'maven', ['org.mlflow:mlflow-client']],
  ['Weights & Biases', 'pypi', ['wandb']],
  ['Neptune', 'pypi', ['neptune', 'neptune-client']],
  ['Comet', 'pypi', ['comet_ml', 'comet-ml']],
  ['ClearML', 'pypi', ['clearml']],
  ['Aim', 'pypi', ['aim']],
  ['DVCLive', 'pypi', ['dvclive']],
  ['Great Expectations', 'pypi', ['great_expectations', 'great-expectations']],
  ['Pandera', 'pypi', ['pandera']],
  ['TensorFlow Data Validation', 'pypi', ['tensorflow_data_validation']],
  ['Soda', 'pypi', ['soda-core', 'soda-core-postgres', 'soda-sql-bigquery']],
  ['Deepchecks', 'pypi', ['deepchecks']],
  ['TensorFlow Model Analysis', 'pypi', ['tensorflow-model-analysis']],
  ['Giskard', 'pypi', ['giskard']],
  ['Evidently', 'pypi', ['evidently']],
  ['Alibi Detect', 'pypi', ['alibi-detect', 'alibi_detect']],
  ['NannyML', 'pypi', ['nannyml']],
  ['whylogs', 'pypi', ['whylogs']],
  ['Arize', 'pypi', ['arize']],
];

describe('classifyDependencies', () => {
  it.each(
    RECOGNISED.flatMap(([tool, ecosystem, names]) =>
      names.map(name => [name, ecosystem, tool]),
    ),
  )('%s (%s) is %s', (name, ecosystem, tool) => {
    expect(classify(ecosystem as Ecosystem, name)).toEqual([tool]);
  });

  it('has a recognised name for every tool of the table', () => {
    const tested = new Set(RECOGNISED.map(([tool]) => tool));
    expect(
      DEPENDENCY_SIGNALS.map(s => s.tool).filter(t => !tested.has(t)),
    ).toEqual([]);
  });

  it.each<[string, Ecosystem]>([
    // Look-alikes and names that mean something else in another registry.
    ['split', 'npm'],
    ['split2', 'npm'],
    ['aim', 'npm'],
    ['soda', 'npm'],
    ['neptune', 'npm'],
    ['evidently', 'npm'],
    ['express', 'npm'],
    ['opentelemetryish', 'npm'],
    ['promise', 'npm'],
    ['sentryish', 'pypi'],
    ['unleashed', 'npm'],
    ['ddtrace-helpers', 'pypi'],
    ['mlflowx', 'pypi'],
    ['arize-phoenix', 'pypi'],
    ['github.com/prometheus/common', 'go'],
    ['github.com/acme/launchdarkly-wrapper', 'go'],
    ['org.springframework.boot:spring-boot-starter-web', 'maven'],
  ])('%s (%s) is no tool', (name, ecosystem) => {
    expect(classify(ecosystem, name)).toEqual([]);
  });

  it('gives each tool once, with all its facts', () => {
    const signals = classifyDependencies('pypi', [
      'deepchecks',
      'deepchecks',
      'mlflow',
      'mlflow-skinny',
    ]);
    expect(signals.map(s => [s.tool, s.facts])).toEqual([
      ['MLflow', ['experiment-tracking']],
      ['Deepchecks', ['data-validation', 'model-validation']],
    ]);
  });

  it('takes another table, to extend', () => {
    const own = [
      {
        tool: 'Acme Flags',
        facts: ['feature-flag-sdk' as DependencyFact],
        name: /^@acme\/flags$/,
      },
    ];
    expect(
      classifyDependencies('npm', ['@acme/flags'], own).map(s => s.tool),
    ).toEqual(['Acme Flags']);
  });
});

describe('normalizeDependencyName', () => {
  it('normalizes PyPI names as PEP 503 does, other names to lower case', () => {
    expect(normalizeDependencyName('pypi', 'Great__Expectations')).toBe(
      'great-expectations',
    );
    expect(normalizeDependencyName('pypi', 'zope.interface')).toBe(
      'zope-interface',
    );
    expect(normalizeDependencyName('npm', '@OpenTelemetry/API')).toBe(
      '@opentelemetry/api',
    );
    expect(
      normalizeDependencyName('go', 'gopkg.in/DataDog/dd-trace-go.v1'),
    ).toBe('gopkg.in/datadog/dd-trace-go.v1');
  });
});
