export { CheckResultItem } from './CheckResultItem';
export type { CheckResultItemProps } from './CheckResultItem';
