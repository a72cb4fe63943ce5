export { CheckResultItem } from './CheckResultItem';
export type { CheckExemptions, CheckResultItemProps } from './CheckResultItem';
