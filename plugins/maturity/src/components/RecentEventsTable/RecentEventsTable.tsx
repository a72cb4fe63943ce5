import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { recentEventsTableOptions } from '../../tables/recentEventsTableOptions';

/** Props of {@link RecentEventsTable}. */
export interface RecentEventsTableProps<T extends object> {
  title: string;
  subtitle?: string;
  columns: TableColumn<T>[];
  /** Newest first, as the server ordered them. */
  events: T[];
  /** Says that none were recorded, e.g. `No builds recorded in this window.` */
  emptyMessage: string;
}

/**
 * The most recent events of one type of an entity as a short table, or a line
 * saying that none were recorded.
 */
export function RecentEventsTable<T extends object>(
  props: RecentEventsTableProps<T>,
) {
  const { title, subtitle, columns, events, emptyMessage } = props;
  return (
    <Table<T>
      title={title}
      subtitle={subtitle}
      columns={columns}
      data={events}
      options={recentEventsTableOptions}
      emptyContent={
        <Typography variant="body2" align="center" component="p">
          {emptyMessage}
        </Typography>
      }
    />
  );
}
