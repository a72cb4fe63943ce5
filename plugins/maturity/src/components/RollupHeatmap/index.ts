export { RollupHeatmap } from './RollupHeatmap';
export type { RollupHeatmapProps, RollupHeatmapRow } from './RollupHeatmap';
