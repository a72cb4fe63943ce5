export { ExemptionList, isExpired } from './ExemptionList';
export type { ExemptionListProps } from './ExemptionList';
export { ExemptionAuditList } from './ExemptionAuditList';
export type { ExemptionAuditListProps } from './ExemptionAuditList';
export { effectiveStatus, isInForce } from './exemptionStatus';
