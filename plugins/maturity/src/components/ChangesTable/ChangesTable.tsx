import { TableColumn } from '@backstage/core-components';
import { StoredEventOf } from '../../events/StoredEventOf';
import {
  eventLinkColumn,
  eventStatusColumn,
  relativeTimeColumn,
} from '../../tables/eventColumns';
import { durationBetween, formatDuration } from '../../time/formatDuration';
import { RecentEventsTable } from '../RecentEventsTable';

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
  eventLinkColumn('Title', c => titleOf(c)),
  {
    title: 'Kind',
    render: c => (c.kind === 'pull_request' ? 'Pull request' : 'Commit'),
  },
  eventStatusColumn('State', c => c.state),
  { title: 'Author', render: c => c.author ?? '—' },
  relativeTimeColumn('Opened', c => startOf(c)),
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
    <RecentEventsTable<Change>
      title="Recent changes"
      subtitle={props.subtitle}
      columns={columns}
      events={props.changes}
      emptyMessage="No pull requests or commits recorded in this window."
    />
  );
}
