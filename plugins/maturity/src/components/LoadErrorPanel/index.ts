export { LoadErrorPanel } from './LoadErrorPanel';
export type { LoadErrorPanelProps } from './LoadErrorPanel';
