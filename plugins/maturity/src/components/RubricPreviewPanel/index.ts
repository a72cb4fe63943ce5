export { RubricPreviewPanel } from './RubricPreviewPanel';
