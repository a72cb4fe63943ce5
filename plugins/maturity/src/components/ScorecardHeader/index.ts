export { ScorecardHeader, bandLabel } from './ScorecardHeader';
export type { ScorecardHeaderProps } from './ScorecardHeader';
