/**
 * Types, the normalized event model, metrics, the rubric and permissions
 * shared by the Maturity frontend and backend plugins.
 *
 * @packageDocumentation
 */

export * from './campaigns';
export * from './canonicalEntityRef';
export * from './events';
export * from './metrics';
export * from './nextLevelBlockers';
export * from './overallLevelSteps';
export * from './permissions';
export * from './rubric';
export * from './rollups';
export * from './scorecard';
export * from './wire';
