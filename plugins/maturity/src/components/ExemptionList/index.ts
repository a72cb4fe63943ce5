export { ExemptionList, isExpired } from './ExemptionList';
export type { ExemptionListProps } from './ExemptionList';
