/**
 * The rubric: its data model, the default rubric of docs/scoring.md, app-config
 * overrides, and the pure evaluation of an entity's scorecard.
 */

export * from './EvaluationInput';
export * from './CheckRule';
export * from './Rubric';
export { REPO_FACT_NAMES } from './repoFactNames';
export type { RepoFactName } from './repoFactNames';
export * from './entityAnnotations';
export { DEFAULT_RUBRIC_EDITION, defaultRubric } from './defaultRubric';
export { rubricEdition, withRubricVersion } from './rubricVersion';
export { applyRubricOverrides } from './applyRubricOverrides';
export type { RubricOverrides } from './applyRubricOverrides';
export { evaluateScorecard } from './evaluateScorecard';
export { evaluateCheck } from './evaluateCheck';
export { findActiveExemption } from './findActiveExemption';
export * from './levelMechanics';
export * from './heldLevels';
export { advisoryChecksOn, checkFingerprint } from './advisoryChecks';
export * from './deliveryPerformance';
export { isMlEntity, mlopsLevel } from './mlopsTrack';
export { categoriesHeldByWaivers, isWaived, withoutWaiver } from './waivers';
export type { WaivedCategoryLevel } from './waivers';
