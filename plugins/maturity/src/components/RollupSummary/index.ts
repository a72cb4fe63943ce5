export { RollupSummary } from './RollupSummary';
export type { RollupSummaryProps } from './RollupSummary';
