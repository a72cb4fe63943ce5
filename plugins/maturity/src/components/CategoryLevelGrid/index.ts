export { CategoryLevelGrid } from './CategoryLevelGrid';
export type { CategoryLevelGridProps } from './CategoryLevelGrid';
