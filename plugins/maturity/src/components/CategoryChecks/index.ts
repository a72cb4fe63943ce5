export { CategoryChecks } from './CategoryChecks';
export type { CategoryChecksProps } from './CategoryChecks';
