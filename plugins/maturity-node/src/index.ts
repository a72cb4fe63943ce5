/**
 * Extension points and types for Maturity source modules: backend modules
 * that collect events from a tool (GitHub, PagerDuty, ...) and write them into
 * the Maturity plugin's store, and the pieces such sources share.
 *
 * @packageDocumentation
 */

export * from './sources';
export { canonicalEntityKind, canonicalEntityRef } from './canonicalEntityRef';
export { entityExternalId } from './entityExternalId';
export { mapWithConcurrency } from './mapWithConcurrency';
export {
  fetchWithRetry,
  resolveRetryPolicy,
  type FetchWithRetryOptions,
  type RequestErrorFactory,
  type RetryPolicy,
} from './fetchWithRetry';
export { parseRetryAfter } from './parseRetryAfter';
export { readJsonBody } from './readJsonBody';
export {
  readAnnotatedEntities,
  type AnnotatedEntity,
} from './readAnnotatedEntities';
export { CatalogSnapshot } from './CatalogSnapshot';
export { SourceConfigBlock } from './SourceConfigBlock';
export { scheduleSourceSync } from './scheduleSourceSync';
export {
  maturityEntityPermissionResourceRef,
  maturityEntityPermissionRules,
  maturityEntityConditions,
  createMaturityEntityConditionalDecision,
  isEntityOwner,
  isEntityKind,
  isInNamespace,
  type MaturityEntityFilter,
} from './permissions/exemptionDecisionRules';
