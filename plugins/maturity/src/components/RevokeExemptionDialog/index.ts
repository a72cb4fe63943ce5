export { RevokeExemptionDialog } from './RevokeExemptionDialog';
export type { RevokeExemptionDialogProps } from './RevokeExemptionDialog';
