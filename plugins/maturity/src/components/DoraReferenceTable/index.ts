export { DoraReferenceTable, DoraReportSelect } from './DoraReferenceTable';
export type { DoraReferenceTableProps } from './DoraReferenceTable';
