export { ActivityCounts } from './ActivityCounts';
