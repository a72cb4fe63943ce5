export { RecentEventsTable } from './RecentEventsTable';
export type { RecentEventsTableProps } from './RecentEventsTable';
