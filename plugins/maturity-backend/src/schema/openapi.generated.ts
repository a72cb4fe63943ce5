// Generated from openapi.yaml by scripts/generate-openapi-types.js.
// Do not edit: change the YAML and run `npm run generate:openapi`.

import type { MaturityApiOperations } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/**
 * The operations by method and path, for
 * `createValidatedOpenApiRouterFromGeneratedEndpointMap`.
 *
 * @internal
 */
export type EndpointMap = {
  '#post|/v1/events': MaturityApiOperations["IngestEvents"];
  '#get|/v1/entities/{kind}/{namespace}/{name}/events': MaturityApiOperations["ListEntityEvents"];
  '#get|/v1/entities/{kind}/{namespace}/{name}/events/by-id': MaturityApiOperations["GetEntityEventsById"];
  '#get|/v1/entities/{kind}/{namespace}/{name}/activity': MaturityApiOperations["GetEntityActivity"];
  '#get|/v1/entities/{kind}/{namespace}/{name}/scorecard': MaturityApiOperations["GetEntityScorecard"];
  '#get|/v1/entities/{kind}/{namespace}/{name}/metrics': MaturityApiOperations["GetEntityMetrics"];
  '#get|/v1/entities/{kind}/{namespace}/{name}/history': MaturityApiOperations["GetEntityHistory"];
  '#post|/v1/entities/{kind}/{namespace}/{name}/refresh': MaturityApiOperations["RefreshEntityScorecard"];
  '#get|/v1/entities/{kind}/{namespace}/{name}/exemptions': MaturityApiOperations["ListEntityExemptions"];
  '#post|/v1/entities/{kind}/{namespace}/{name}/exemptions': MaturityApiOperations["CreateEntityExemption"];
  '#get|/v1/entities/{kind}/{namespace}/{name}/exemption-events': MaturityApiOperations["ListEntityExemptionEvents"];
  '#_delete|/v1/exemptions/{id}': MaturityApiOperations["RevokeExemption"];
  '#post|/v1/exemptions/{id}/approve': MaturityApiOperations["ApproveExemption"];
  '#post|/v1/exemptions/{id}/deny': MaturityApiOperations["DenyExemption"];
  '#post|/v1/exemptions/{id}/withdraw': MaturityApiOperations["WithdrawExemption"];
  '#post|/v1/exemptions/{id}/revoke': MaturityApiOperations["RevokeApprovedExemption"];
  '#get|/v1/scorecards': MaturityApiOperations["ListScorecards"];
  '#get|/v1/rollups/org': MaturityApiOperations["GetOrgRollup"];
  '#get|/v1/rollups/{kind}/{namespace}/{name}': MaturityApiOperations["GetRollup"];
  '#get|/v1/rubric': MaturityApiOperations["GetRubric"];
  '#post|/v1/rubric/preview': MaturityApiOperations["PreviewRubric"];
  '#get|/v1/campaigns': MaturityApiOperations["ListCampaigns"];
  '#post|/v1/campaigns': MaturityApiOperations["CreateCampaign"];
  '#get|/v1/campaigns/{id}': MaturityApiOperations["GetCampaign"];
  '#put|/v1/campaigns/{id}': MaturityApiOperations["UpdateCampaign"];
  '#_delete|/v1/campaigns/{id}': MaturityApiOperations["DeleteCampaign"];
  '#get|/v1/campaigns/{id}/entities': MaturityApiOperations["ListCampaignEntities"];
  '#get|/v1/entities/{kind}/{namespace}/{name}/campaigns': MaturityApiOperations["ListEntityCampaigns"];
};

/** @internal */
export const spec = {
  "openapi": "3.1.0",
  "info": {
    "title": "maturity",
    "version": "1",
    "description": "Maturity for Backstage: raw delivery events (builds, deployments, changes,\nincidents, repository facts) per catalog entity, and the scorecards computed\nfrom them.\n\nEvery route requires a Backstage token: a user token, or a service token\n(for example a static external-access token for CI tools). Times are RFC 3339\ndate-times with an explicit offset (`2026-11-20T14:02:11Z`,\n`2026-11-20T15:02:11+01:00`) that exist on the calendar: no leap second\n(`23:59:60`), no February 30, no offset beyond ±23:59. Integer query\nparameters are decimal digits within their documented bounds. A refused\nrequest gets a 4xx whose message starts with the offending field or\nparameter; request bodies nest arrays and objects at most 16 levels. Errors\nuse Backstage's standard error body.\n",
    "license": {
      "name": "Apache-2.0",
      "url": "http://www.apache.org/licenses/LICENSE-2.0.html"
    }
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "security": [
    {
      "BearerAuth": []
    }
  ],
  "paths": {
    "/v1/events": {
      "post": {
        "operationId": "IngestEvents",
        "summary": "Ingest a batch of events",
        "description": "Writes a batch of normalized events from a tool without a collector\n(Jenkins, Argo CD, CircleCI ...). The batch is written all or nothing.\nEvents are identified by (source, externalId), repository facts by\n(source, entityRef, fact). Sending an event again changes nothing; a newer\nversion (later `updatedAt`, or later times when `updatedAt` is absent)\nreplaces the stored one, an older version is ignored. The same version\nwith other content is refused with 409 (message starting `updatedAt:`)\nand nothing of the batch is written: send a change with a later\n`updatedAt`.\n\nSources belong to their writers: the ids of installed source modules\n(e.g. `github`, `pagerduty`, the demo's `demo`) are refused with 403\nnaming `events[i].source`; a static token bound to sources in\n`maturity.ingest.writers` writes only those, and no other caller\nwrites them; a user token writes only the sources bound to that user\n(none by default).\n\nLimits: a body of at most `maturity.ingest.maxBodyBytes` (default\n5 MiB; 413 beyond), at most `maturity.ingest.maxEventsPerBatch` events\n(default 1000), every string and list field within the `maxLength` /\n`maxItems` of its schema, strings well-formed Unicode (no lone\nsurrogate). At most 20 problems are listed per refusal.\n",
        "tags": [
          "Events"
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/EventBatch"
              },
              "example": {
                "source": "jenkins",
                "events": [
                  {
                    "type": "deployment",
                    "externalId": "deploy-checkout-api-1842",
                    "entityRef": "component:default/checkout-api",
                    "environment": "production",
                    "commitSha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
                    "status": "success",
                    "automated": true,
                    "startedAt": "2026-11-20T14:02:11Z",
                    "finishedAt": "2026-11-20T14:06:40Z"
                  }
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The batch was written.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IngestResult"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "413": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "415": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/entities/{kind}/{namespace}/{name}/events": {
      "get": {
        "operationId": "ListEntityEvents",
        "summary": "Read an entity's events",
        "description": "An entity's events, newest first, one page at a time.",
        "tags": [
          "Events"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "type",
            "in": "query",
            "description": "Event types to include (repeatable); all when absent.",
            "required": false,
            "style": "form",
            "explode": true,
            "schema": {
              "type": "array",
              "maxItems": 5,
              "items": {
                "$ref": "#/components/schemas/EventType"
              }
            }
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          },
          {
            "name": "limit",
            "in": "query",
            "description": "Page size.",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 50
            }
          },
          {
            "name": "cursor",
            "in": "query",
            "description": "The `nextCursor` of the previous page.",
            "required": false,
            "schema": {
              "type": "string",
              "maxLength": 512
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of events.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EventPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/entities/{kind}/{namespace}/{name}/events/by-id": {
      "get": {
        "operationId": "GetEntityEventsById",
        "summary": "Read an entity's events by id",
        "description": "The entity's events with the given ids (what a check's evidence names), in the order of the ids, each once. Ids not found (another entity's, outside the window, deleted) are left out.",
        "tags": [
          "Events"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "id",
            "in": "query",
            "description": "Stored event ids, `deployment:123` (repeatable, at most 100); the colon may be sent as is.",
            "required": true,
            "style": "form",
            "explode": true,
            "allowReserved": true,
            "schema": {
              "type": "array",
              "minItems": 1,
              "maxItems": 100,
              "items": {
                "$ref": "#/components/schemas/StoredEventId"
              }
            }
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          }
        ],
        "responses": {
          "200": {
            "description": "The events found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EventList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/entities/{kind}/{namespace}/{name}/activity": {
      "get": {
        "operationId": "GetEntityActivity",
        "summary": "Summarize an entity's recorded activity",
        "description": "Event counts and latest times per type; the last 90 days by default.",
        "tags": [
          "Events"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          }
        ],
        "responses": {
          "200": {
            "description": "The entity's activity in the window.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ActivitySummary"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/entities/{kind}/{namespace}/{name}/scorecard": {
      "get": {
        "operationId": "GetEntityScorecard",
        "summary": "An entity's latest scorecard",
        "description": "Category levels, every check with its state, observed values, threshold,\nsource and evidence ids, the DORA delivery performance, and the MLOps\nlevel for ML entities. Precomputed; 404 until the entity is evaluated.\n",
        "tags": [
          "Scorecards"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The scorecard.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Scorecard"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/entities/{kind}/{namespace}/{name}/metrics": {
      "get": {
        "operationId": "GetEntityMetrics",
        "summary": "An entity's metrics with their evidence",
        "description": "Every metric of the last evaluation with its value (null when not\ncomputable), status (`ok`, `insufficient-data`, `not-applicable`), unit,\nsample size, minimum sample and the ids of the events behind it; read\nthose events with the events endpoint.\n",
        "tags": [
          "Scorecards"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The metrics.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EntityMetrics"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/entities/{kind}/{namespace}/{name}/history": {
      "get": {
        "operationId": "GetEntityHistory",
        "summary": "An entity's daily scorecard history",
        "description": "One point per UTC day in the range (default the last 180 days). With `asOf`, the one point that stood on that day instead (the day's own, else the latest before it; none before the first).",
        "tags": [
          "Scorecards"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          },
          {
            "name": "asOf",
            "in": "query",
            "description": "A date (`2026-10-01`) or time (RFC 3339); its UTC day is the one asked for. Not with `from` or `to`.",
            "required": false,
            "schema": {
              "type": "string",
              "maxLength": 40,
              "anyOf": [
                {
                  "format": "date"
                },
                {
                  "format": "date-time"
                }
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The history.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/HistoryPoint"
                      }
                    }
                  },
                  "required": [
                    "items"
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/entities/{kind}/{namespace}/{name}/refresh": {
      "post": {
        "operationId": "RefreshEntityScorecard",
        "summary": "Re-evaluate an entity now",
        "tags": [
          "Scorecards"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The fresh scorecard.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Scorecard"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/entities/{kind}/{namespace}/{name}/exemptions": {
      "get": {
        "operationId": "ListEntityExemptions",
        "summary": "An entity's exemptions, in every state",
        "description": "Requested, approved, denied, withdrawn, revoked and expired ones, oldest request first. Only approved ones not yet expired count as met.",
        "tags": [
          "Exemptions"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The exemptions.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Exemption"
                      }
                    }
                  },
                  "required": [
                    "items"
                  ]
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "post": {
        "operationId": "CreateEntityExemption",
        "summary": "Request an exemption of an entity from a check",
        "description": "Anyone who may read scorecards may request; the caller is the\nrequester (`author`). The request waits for a decider\n(`maturity.exemption.decide` on the entity), unless its check is in\n`maturity.exemptions.autoApprove`: then it is approved at once by\n`system`. An approved exemption applies from the next evaluation and\nstops applying at `expiresAt`.\n",
        "tags": [
          "Exemptions"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "checkId": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 255,
                    "description": "A check id of the active rubric, a category's or the MLOps track's (e.g. `mlops.1.experiment-tracking`); an exempt check counts as met in the level it belongs to."
                  },
                  "reason": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 2000
                  },
                  "expiresAt": {
                    "$ref": "#/components/schemas/Time"
                  }
                },
                "required": [
                  "checkId",
                  "reason"
                ]
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The exemption, `requested`, or `approved` when auto-approved.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Exemption"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/entities/{kind}/{namespace}/{name}/exemption-events": {
      "get": {
        "operationId": "ListEntityExemptionEvents",
        "summary": "The audit list of an entity's exemptions",
        "description": "Every state change of the entity's exemptions (who, when, what, why), newest first.",
        "tags": [
          "Exemptions"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The changes.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ExemptionEvent"
                      }
                    }
                  },
                  "required": [
                    "items"
                  ]
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/exemptions/{id}": {
      "delete": {
        "operationId": "RevokeExemption",
        "summary": "Revoke an approved exemption (deprecated; use POST .../revoke)",
        "deprecated": true,
        "tags": [
          "Exemptions"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/exemptionId"
          }
        ],
        "responses": {
          "204": {
            "description": "Revoked."
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/exemptions/{id}/approve": {
      "post": {
        "operationId": "ApproveExemption",
        "summary": "Approve a requested exemption",
        "description": "Needs `maturity.exemption.decide` on the entity; the requester never decides their own request. `expiresAt` may shorten the requested expiry (or set one when none was requested), never lengthen it.",
        "tags": [
          "Exemptions"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/exemptionId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "expiresAt": {
                    "$ref": "#/components/schemas/Time"
                  },
                  "comment": {
                    "$ref": "#/components/schemas/ExemptionComment"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The exemption after the change.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Exemption"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/exemptions/{id}/deny": {
      "post": {
        "operationId": "DenyExemption",
        "summary": "Deny a requested exemption",
        "description": "Needs `maturity.exemption.decide` on the entity; the requester never decides their own request. A denial says why.",
        "tags": [
          "Exemptions"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/exemptionId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "comment": {
                    "$ref": "#/components/schemas/ExemptionComment"
                  }
                },
                "required": [
                  "comment"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The exemption after the change.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Exemption"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/exemptions/{id}/withdraw": {
      "post": {
        "operationId": "WithdrawExemption",
        "summary": "Withdraw a request",
        "description": "Only the requester, while it is requested.",
        "tags": [
          "Exemptions"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/exemptionId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "comment": {
                    "$ref": "#/components/schemas/ExemptionComment"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The exemption after the change.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Exemption"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/exemptions/{id}/revoke": {
      "post": {
        "operationId": "RevokeApprovedExemption",
        "summary": "Revoke an approved exemption",
        "description": "Needs `maturity.exemption.decide` on the entity.",
        "tags": [
          "Exemptions"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/exemptionId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "comment": {
                    "$ref": "#/components/schemas/ExemptionComment"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The exemption after the change.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Exemption"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/scorecards": {
      "get": {
        "operationId": "ListScorecards",
        "summary": "List scorecards",
        "description": "Filtered, sorted and paged from the precomputed table. `format=csv`\nreturns the same rows as CSV (formula-like cells neutralised with a\nleading `'`): from `offset`, at most `limit` rows if given, else every\nmatching row up to 20,000; the `X-Total-Count` header says how many\nmatched.\n",
        "tags": [
          "Scorecards"
        ],
        "parameters": [
          {
            "name": "owner",
            "in": "query",
            "description": "Owner entity refs (repeatable). `includeSubgroups=true` adds every descendant group.",
            "style": "form",
            "explode": true,
            "schema": {
              "type": "array",
              "maxItems": 100,
              "items": {
                "type": "string",
                "maxLength": 255
              }
            }
          },
          {
            "name": "includeSubgroups",
            "in": "query",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "system",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "domain",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "kind",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "lifecycle",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "type",
            "in": "query",
            "description": "Only entities of this `spec.type` (e.g. `service`).",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "tag",
            "in": "query",
            "description": "Only entities carrying this catalog tag (`metadata.tags`; compared in lower case, as the catalog writes tags). Entities evaluated before tags were stored match once evaluated again.",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "minLevel",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 5
            }
          },
          {
            "name": "maxLevel",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 5
            }
          },
          {
            "name": "minMlopsLevel",
            "in": "query",
            "description": "Only ML entities (those the rubric's MLOps track applies to) at this MLOps level or above; `0` selects every ML entity.",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 2
            }
          },
          {
            "name": "maxMlopsLevel",
            "in": "query",
            "description": "Only ML entities at this MLOps level or below.",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 2
            }
          },
          {
            "name": "q",
            "in": "query",
            "description": "Case-insensitive search in entity ref and title.",
            "schema": {
              "type": "string",
              "maxLength": 200
            }
          },
          {
            "name": "failingCheck",
            "in": "query",
            "description": "Only entities whose latest evaluation fails this check (a check id of the active rubric, e.g. `test.3.e2e-tests`); the entities a rollup's `mostFailedChecks` entry counts as failed. Not applicable, insufficient data and exempt do not count as failing.",
            "schema": {
              "type": "string",
              "maxLength": 200,
              "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]*$"
            }
          },
          {
            "name": "waivedCheck",
            "in": "query",
            "description": "Only entities where this check is met only through its exemption (exempt, and its data alone would not pass); the entities a rollup's `mostFailedChecks` entry counts as waived.",
            "schema": {
              "type": "string",
              "maxLength": 200,
              "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]*$"
            }
          },
          {
            "name": "deliveryBand",
            "in": "query",
            "description": "Only entities in this overall DORA delivery band; `none` is below `low` (deployment frequency with no production deploy in 180 days); `unknown` selects those without one (a banded metric lacks data), as a rollup's `deliveryBands.unknown` counts them.",
            "schema": {
              "type": "string",
              "enum": [
                "elite",
                "high",
                "medium",
                "low",
                "none",
                "unknown"
              ]
            }
          },
          {
            "name": "levels",
            "in": "query",
            "description": "Which overall level `minLevel`, `maxLevel` and `orderBy=overallLevel` read. `withoutWaivers` reads the level the entity would have if its exempt checks counted with the state their data gave (`levelsWithoutWaivers`); an entity evaluated before that was kept has none, matches no level bound and comes last in either order.",
            "schema": {
              "type": "string",
              "enum": [
                "asScored",
                "withoutWaivers"
              ],
              "default": "asScored"
            }
          },
          {
            "name": "orderBy",
            "in": "query",
            "description": "The order of the rows, entity ref breaking ties. By `mlopsLevel`, entities without one (not ML entities) come last in either direction.",
            "schema": {
              "type": "string",
              "enum": [
                "entityRef",
                "overallLevel",
                "evaluatedAt",
                "mlopsLevel"
              ],
              "default": "entityRef"
            }
          },
          {
            "name": "order",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "asc",
                "desc"
              ],
              "default": "asc"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 50
            }
          },
          {
            "name": "offset",
            "in": "query",
            "description": "Rows to skip, at most 1,000,000.",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 1000000,
              "default": 0
            }
          },
          {
            "name": "format",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "json",
                "csv"
              ],
              "default": "json"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of scorecard summaries.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ScorecardPage"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/rollups/org": {
      "get": {
        "operationId": "GetOrgRollup",
        "summary": "The organisation-wide rollup",
        "tags": [
          "Rollups"
        ],
        "responses": {
          "200": {
            "description": "The rollup.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Rollup"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/rollups/{kind}/{namespace}/{name}": {
      "get": {
        "operationId": "GetRollup",
        "summary": "The rollup of a group (with all descendant groups), system or domain",
        "tags": [
          "Rollups"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The rollup.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Rollup"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/rubric": {
      "get": {
        "operationId": "GetRubric",
        "summary": "The active rubric",
        "description": "Categories, levels and checks with their rules, thresholds and sources, after app-config overrides, and its version.",
        "tags": [
          "Scorecards"
        ],
        "responses": {
          "200": {
            "description": "The rubric.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": true,
                  "properties": {
                    "version": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "version"
                  ]
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/rubric/preview": {
      "post": {
        "operationId": "PreviewRubric",
        "summary": "Preview the level changes a rubric override would cause",
        "description": "Evaluates a proposed `maturity.rubric` override (the same shape as in\napp-config: `checks` and `addChecks`, replacing the configured\noverride) against every entity's stored check states, metrics and\nevaluation inputs, without reading raw events, and compares the\nlevels with those the active rubric gives the same stored data.\nChecks the override leaves as they are keep their stored states\n(exempt stays exempt); changed and added checks are evaluated from\nthe stored metrics and inputs. Entities last evaluated before their\ninputs were stored are counted in `notPreviewable` when a changed\ncheck needs them. Levels are compared before any hold or grace period\nof a rubric change. An invalid override is a 400 whose message starts\nwith the path of the offending field, e.g.\n`rubric.checks.test.3.e2e-tests.threshold: must be a number`.\n",
        "tags": [
          "Scorecards"
        ],
        "parameters": [
          {
            "name": "limit",
            "in": "query",
            "description": "Affected entities per page.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 50
            }
          },
          {
            "name": "offset",
            "in": "query",
            "description": "Affected entities to skip, at most 1,000,000.",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 1000000,
              "default": 0
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RubricPreviewRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The level changes, their causes and the affected entities.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RubricPreview"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/campaigns": {
      "get": {
        "operationId": "ListCampaigns",
        "summary": "List campaigns",
        "description": "Campaigns, nearest deadline first, each with the figures of its latest computed day, paged; every status unless `status` names some. With `team`, only campaigns with in-scope entities owned by that group or its sub-groups, each with that group's part. Statuses are those of today (UTC).",
        "tags": [
          "Campaigns"
        ],
        "parameters": [
          {
            "name": "team",
            "in": "query",
            "description": "A group entity ref.",
            "schema": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          {
            "name": "status",
            "in": "query",
            "description": "Only campaigns with any of these statuses (repeatable).",
            "style": "form",
            "explode": true,
            "schema": {
              "type": "array",
              "maxItems": 3,
              "items": {
                "$ref": "#/components/schemas/CampaignStatus"
              }
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 50
            }
          },
          {
            "name": "offset",
            "in": "query",
            "description": "Rows to skip, at most 1,000,000.",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 1000000,
              "default": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The campaigns.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CampaignList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "post": {
        "operationId": "CreateCampaign",
        "summary": "Create a campaign",
        "description": "Needs `maturity.campaign.manage`. Its progress is computed in the background, from its first day (which may lie in the past) to today, from the stored history.",
        "tags": [
          "Campaigns"
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CampaignInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The campaign created.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Campaign"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/campaigns/{id}": {
      "get": {
        "operationId": "GetCampaign",
        "summary": "A campaign with its burn-up and per-team figures",
        "tags": [
          "Campaigns"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/campaignId"
          }
        ],
        "responses": {
          "200": {
            "description": "The campaign and its progress.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CampaignProgress"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "put": {
        "operationId": "UpdateCampaign",
        "summary": "Change a campaign",
        "description": "Needs `maturity.campaign.manage`. Replaces every field; its progress is computed again. A finished campaign is read-only (409).",
        "tags": [
          "Campaigns"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/campaignId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CampaignInput"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The campaign changed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Campaign"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "delete": {
        "operationId": "DeleteCampaign",
        "summary": "Delete a campaign and its figures",
        "description": "Needs `maturity.campaign.manage`. A finished campaign is read-only (409).",
        "tags": [
          "Campaigns"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/campaignId"
          }
        ],
        "responses": {
          "204": {
            "description": "Deleted."
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/campaigns/{id}/entities": {
      "get": {
        "operationId": "ListCampaignEntities",
        "summary": "A campaign's in-scope entities on its latest day",
        "description": "Those still short come with the goal checks they fail; ordered by entity ref.",
        "tags": [
          "Campaigns"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/campaignId"
          },
          {
            "name": "meetsGoal",
            "in": "query",
            "description": "Only entities that meet (true) or miss (false) the goal.",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "owner",
            "in": "query",
            "description": "Only entities owned by this group or its sub-groups.",
            "schema": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 50
            }
          },
          {
            "name": "offset",
            "in": "query",
            "description": "Rows to skip, at most 1,000,000.",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 1000000,
              "default": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of entities.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CampaignEntityPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/v1/entities/{kind}/{namespace}/{name}/campaigns": {
      "get": {
        "operationId": "ListEntityCampaigns",
        "summary": "The campaigns an entity is in scope of",
        "description": "Active and upcoming ones, nearest deadline first, with whether the entity meets each goal and what it still lacks.",
        "tags": [
          "Campaigns"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The campaigns.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EntityCampaignList"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "BearerAuth": {
        "type": "http",
        "scheme": "bearer"
      }
    },
    "parameters": {
      "campaignId": {
        "name": "id",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string",
          "maxLength": 64
        }
      },
      "exemptionId": {
        "name": "id",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string",
          "maxLength": 64
        }
      },
      "kind": {
        "name": "kind",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "namespace": {
        "name": "namespace",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "name": {
        "name": "name",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "from": {
        "name": "from",
        "in": "query",
        "description": "Inclusive start of the time range (RFC 3339 date-time).",
        "required": false,
        "schema": {
          "type": "string",
          "maxLength": 40,
          "format": "date-time"
        }
      },
      "to": {
        "name": "to",
        "in": "query",
        "description": "Exclusive end of the time range (RFC 3339 date-time).",
        "required": false,
        "schema": {
          "type": "string",
          "maxLength": 40,
          "format": "date-time"
        }
      }
    },
    "responses": {
      "ErrorResponse": {
        "description": "An error, in Backstage's standard error body.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "schemas": {
      "EntityFilter": {
        "type": "object",
        "description": "Which catalog entities a campaign covers; each list accepts any of its values, an absent or empty one any value. Entity refs are full refs.",
        "additionalProperties": false,
        "properties": {
          "owners": {
            "type": "array",
            "maxItems": 100,
            "description": "Owning groups and users (`group:` or `user:` refs).",
            "items": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          "includeSubgroups": {
            "type": "boolean",
            "description": "Whether `owners` includes every descendant group."
          },
          "systems": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          "domains": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          "kinds": {
            "type": "array",
            "maxItems": 20,
            "items": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          },
          "lifecycles": {
            "type": "array",
            "maxItems": 20,
            "items": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          },
          "types": {
            "type": "array",
            "maxItems": 20,
            "items": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          },
          "tags": {
            "type": "array",
            "maxItems": 20,
            "items": {
              "type": "string",
              "minLength": 1,
              "maxLength": 63,
              "pattern": "^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$"
            }
          }
        }
      },
      "CampaignGoal": {
        "description": "What an in-scope entity must reach. `checks`, every listed check passes (or does not apply to it); `categoryLevel`, `overallLevel`, `mlopsLevel`, at least that level (a campaign with an MLOps goal covers only the entities the MLOps track applies to).",
        "oneOf": [
          {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "type": {
                "type": "string",
                "const": "checks"
              },
              "checkIds": {
                "type": "array",
                "minItems": 1,
                "maxItems": 50,
                "description": "Enabled checks of the active rubric.",
                "items": {
                  "type": "string",
                  "maxLength": 200,
                  "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]*$"
                }
              }
            },
            "required": [
              "type",
              "checkIds"
            ]
          },
          {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "type": {
                "type": "string",
                "const": "categoryLevel"
              },
              "category": {
                "type": "string",
                "enum": [
                  "culture",
                  "design",
                  "build-deploy",
                  "test",
                  "information"
                ]
              },
              "level": {
                "type": "integer",
                "minimum": 1,
                "maximum": 5
              }
            },
            "required": [
              "type",
              "category",
              "level"
            ]
          },
          {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "type": {
                "type": "string",
                "const": "overallLevel"
              },
              "level": {
                "type": "integer",
                "minimum": 1,
                "maximum": 5
              }
            },
            "required": [
              "type",
              "level"
            ]
          },
          {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "type": {
                "type": "string",
                "const": "mlopsLevel"
              },
              "level": {
                "type": "integer",
                "minimum": 1,
                "maximum": 2
              }
            },
            "required": [
              "type",
              "level"
            ]
          }
        ]
      },
      "CampaignMilestone": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "date": {
            "$ref": "#/components/schemas/Day"
          },
          "targetShare": {
            "type": "number",
            "minimum": 0,
            "maximum": 1
          }
        },
        "required": [
          "date",
          "targetShare"
        ]
      },
      "Day": {
        "type": "string",
        "description": "A UTC calendar day, `YYYY-MM-DD`.",
        "pattern": "^\\d{4}-\\d{2}-\\d{2}$"
      },
      "CampaignInput": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 5000
          },
          "ownerRef": {
            "$ref": "#/components/schemas/EntityRef",
            "description": "The group running the campaign."
          },
          "scope": {
            "$ref": "#/components/schemas/EntityFilter"
          },
          "goal": {
            "$ref": "#/components/schemas/CampaignGoal"
          },
          "allowExemptions": {
            "type": "boolean",
            "default": false,
            "description": "Whether an approved exemption counts as meeting a goal check (for a level goal, whether the level with waivers counts rather than the level without them)."
          },
          "startsOn": {
            "$ref": "#/components/schemas/Day",
            "description": "The first day; at most 366 days before today when set or changed (past days are computed from the history)."
          },
          "deadline": {
            "$ref": "#/components/schemas/Day",
            "description": "The last day, inclusive; not before `startsOn` nor before today, and at most 731 days after `startsOn`."
          },
          "milestones": {
            "type": "array",
            "maxItems": 20,
            "description": "Target shares by date, between `startsOn` and `deadline`.",
            "items": {
              "$ref": "#/components/schemas/CampaignMilestone"
            }
          },
          "reminderDaysBefore": {
            "type": "array",
            "maxItems": 10,
            "description": "Days before the deadline on which the owners of entities still short are reminded. Absent, the configured default (`maturity.campaigns.reminderDaysBefore`).",
            "items": {
              "type": "integer",
              "minimum": 1,
              "maximum": 365
            }
          }
        },
        "required": [
          "title",
          "ownerRef",
          "scope",
          "goal",
          "startsOn",
          "deadline"
        ]
      },
      "CampaignStatus": {
        "type": "string",
        "description": "upcoming before its first day, active through its deadline, finished after it (read-only, with its final figures).",
        "enum": [
          "upcoming",
          "active",
          "finished"
        ]
      },
      "CampaignTally": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "inScope": {
            "type": "integer"
          },
          "meeting": {
            "type": "integer"
          }
        },
        "required": [
          "inScope",
          "meeting"
        ]
      },
      "Campaign": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "ownerRef": {
            "type": "string"
          },
          "scope": {
            "$ref": "#/components/schemas/EntityFilter"
          },
          "goal": {
            "$ref": "#/components/schemas/CampaignGoal"
          },
          "allowExemptions": {
            "type": "boolean"
          },
          "startsOn": {
            "$ref": "#/components/schemas/Day"
          },
          "deadline": {
            "$ref": "#/components/schemas/Day"
          },
          "milestones": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CampaignMilestone"
            }
          },
          "reminderDaysBefore": {
            "type": "array",
            "items": {
              "type": "integer"
            }
          },
          "status": {
            "$ref": "#/components/schemas/CampaignStatus"
          },
          "createdBy": {
            "type": "string"
          },
          "createdAt": {
            "$ref": "#/components/schemas/Time"
          },
          "updatedBy": {
            "type": "string"
          },
          "updatedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "finishedAt": {
            "$ref": "#/components/schemas/Time",
            "description": "When its deadline's figures were kept as final; absent until then."
          },
          "latest": {
            "type": "object",
            "description": "The figures of its latest computed day (the deadline's once finished); absent before the first computation.",
            "additionalProperties": false,
            "properties": {
              "day": {
                "$ref": "#/components/schemas/Day"
              },
              "inScope": {
                "type": "integer"
              },
              "meeting": {
                "type": "integer"
              }
            },
            "required": [
              "day",
              "inScope",
              "meeting"
            ]
          }
        },
        "required": [
          "id",
          "title",
          "description",
          "ownerRef",
          "scope",
          "goal",
          "allowExemptions",
          "startsOn",
          "deadline",
          "milestones",
          "reminderDaysBefore",
          "status",
          "createdBy",
          "createdAt",
          "updatedBy",
          "updatedAt"
        ]
      },
      "CampaignListItem": {
        "allOf": [
          {
            "$ref": "#/components/schemas/Campaign"
          },
          {
            "type": "object",
            "properties": {
              "team": {
                "$ref": "#/components/schemas/CampaignTally"
              }
            }
          }
        ]
      },
      "CampaignList": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CampaignListItem"
            }
          },
          "totalCount": {
            "type": "integer",
            "description": "How many campaigns match the filters."
          }
        },
        "required": [
          "items",
          "totalCount"
        ]
      },
      "CampaignProgress": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "campaign": {
            "$ref": "#/components/schemas/Campaign"
          },
          "days": {
            "type": "array",
            "description": "One per computed day, oldest first.",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "day": {
                  "$ref": "#/components/schemas/Day"
                },
                "inScope": {
                  "type": "integer"
                },
                "meeting": {
                  "type": "integer"
                }
              },
              "required": [
                "day",
                "inScope",
                "meeting"
              ]
            }
          },
          "teams": {
            "type": "array",
            "description": "Per direct owner on the latest day, most entities short first.",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "ownerRef": {
                  "type": "string"
                },
                "inScope": {
                  "type": "integer"
                },
                "meeting": {
                  "type": "integer"
                }
              },
              "required": [
                "ownerRef",
                "inScope",
                "meeting"
              ]
            }
          }
        },
        "required": [
          "campaign",
          "days",
          "teams"
        ]
      },
      "CampaignShortfall": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "failingChecks": {
            "type": "array",
            "description": "Goal checks it fails, or meets only through an exemption the campaign does not count; for a level goal, the checks that block the next level.",
            "items": {
              "type": "string"
            }
          },
          "level": {
            "type": "integer",
            "description": "For a level goal, the level it has."
          }
        },
        "required": [
          "failingChecks"
        ]
      },
      "CampaignEntity": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "ownerRef": {
            "type": "string"
          },
          "meetsGoal": {
            "type": "boolean"
          },
          "shortfall": {
            "$ref": "#/components/schemas/CampaignShortfall"
          }
        },
        "required": [
          "entityRef",
          "meetsGoal"
        ]
      },
      "CampaignEntityPage": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CampaignEntity"
            }
          },
          "totalCount": {
            "type": "integer"
          }
        },
        "required": [
          "items",
          "totalCount"
        ]
      },
      "EntityCampaign": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "campaign": {
            "$ref": "#/components/schemas/Campaign"
          },
          "meetsGoal": {
            "type": "boolean"
          },
          "shortfall": {
            "$ref": "#/components/schemas/CampaignShortfall"
          }
        },
        "required": [
          "campaign",
          "meetsGoal"
        ]
      },
      "EntityCampaignList": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/EntityCampaign"
            }
          }
        },
        "required": [
          "items"
        ]
      },
      "RubricPreviewRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "rubric": {
            "type": "object",
            "description": "The proposed `maturity.rubric` override, as in app-config; `{}` previews the default rubric.",
            "additionalProperties": true
          }
        },
        "required": [
          "rubric"
        ]
      },
      "RubricPreviewScope": {
        "type": "string",
        "description": "The overall level, a category's level or the MLOps level.",
        "enum": [
          "overall",
          "culture",
          "design",
          "build-deploy",
          "test",
          "information",
          "mlops"
        ]
      },
      "RubricPreview": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "currentRubricVersion": {
            "type": "string"
          },
          "proposedRubricVersion": {
            "type": "string"
          },
          "entitiesCompared": {
            "type": "integer",
            "description": "Entities whose levels were compared."
          },
          "entitiesChanged": {
            "type": "integer",
            "description": "Entities with at least one level changed."
          },
          "notPreviewable": {
            "type": "integer",
            "description": "Entities a changed check needs stored inputs of that their last evaluation did not store; not compared."
          },
          "changedChecks": {
            "type": "array",
            "description": "The checks the override changes with respect to the active rubric.",
            "items": {
              "$ref": "#/components/schemas/RubricCheckChange"
            }
          },
          "levelChanges": {
            "type": "array",
            "description": "Entities per scope, kind and level change, e.g. 37 components whose overall level drops from 3 to 2; largest first within a scope.",
            "items": {
              "$ref": "#/components/schemas/RubricLevelChange"
            }
          },
          "checks": {
            "type": "array",
            "description": "The changed checks responsible for level changes, with the entities whose level in the check's category (or MLOps track) each lowers or raises.",
            "items": {
              "$ref": "#/components/schemas/RubricPreviewCheck"
            }
          },
          "teams": {
            "type": "array",
            "description": "Per owner, the entities with a lowered or raised overall level and those with any level changed; most lowered first.",
            "items": {
              "$ref": "#/components/schemas/RubricPreviewTeam"
            }
          },
          "entities": {
            "$ref": "#/components/schemas/RubricPreviewEntityPage"
          }
        },
        "required": [
          "currentRubricVersion",
          "proposedRubricVersion",
          "entitiesCompared",
          "entitiesChanged",
          "notPreviewable",
          "changedChecks",
          "levelChanges",
          "checks",
          "teams",
          "entities"
        ]
      },
      "RubricCheckChange": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "checkId": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "category": {
            "type": "string"
          },
          "level": {
            "type": "integer"
          },
          "changes": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "added",
                "removed",
                "enabled",
                "disabled",
                "required",
                "not-required",
                "rule"
              ]
            }
          }
        },
        "required": [
          "checkId",
          "title",
          "category",
          "level",
          "changes"
        ]
      },
      "RubricLevelChange": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "scope": {
            "$ref": "#/components/schemas/RubricPreviewScope"
          },
          "kind": {
            "type": "string",
            "description": "The entities' kind, lower case."
          },
          "from": {
            "type": "integer"
          },
          "to": {
            "type": "integer"
          },
          "count": {
            "type": "integer"
          }
        },
        "required": [
          "scope",
          "kind",
          "from",
          "to",
          "count"
        ]
      },
      "RubricPreviewCheck": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "checkId": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "lowered": {
            "type": "integer"
          },
          "raised": {
            "type": "integer"
          }
        },
        "required": [
          "checkId",
          "title",
          "lowered",
          "raised"
        ]
      },
      "RubricPreviewTeam": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "ownerRef": {
            "type": [
              "string",
              "null"
            ]
          },
          "lowered": {
            "type": "integer",
            "description": "Entities whose overall level drops."
          },
          "raised": {
            "type": "integer",
            "description": "Entities whose overall level rises."
          },
          "changed": {
            "type": "integer",
            "description": "Entities with any level changed."
          }
        },
        "required": [
          "ownerRef",
          "lowered",
          "raised",
          "changed"
        ]
      },
      "RubricPreviewEntity": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "title": {
            "type": [
              "string",
              "null"
            ]
          },
          "kind": {
            "type": "string"
          },
          "ownerRef": {
            "type": [
              "string",
              "null"
            ]
          },
          "changes": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "scope": {
                  "$ref": "#/components/schemas/RubricPreviewScope"
                },
                "from": {
                  "type": "integer"
                },
                "to": {
                  "type": "integer"
                }
              },
              "required": [
                "scope",
                "from",
                "to"
              ]
            }
          },
          "checks": {
            "type": "array",
            "description": "The changed checks responsible for this entity's changes.",
            "items": {
              "type": "string"
            }
          }
        },
        "required": [
          "entityRef",
          "title",
          "kind",
          "ownerRef",
          "changes",
          "checks"
        ]
      },
      "RubricPreviewEntityPage": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RubricPreviewEntity"
            }
          },
          "totalCount": {
            "type": "integer"
          },
          "limit": {
            "type": "integer"
          },
          "offset": {
            "type": "integer"
          }
        },
        "required": [
          "items",
          "totalCount",
          "limit",
          "offset"
        ]
      },
      "Error": {
        "type": "object",
        "properties": {
          "error": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            },
            "required": [
              "name",
              "message"
            ]
          },
          "request": {
            "type": "object",
            "properties": {
              "method": {
                "type": "string"
              },
              "url": {
                "type": "string"
              }
            }
          },
          "response": {
            "type": "object",
            "properties": {
              "statusCode": {
                "type": "number"
              }
            }
          }
        },
        "required": [
          "error",
          "response"
        ]
      },
      "EventType": {
        "type": "string",
        "enum": [
          "build",
          "deployment",
          "change",
          "incident",
          "repo_fact"
        ]
      },
      "Time": {
        "type": "string",
        "maxLength": 40,
        "format": "date-time",
        "description": "RFC 3339 date-time with an explicit offset, existing on the calendar (no leap second, no February 30)."
      },
      "Sha": {
        "type": "string",
        "maxLength": 64,
        "pattern": "^[0-9a-fA-F]{7,64}$"
      },
      "EntityRef": {
        "type": "string",
        "minLength": 1,
        "maxLength": 255,
        "description": "Full entity reference, `kind:namespace/name` (namespace defaults to `default`)."
      },
      "ExternalId": {
        "type": "string",
        "minLength": 1,
        "maxLength": 255,
        "description": "The record's id in its source; unique per source, compared exactly; well-formed Unicode."
      },
      "Source": {
        "type": "string",
        "minLength": 1,
        "maxLength": 64,
        "pattern": "^[a-zA-Z0-9][a-zA-Z0-9._-]*$",
        "description": "The tool the event comes from, e.g. `jenkins`."
      },
      "ShortText": {
        "type": "string",
        "maxLength": 255
      },
      "StringList": {
        "type": "array",
        "description": "At most 1,000 items of 255 characters (GitHub allows 100 labels on an issue or pull request).",
        "maxItems": 1000,
        "items": {
          "type": "string",
          "maxLength": 255
        }
      },
      "EventBatch": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "source": {
            "$ref": "#/components/schemas/Source",
            "description": "Default `source` for events that do not name one."
          },
          "events": {
            "type": "array",
            "description": "At most `maturity.ingest.maxEventsPerBatch` events (default 1000).",
            "minItems": 1,
            "items": {
              "$ref": "#/components/schemas/Event"
            }
          }
        },
        "required": [
          "events"
        ]
      },
      "Event": {
        "oneOf": [
          {
            "$ref": "#/components/schemas/BuildEvent"
          },
          {
            "$ref": "#/components/schemas/DeploymentEvent"
          },
          {
            "$ref": "#/components/schemas/ChangeEvent"
          },
          {
            "$ref": "#/components/schemas/IncidentEvent"
          },
          {
            "$ref": "#/components/schemas/RepoFactEvent"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "build": "#/components/schemas/BuildEvent",
            "deployment": "#/components/schemas/DeploymentEvent",
            "change": "#/components/schemas/ChangeEvent",
            "incident": "#/components/schemas/IncidentEvent",
            "repo_fact": "#/components/schemas/RepoFactEvent"
          }
        }
      },
      "BuildEvent": {
        "type": "object",
        "description": "A CI pipeline run.",
        "additionalProperties": false,
        "properties": {
          "type": {
            "const": "build"
          },
          "source": {
            "$ref": "#/components/schemas/Source"
          },
          "externalId": {
            "$ref": "#/components/schemas/ExternalId"
          },
          "entityRef": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "updatedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "url": {
            "type": "string",
            "maxLength": 2048
          },
          "pipeline": {
            "$ref": "#/components/schemas/ShortText"
          },
          "branch": {
            "$ref": "#/components/schemas/ShortText"
          },
          "isDefaultBranch": {
            "type": "boolean"
          },
          "commitSha": {
            "$ref": "#/components/schemas/Sha"
          },
          "trigger": {
            "type": "string",
            "enum": [
              "push",
              "pull_request",
              "schedule",
              "manual",
              "other"
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "queued",
              "running",
              "success",
              "failure",
              "cancelled",
              "skipped"
            ]
          },
          "startedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "finishedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "steps": {
            "type": "array",
            "description": "What the run did, at most 1,000 step kinds (a GitHub Actions workflow runs at most 256 jobs; a Jenkins pipeline rarely has more than a few hundred stages).",
            "maxItems": 1000,
            "items": {
              "type": "string",
              "enum": [
                "build",
                "unit-test",
                "integration-test",
                "e2e-test",
                "performance-test",
                "lint",
                "static-analysis",
                "sast",
                "sca",
                "coverage",
                "publish",
                "deploy"
              ]
            }
          }
        },
        "required": [
          "type",
          "externalId",
          "entityRef",
          "status",
          "startedAt"
        ]
      },
      "DeploymentEvent": {
        "type": "object",
        "description": "A deployment of an entity to an environment.",
        "additionalProperties": false,
        "properties": {
          "type": {
            "const": "deployment"
          },
          "source": {
            "$ref": "#/components/schemas/Source"
          },
          "externalId": {
            "$ref": "#/components/schemas/ExternalId"
          },
          "entityRef": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "updatedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "url": {
            "type": "string",
            "maxLength": 2048
          },
          "environment": {
            "type": "string",
            "minLength": 1,
            "maxLength": 128
          },
          "commitSha": {
            "$ref": "#/components/schemas/Sha"
          },
          "commitShas": {
            "type": "array",
            "description": "The commits the deployment shipped, at most 2,048 (what a GitHub push webhook carries; the compare API lists 100 commits a page). A source with more sends the oldest 2,048, so the changes that waited longest keep their lead time.",
            "maxItems": 2048,
            "items": {
              "$ref": "#/components/schemas/Sha"
            }
          },
          "fixesIncidents": {
            "type": "array",
            "description": "The incidents this deployment fixes, at most 100, each named `<source>:<externalId>` as its incident event was sent (e.g. `pagerduty:Q1ABC`; a source name holds no colon, so the first one separates). A successful production deploy naming an incident linked to a failed deploy ends that deploy's recovery time.",
            "maxItems": 100,
            "items": {
              "type": "string",
              "minLength": 3,
              "maxLength": 320,
              "pattern": "^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}:.+$"
            }
          },
          "status": {
            "type": "string",
            "enum": [
              "pending",
              "in_progress",
              "success",
              "failure",
              "cancelled"
            ]
          },
          "reason": {
            "type": "string",
            "enum": [
              "planned",
              "hotfix",
              "rollback"
            ]
          },
          "automated": {
            "type": "boolean"
          },
          "strategy": {
            "type": "string",
            "maxLength": 64
          },
          "startedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "finishedAt": {
            "$ref": "#/components/schemas/Time"
          }
        },
        "required": [
          "type",
          "externalId",
          "entityRef",
          "environment",
          "status",
          "startedAt"
        ]
      },
      "ChangeEvent": {
        "type": "object",
        "description": "A pull request, or a commit pushed straight to a branch.",
        "additionalProperties": false,
        "properties": {
          "type": {
            "const": "change"
          },
          "source": {
            "$ref": "#/components/schemas/Source"
          },
          "externalId": {
            "$ref": "#/components/schemas/ExternalId"
          },
          "entityRef": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "updatedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "url": {
            "type": "string",
            "maxLength": 2048
          },
          "kind": {
            "type": "string",
            "enum": [
              "pull_request",
              "commit"
            ]
          },
          "state": {
            "type": "string",
            "enum": [
              "open",
              "merged",
              "closed"
            ]
          },
          "title": {
            "type": "string",
            "maxLength": 1024
          },
          "author": {
            "$ref": "#/components/schemas/ShortText"
          },
          "targetBranch": {
            "$ref": "#/components/schemas/ShortText"
          },
          "sha": {
            "$ref": "#/components/schemas/Sha"
          },
          "commitShas": {
            "type": "array",
            "description": "The change's commits, at most 1,000 (GitHub lists at most 250 commits of a pull request).",
            "maxItems": 1000,
            "items": {
              "$ref": "#/components/schemas/Sha"
            }
          },
          "authoredAt": {
            "$ref": "#/components/schemas/Time"
          },
          "openedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "firstReviewAt": {
            "$ref": "#/components/schemas/Time"
          },
          "approvedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "mergedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "closedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "reviewCount": {
            "type": "integer",
            "minimum": 0
          },
          "directPush": {
            "type": "boolean"
          },
          "isRevert": {
            "type": "boolean"
          },
          "revertsSha": {
            "$ref": "#/components/schemas/Sha"
          },
          "touchesSource": {
            "type": "boolean"
          },
          "touchesTests": {
            "type": "boolean"
          },
          "labels": {
            "$ref": "#/components/schemas/StringList"
          },
          "linkedIssues": {
            "$ref": "#/components/schemas/StringList"
          }
        },
        "required": [
          "type",
          "externalId",
          "entityRef",
          "kind",
          "state"
        ]
      },
      "IncidentEvent": {
        "type": "object",
        "description": "An incident, with explicit links to what caused it where known.",
        "additionalProperties": false,
        "properties": {
          "type": {
            "const": "incident"
          },
          "source": {
            "$ref": "#/components/schemas/Source"
          },
          "externalId": {
            "$ref": "#/components/schemas/ExternalId"
          },
          "entityRef": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "updatedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "url": {
            "type": "string",
            "maxLength": 2048
          },
          "title": {
            "type": "string",
            "maxLength": 1024
          },
          "status": {
            "type": "string",
            "enum": [
              "triggered",
              "acknowledged",
              "resolved"
            ]
          },
          "urgency": {
            "type": "string",
            "enum": [
              "high",
              "low"
            ]
          },
          "priority": {
            "type": "string",
            "maxLength": 64
          },
          "triggeredAt": {
            "$ref": "#/components/schemas/Time"
          },
          "acknowledgedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "resolvedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "postmortemAt": {
            "$ref": "#/components/schemas/Time"
          },
          "responderTeam": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "linkedDeploymentIds": {
            "$ref": "#/components/schemas/StringList"
          },
          "linkedCommitShas": {
            "type": "array",
            "maxItems": 1000,
            "items": {
              "$ref": "#/components/schemas/Sha"
            }
          }
        },
        "required": [
          "type",
          "externalId",
          "entityRef",
          "status",
          "urgency",
          "triggeredAt"
        ]
      },
      "RepoFactEvent": {
        "type": "object",
        "description": "A snapshot fact about an entity's repository; the latest observation wins.",
        "additionalProperties": false,
        "properties": {
          "type": {
            "const": "repo_fact"
          },
          "source": {
            "$ref": "#/components/schemas/Source"
          },
          "entityRef": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "updatedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "url": {
            "type": "string",
            "maxLength": 2048
          },
          "fact": {
            "type": "string",
            "minLength": 1,
            "maxLength": 128,
            "pattern": "^[a-z0-9][a-z0-9._-]*$"
          },
          "value": {
            "type": [
              "boolean",
              "number",
              "string",
              "null"
            ],
            "description": "A string value holds at most 4,096 characters.",
            "maxLength": 4096
          },
          "observedAt": {
            "$ref": "#/components/schemas/Time"
          }
        },
        "required": [
          "type",
          "entityRef",
          "fact",
          "value",
          "observedAt"
        ]
      },
      "StoredEvent": {
        "type": "object",
        "description": "One of BuildEvent, DeploymentEvent, ChangeEvent, IncidentEvent or\nRepoFactEvent (told apart by `type`), with the store's id and times.\n",
        "additionalProperties": true,
        "properties": {
          "id": {
            "type": "string"
          },
          "type": {
            "$ref": "#/components/schemas/EventType"
          },
          "occurredAt": {
            "$ref": "#/components/schemas/Time"
          },
          "ingestedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "updatedAt": {
            "$ref": "#/components/schemas/Time"
          }
        },
        "required": [
          "id",
          "type",
          "occurredAt",
          "ingestedAt",
          "updatedAt"
        ]
      },
      "StoredEventId": {
        "type": "string",
        "maxLength": 40,
        "pattern": "^(build|deployment|change|incident|repo_fact):[1-9][0-9]{0,15}$",
        "description": "A stored event's id, its type and its number, e.g. `deployment:123`."
      },
      "EventList": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/StoredEvent"
            }
          }
        },
        "required": [
          "items"
        ]
      },
      "EventPage": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/StoredEvent"
            }
          },
          "nextCursor": {
            "type": "string"
          }
        },
        "required": [
          "items"
        ]
      },
      "Scorecard": {
        "type": "object",
        "description": "See `Scorecard` in `@maturity-for-backstage/backstage-plugin-maturity-common`.",
        "additionalProperties": true,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "rubricVersion": {
            "type": "string"
          },
          "evaluatedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "overallLevel": {
            "type": "integer",
            "minimum": 0,
            "maximum": 5,
            "description": "The median of the held category levels."
          },
          "rawOverallLevel": {
            "$ref": "#/components/schemas/MaturityLevel",
            "description": "The median of the raw category levels (what today's checks alone give); absent on scorecards evaluated before levels were held."
          },
          "imbalanced": {
            "type": "boolean"
          },
          "categories": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": true,
              "properties": {
                "level": {
                  "$ref": "#/components/schemas/MaturityLevel",
                  "description": "The held level, which drops only after `maturity.evaluation.levelDropAfterDays` days in a row below it."
                },
                "rawLevel": {
                  "$ref": "#/components/schemas/MaturityLevel"
                },
                "atRisk": {
                  "$ref": "#/components/schemas/CategoryAtRisk"
                }
              }
            }
          },
          "checks": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": true,
              "properties": {
                "countsFrom": {
                  "type": "string",
                  "format": "date",
                  "description": "Set while the check is advisory (new or changed in a recent rubric change; not counted in levels), the UTC day from which it counts."
                }
              }
            }
          },
          "delivery": {
            "type": "object",
            "additionalProperties": true
          },
          "levelsWithoutWaivers": {
            "$ref": "#/components/schemas/LevelsWithoutWaivers"
          }
        },
        "required": [
          "entityRef",
          "rubricVersion",
          "evaluatedAt",
          "overallLevel",
          "categories",
          "checks",
          "delivery"
        ]
      },
      "CategoryAtRisk": {
        "type": "object",
        "description": "A category held above its raw level, and when it would drop.",
        "additionalProperties": false,
        "properties": {
          "belowDays": {
            "type": "integer",
            "description": "On how many UTC days in a row evaluations found it below its held level."
          },
          "dropsOn": {
            "type": "string",
            "format": "date",
            "description": "The UTC day it drops if still below then."
          },
          "checks": {
            "type": "array",
            "description": "The unmet checks of the levels between the raw and the held level.",
            "items": {
              "type": "string"
            }
          }
        },
        "required": [
          "belowDays",
          "dropsOn",
          "checks"
        ]
      },
      "MaturityLevel": {
        "type": "integer",
        "enum": [
          0,
          1,
          2,
          3,
          4,
          5
        ],
        "description": "0 none, 1 Base, 2 Beginner, 3 Intermediate, 4 Advanced, 5 Expert."
      },
      "CategoryLevels": {
        "type": "object",
        "description": "The level of each Continuous Delivery Maturity Model category.",
        "additionalProperties": false,
        "properties": {
          "culture": {
            "$ref": "#/components/schemas/MaturityLevel"
          },
          "design": {
            "$ref": "#/components/schemas/MaturityLevel"
          },
          "build-deploy": {
            "$ref": "#/components/schemas/MaturityLevel"
          },
          "test": {
            "$ref": "#/components/schemas/MaturityLevel"
          },
          "information": {
            "$ref": "#/components/schemas/MaturityLevel"
          }
        },
        "required": [
          "culture",
          "design",
          "build-deploy",
          "test",
          "information"
        ]
      },
      "LevelsWithoutWaivers": {
        "type": "object",
        "description": "The levels an entity would have if its exempt checks counted with the state their data gave (an exempt check that passes anyway changes nothing). Absent for a scorecard evaluated before they were kept.",
        "additionalProperties": false,
        "properties": {
          "overallLevel": {
            "$ref": "#/components/schemas/MaturityLevel"
          },
          "categoryLevels": {
            "$ref": "#/components/schemas/CategoryLevels"
          },
          "mlopsLevel": {
            "type": "integer",
            "enum": [
              0,
              1,
              2
            ],
            "description": "For ML entities only."
          }
        },
        "required": [
          "overallLevel",
          "categoryLevels"
        ]
      },
      "CheckState": {
        "type": "string",
        "enum": [
          "pass",
          "fail",
          "not-applicable",
          "insufficient-data",
          "exempt"
        ]
      },
      "CheckStates": {
        "type": "object",
        "description": "Each check's state by check id.",
        "additionalProperties": {
          "$ref": "#/components/schemas/CheckState"
        }
      },
      "ScorecardSummary": {
        "type": "object",
        "description": "A compact row of a scorecard, as the scorecard list returns it.",
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "lifecycle": {
            "type": "string"
          },
          "ownerRef": {
            "type": "string"
          },
          "systemRef": {
            "type": "string"
          },
          "domainRef": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "overallLevel": {
            "$ref": "#/components/schemas/MaturityLevel"
          },
          "categoryLevels": {
            "$ref": "#/components/schemas/CategoryLevels"
          },
          "deliveryBand": {
            "type": [
              "string",
              "null"
            ]
          },
          "imbalanced": {
            "type": "boolean"
          },
          "mlopsLevel": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "maximum": 2,
            "description": "The MLOps level 0–2 of an ML entity; null for an entity the MLOps track does not apply to."
          },
          "rubricVersion": {
            "type": "string"
          },
          "evaluatedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "checkStates": {
            "$ref": "#/components/schemas/CheckStates"
          },
          "levelsWithoutWaivers": {
            "$ref": "#/components/schemas/LevelsWithoutWaivers"
          },
          "waivedCheckStates": {
            "$ref": "#/components/schemas/CheckStates",
            "description": "For each exempt check, the state its data gave, which the exemption replaced. Absent for a scorecard evaluated before it was kept."
          }
        },
        "required": [
          "entityRef",
          "kind",
          "overallLevel",
          "categoryLevels",
          "deliveryBand",
          "imbalanced",
          "mlopsLevel",
          "rubricVersion",
          "evaluatedAt",
          "checkStates"
        ]
      },
      "ScorecardPage": {
        "type": "object",
        "description": "One page of scorecard summaries.",
        "additionalProperties": false,
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ScorecardSummary"
            }
          },
          "totalCount": {
            "type": "integer",
            "description": "How many scorecards match the filters."
          }
        },
        "required": [
          "items",
          "totalCount"
        ]
      },
      "EntityMetrics": {
        "type": "object",
        "additionalProperties": true,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "from": {
            "$ref": "#/components/schemas/Time"
          },
          "to": {
            "$ref": "#/components/schemas/Time"
          },
          "metrics": {
            "type": "object",
            "additionalProperties": {
              "type": "object",
              "additionalProperties": true,
              "properties": {
                "value": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "status": {
                  "type": "string",
                  "enum": [
                    "ok",
                    "insufficient-data",
                    "not-applicable"
                  ]
                },
                "unit": {
                  "type": "string"
                },
                "sampleSize": {
                  "type": "integer"
                },
                "minimumSample": {
                  "type": "integer"
                },
                "evidence": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                }
              }
            }
          },
          "incidentLinks": {
            "type": "array",
            "description": "Each incident of the window, the deploy it was linked to, and how (explicit reference, the 24-hour window rule, or none).",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "incidentId": {
                  "type": "string"
                },
                "deploymentId": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "method": {
                  "type": "string",
                  "enum": [
                    "explicit",
                    "window",
                    "none"
                  ]
                }
              },
              "required": [
                "incidentId",
                "deploymentId",
                "method"
              ]
            }
          }
        },
        "required": [
          "entityRef",
          "from",
          "to",
          "metrics"
        ]
      },
      "HistoryPoint": {
        "type": "object",
        "description": "One day of an entity's scorecard history.",
        "additionalProperties": false,
        "properties": {
          "day": {
            "type": "string",
            "format": "date",
            "description": "UTC day, `YYYY-MM-DD`."
          },
          "overallLevel": {
            "$ref": "#/components/schemas/MaturityLevel"
          },
          "categoryLevels": {
            "$ref": "#/components/schemas/CategoryLevels"
          },
          "rawOverallLevel": {
            "$ref": "#/components/schemas/MaturityLevel",
            "description": "The day's raw overall level (`overallLevel` is the held one); equal to it on backfilled days and on points written before levels were held. The backend always returns it and `rawCategoryLevels`."
          },
          "rawCategoryLevels": {
            "$ref": "#/components/schemas/CategoryLevels"
          },
          "deliveryBand": {
            "type": [
              "string",
              "null"
            ]
          },
          "rubricVersion": {
            "type": "string"
          },
          "checkStates": {
            "$ref": "#/components/schemas/CheckStates"
          }
        },
        "required": [
          "day",
          "overallLevel",
          "categoryLevels",
          "deliveryBand",
          "rubricVersion",
          "checkStates"
        ]
      },
      "Rollup": {
        "type": "object",
        "description": "See `Rollup` in `@maturity-for-backstage/backstage-plugin-maturity-common`.",
        "additionalProperties": true,
        "properties": {
          "scopeRef": {
            "type": "string"
          },
          "scopeKind": {
            "type": "string",
            "enum": [
              "group",
              "system",
              "domain",
              "org"
            ]
          },
          "entityCount": {
            "type": "integer"
          },
          "kinds": {
            "type": "array",
            "description": "On the org rollup, the kinds of the scored entities (lowercase, sorted).",
            "items": {
              "type": "string"
            }
          },
          "childKind": {
            "type": "string",
            "enum": [
              "group",
              "system",
              "entity"
            ],
            "description": "What `children` holds. `entity` (a system, or a group without sub-groups) is the scope's own entities with their levels, lowest overall level first, at most 20 of `entityCount`."
          },
          "mlops": {
            "$ref": "#/components/schemas/MlopsRollup"
          },
          "checkBands": {
            "$ref": "#/components/schemas/CheckBands"
          },
          "withoutWaivers": {
            "$ref": "#/components/schemas/RollupLevelsWithoutWaivers"
          }
        },
        "required": [
          "scopeRef",
          "scopeKind",
          "entityCount"
        ]
      },
      "CheckBands": {
        "type": "object",
        "description": "The scope's check results (MLOps checks apart) in three bands. `waived` are exempt checks whose data alone would not pass; an exempt check that passes anyway is in `pass`. Not applicable and insufficient data are in none. Absent from rollups computed before it was added.",
        "additionalProperties": false,
        "properties": {
          "pass": {
            "type": "integer",
            "minimum": 0
          },
          "waived": {
            "type": "integer",
            "minimum": 0
          },
          "fail": {
            "type": "integer",
            "minimum": 0
          }
        },
        "required": [
          "pass",
          "waived",
          "fail"
        ]
      },
      "LevelSummary": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "distribution": {
            "type": "array",
            "description": "Entities at each level 0 to 5 (index = level).",
            "items": {
              "type": "integer",
              "minimum": 0
            },
            "minItems": 6,
            "maxItems": 6
          },
          "median": {
            "type": [
              "number",
              "null"
            ]
          }
        },
        "required": [
          "distribution",
          "median"
        ]
      },
      "RollupLevelsWithoutWaivers": {
        "type": "object",
        "description": "The rollup's levels again, each entity at its levels without waivers (an entity evaluated before they were kept counts at its levels). `children` are the heatmap rows, in the order of the rollup's `children`. Absent from rollups computed before it was added.",
        "additionalProperties": false,
        "properties": {
          "overall": {
            "$ref": "#/components/schemas/LevelSummary"
          },
          "categories": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "culture": {
                "$ref": "#/components/schemas/LevelSummary"
              },
              "design": {
                "$ref": "#/components/schemas/LevelSummary"
              },
              "build-deploy": {
                "$ref": "#/components/schemas/LevelSummary"
              },
              "test": {
                "$ref": "#/components/schemas/LevelSummary"
              },
              "information": {
                "$ref": "#/components/schemas/LevelSummary"
              }
            },
            "required": [
              "culture",
              "design",
              "build-deploy",
              "test",
              "information"
            ]
          },
          "children": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "scopeRef": {
                  "type": "string"
                },
                "overallMedian": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "categoryMedians": {
                  "type": "object",
                  "additionalProperties": {
                    "type": [
                      "number",
                      "null"
                    ]
                  }
                }
              },
              "required": [
                "scopeRef",
                "overallMedian",
                "categoryMedians"
              ]
            }
          }
        },
        "required": [
          "overall",
          "categories",
          "children"
        ]
      },
      "MlopsRollup": {
        "type": "object",
        "description": "The MLOps levels of a rollup's ML entities (those the rubric's MLOps track applies to); absent from a rollup without ML entities.",
        "additionalProperties": false,
        "properties": {
          "entityCount": {
            "type": "integer",
            "minimum": 1,
            "description": "ML entities in the scope."
          },
          "distribution": {
            "type": "array",
            "description": "ML entities at each MLOps level 0, 1 and 2 (index = level).",
            "items": {
              "type": "integer",
              "minimum": 0
            },
            "minItems": 3,
            "maxItems": 3
          },
          "median": {
            "type": "number",
            "description": "Median MLOps level; the mean of the two middle levels for an even count."
          },
          "mostFailedChecks": {
            "type": "array",
            "description": "The MLOps checks failing most often, most failed first (at most 10).",
            "maxItems": 10,
            "items": {
              "$ref": "#/components/schemas/FailingCheck"
            }
          }
        },
        "required": [
          "entityCount",
          "distribution",
          "median",
          "mostFailedChecks"
        ]
      },
      "FailingCheck": {
        "type": "object",
        "description": "A check and how often it fails, or is met only through a waiver, across a rollup's scope.",
        "additionalProperties": false,
        "properties": {
          "checkId": {
            "type": "string"
          },
          "failed": {
            "type": "integer",
            "minimum": 0
          },
          "waived": {
            "type": "integer",
            "minimum": 0,
            "description": "Entities where the check is exempt and its data alone would not pass. Absent from rollups computed before it was added."
          },
          "applicable": {
            "type": "integer",
            "minimum": 1,
            "description": "Entities where the check applied (not not-applicable, not insufficient data)."
          }
        },
        "required": [
          "checkId",
          "failed",
          "applicable"
        ]
      },
      "Exemption": {
        "type": "object",
        "description": "A waiver of one check for one entity.",
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "checkId": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/ExemptionStatus"
          },
          "author": {
            "type": "string",
            "description": "Entity ref of the user who requested it."
          },
          "createdAt": {
            "$ref": "#/components/schemas/Time",
            "description": "When it was requested."
          },
          "requestedExpiresAt": {
            "$ref": "#/components/schemas/Time",
            "description": "The expiry the requester asked for. Absent: none."
          },
          "expiresAt": {
            "$ref": "#/components/schemas/Time",
            "description": "When it stops applying: the requested expiry, or the shorter one the decider set. Absent: no expiry."
          },
          "decidedBy": {
            "type": "string",
            "description": "Who approved or denied it (a user entity ref, or `system` for an auto-approval)."
          },
          "decidedAt": {
            "$ref": "#/components/schemas/Time"
          },
          "decisionComment": {
            "type": "string"
          },
          "endedAt": {
            "$ref": "#/components/schemas/Time",
            "description": "When it was withdrawn, revoked or expired."
          }
        },
        "required": [
          "id",
          "entityRef",
          "checkId",
          "reason",
          "status",
          "author",
          "createdAt"
        ]
      },
      "ExemptionStatus": {
        "type": "string",
        "description": "requested → approved | denied | withdrawn; approved → revoked | expired. Only approved ones before their expiry count as met.",
        "enum": [
          "requested",
          "approved",
          "denied",
          "withdrawn",
          "revoked",
          "expired"
        ]
      },
      "ExemptionComment": {
        "type": "string",
        "minLength": 1,
        "maxLength": 2000
      },
      "ExemptionEvent": {
        "type": "object",
        "description": "One state change of an exemption, as the audit list keeps it.",
        "additionalProperties": false,
        "properties": {
          "exemptionId": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "checkId": {
            "type": "string"
          },
          "action": {
            "type": "string",
            "enum": [
              "requested",
              "approved",
              "denied",
              "withdrawn",
              "revoked",
              "expired"
            ]
          },
          "actor": {
            "type": "string",
            "description": "Entity ref of the user, or `system` (auto-approval, expiry)."
          },
          "at": {
            "$ref": "#/components/schemas/Time"
          },
          "comment": {
            "type": "string"
          }
        },
        "required": [
          "exemptionId",
          "entityRef",
          "checkId",
          "action",
          "actor",
          "at"
        ]
      },
      "IngestResult": {
        "type": "object",
        "description": "Outcome of writing a batch.",
        "additionalProperties": false,
        "properties": {
          "created": {
            "type": "integer",
            "description": "Events not stored before."
          },
          "updated": {
            "type": "integer",
            "description": "Events that replaced an older version."
          },
          "unchanged": {
            "type": "integer",
            "description": "Replays and stale versions; nothing was written for them."
          }
        },
        "required": [
          "created",
          "updated",
          "unchanged"
        ]
      },
      "ActivitySummary": {
        "type": "object",
        "description": "Counts of an entity's events in a window, for the activity view.",
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "from": {
            "$ref": "#/components/schemas/Time"
          },
          "to": {
            "$ref": "#/components/schemas/Time"
          },
          "counts": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "build": {
                "type": "integer"
              },
              "deployment": {
                "type": "integer"
              },
              "change": {
                "type": "integer"
              },
              "incident": {
                "type": "integer"
              },
              "repo_fact": {
                "type": "integer"
              }
            },
            "required": [
              "build",
              "deployment",
              "change",
              "incident",
              "repo_fact"
            ]
          },
          "latest": {
            "type": "object",
            "description": "Time of the latest event of each type in the window.",
            "additionalProperties": false,
            "properties": {
              "build": {
                "$ref": "#/components/schemas/Time"
              },
              "deployment": {
                "$ref": "#/components/schemas/Time"
              },
              "change": {
                "$ref": "#/components/schemas/Time"
              },
              "incident": {
                "$ref": "#/components/schemas/Time"
              },
              "repo_fact": {
                "$ref": "#/components/schemas/Time"
              }
            }
          }
        },
        "required": [
          "entityRef",
          "from",
          "to",
          "counts",
          "latest"
        ]
      }
    }
  }
} as const;
