export { RubricPreviewResult } from './RubricPreviewResult';
export type { RubricPreviewResultProps } from './RubricPreviewResult';
