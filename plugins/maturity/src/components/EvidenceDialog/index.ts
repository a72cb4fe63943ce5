export { EvidenceDialog } from './EvidenceDialog';
export type { EvidenceDialogProps } from './EvidenceDialog';
