export { RollupMovers } from './RollupMovers';
export type { RollupMoversProps } from './RollupMovers';
