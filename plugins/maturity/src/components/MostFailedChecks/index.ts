export { MostFailedChecks } from './MostFailedChecks';
export type { MostFailedChecksProps } from './MostFailedChecks';
