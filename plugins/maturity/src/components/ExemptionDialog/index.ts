export { ExemptionDialog, validateExemption } from './ExemptionDialog';
export type { ExemptionDialogProps } from './ExemptionDialog';
export { describeExemptionError } from './describeExemptionError';
