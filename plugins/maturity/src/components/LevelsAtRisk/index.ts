export { LevelsAtRisk } from './LevelsAtRisk';
export type { LevelsAtRiskProps } from './LevelsAtRisk';
