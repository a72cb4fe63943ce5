export { RollupOverview } from './RollupOverview';
export type { RollupOverviewProps } from './RollupOverview';
