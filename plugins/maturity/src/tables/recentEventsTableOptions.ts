import { TableOptions } from '@backstage/core-components';

/**
 * Options shared by the tables of recent events: a short, newest-first list
 * the server already ordered, so no paging, search or client-side sorting.
 */
export const recentEventsTableOptions: TableOptions = {
  paging: false,
  search: false,
  sorting: false,
  padding: 'dense',
  draggable: false,
};
