export { DecideExemptionDialog } from './DecideExemptionDialog';
export type { DecideExemptionDialogProps } from './DecideExemptionDialog';
