/**
 * The wire contract of the Maturity API, generated from the backend's
 * `openapi.yaml`, under the names the plugins use. Domain types the API
 * returns as they are (`Scorecard`, `Rollup`, `EntityMetrics`, `Rubric`, the
 * events) are checked against their schemas in `domainTypesConform.ts`.
 */

import type {
  MaturityApiOperations,
  MaturityApiSchemas,
} from './openapi.generated';

export type { MaturityApiOperations, MaturityApiSchemas };

/** Outcome of writing a batch of events. @public */
export type IngestResult = MaturityApiSchemas['IngestResult'];

/** Counts of an entity's events in a window, for the activity view. @public */
export type EntityActivitySummary = MaturityApiSchemas['ActivitySummary'];

/** A waiver of one check for one entity. @public */
export type Exemption = MaturityApiSchemas['Exemption'];

/**
 * Where an exemption is in its workflow: requested → approved | denied |
 * withdrawn; approved → revoked | expired. @public
 */
export type ExemptionStatus = MaturityApiSchemas['ExemptionStatus'];

/** One state change of an exemption, as the audit list keeps it. @public */
export type ExemptionEvent = MaturityApiSchemas['ExemptionEvent'];

/** An approval, optionally with a shorter expiry. @public */
export type ApproveExemptionRequest =
  MaturityApiOperations['ApproveExemption']['body'];

/** A denial, which says why. @public */
export type DenyExemptionRequest =
  MaturityApiOperations['DenyExemption']['body'];

/** A compact row of a scorecard, as the scorecard list returns it. @public */
export type ScorecardSummary = MaturityApiSchemas['ScorecardSummary'];

/** One page of scorecard summaries. @public */
export type ScorecardPage = MaturityApiSchemas['ScorecardPage'];

/** One day of an entity's scorecard history. @public */
export type ScorecardHistoryPoint = MaturityApiSchemas['HistoryPoint'];

/** Filters, order and paging of the scorecard list. @public */
export type ListScorecardsQuery = Omit<
  MaturityApiOperations['ListScorecards']['query'],
  'format'
>;

/** A new exemption of one check for one entity. @public */
export type CreateExemptionRequest =
  MaturityApiOperations['CreateEntityExemption']['body'];

/** What a proposed rubric override would do to every entity's levels. @public */
export type RubricPreview = MaturityApiSchemas['RubricPreview'];

/** The overall level, a category's level or the MLOps level. @public */
export type RubricPreviewScope = MaturityApiSchemas['RubricPreviewScope'];

/** One affected entity of a rubric preview. @public */
export type RubricPreviewEntity = MaturityApiSchemas['RubricPreviewEntity'];

/** How a proposed rubric changes one check. @public */
export type RubricCheckChange = MaturityApiSchemas['RubricCheckChange'];
