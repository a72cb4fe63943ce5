export { MostFailedChecks } from './MostFailedChecks';
export type { MostFailedChecksProps } from './MostFailedChecks';
export { FailingChecksTable } from './FailingChecksTable';
export type { FailingChecksTableProps } from './FailingChecksTable';
