export { OrgHierarchyHeatmap } from './OrgHierarchyHeatmap';
export type { OrgHierarchyHeatmapProps } from './OrgHierarchyHeatmap';
