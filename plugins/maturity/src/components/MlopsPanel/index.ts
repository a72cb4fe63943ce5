export { MlopsPanel } from './MlopsPanel';
export type { MlopsPanelProps } from './MlopsPanel';
