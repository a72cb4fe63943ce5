export { EntityScorecard } from './EntityScorecard';
export type { EntityScorecardProps } from './EntityScorecard';
