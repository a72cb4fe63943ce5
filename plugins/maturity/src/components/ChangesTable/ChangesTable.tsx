import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { StoredEventOf } from '../../events/StoredEventOf';
import { recentEventsTableOptions } from '../../tables/recentEventsTableOptions';
import { durationBetween, formatDuration } from '../../time/formatDuration';
import { EventLink } from '../EventLink';
import { EventStatus } from '../EventStatus';
import { RelativeTime } from '../RelativeTime';

type Change = StoredEventOf<'change'>;

function titleOf(change: Change): string {
  if (change.title) {
    return change.title;
  }
  return change.kind === 'commit' && change.sha
    ? `Commit ${change.sha.slice(0, 7)}`
    : `#${change.externalId}`;
}

/** When work on the change became visible: opened, else first authored. */
function startOf(change: Change): string | undefined {
  return change.openedAt ?? change.authoredAt;
}

function timeToMerge(change: Change): string {
  const ms = durationBetween(startOf(change), change.mergedAt);
  if (ms !== undefined) {
    return formatDuration(ms);
  }
  switch (change.state) {
    case 'open':
      return 'not merged yet';
    case 'closed':
      return 'closed unmerged';
    default:
      return '—';
  }
}

const columns: TableColumn<Change>[] = [
  {
    title: 'Title',
    render: c => <EventLink url={c.url}>{titleOf(c)}</EventLink>,
  },
  {
    title: 'Kind',
    render: c => (c.kind === 'pull_request' ? 'Pull request' : 'Commit'),
  },
  { title: 'State', render: c => <EventStatus status={c.state} /> },
  { title: 'Author', render: c => c.author ?? '—' },
  { title: 'Opened', render: c => <RelativeTime time={startOf(c)} /> },
  { title: 'Opened → merged', render: c => timeToMerge(c) },
];

/** Props of {@link ChangesTable}. */
export interface ChangesTableProps {
  changes: Change[];
  subtitle?: string;
}

/** The most recent pull requests and direct commits of an entity. */
export function ChangesTable(props: ChangesTableProps) {
  return (
    <Table<Change>
      title="Recent changes"
      subtitle={props.subtitle}
      columns={columns}
      data={props.changes}
      options={recentEventsTableOptions}
      emptyContent={
        <Typography variant="body2" align="center" component="p">
          No pull requests or commits recorded in this window.
        </Typography>
      }
    />
  );
}
