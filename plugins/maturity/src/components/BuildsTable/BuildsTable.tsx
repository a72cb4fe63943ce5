import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { StoredEventOf } from '../../events/StoredEventOf';
import { recentEventsTableOptions } from '../../tables/recentEventsTableOptions';
import { durationBetween, formatDuration } from '../../time/formatDuration';
import { EventLink } from '../EventLink';
import { EventStatus } from '../EventStatus';
import { RelativeTime } from '../RelativeTime';

type Build = StoredEventOf<'build'>;

function durationOf(build: Build): string {
  const ms = durationBetween(build.startedAt, build.finishedAt);
  if (ms !== undefined) {
    return formatDuration(ms);
  }
  return build.status === 'running' || build.status === 'queued'
    ? 'not finished'
    : '—';
}

function branchOf(build: Build): string {
  if (!build.branch) {
    return '—';
  }
  return build.isDefaultBranch ? `${build.branch} (default)` : build.branch;
}

const columns: TableColumn<Build>[] = [
  {
    title: 'Pipeline',
    render: b => (
      <EventLink url={b.url}>{b.pipeline ?? `Run ${b.externalId}`}</EventLink>
    ),
  },
  { title: 'Branch', render: b => branchOf(b) },
  { title: 'Status', render: b => <EventStatus status={b.status} /> },
  { title: 'Duration', render: b => durationOf(b) },
  { title: 'Started', render: b => <RelativeTime time={b.startedAt} /> },
];

/** Props of {@link BuildsTable}. */
export interface BuildsTableProps {
  builds: Build[];
  subtitle?: string;
}

/** The most recent CI pipeline runs of an entity. */
export function BuildsTable(props: BuildsTableProps) {
  return (
    <Table<Build>
      title="Recent builds"
      subtitle={props.subtitle}
      columns={columns}
      data={props.builds}
      options={recentEventsTableOptions}
      emptyContent={
        <Typography variant="body2" align="center" component="p">
          No builds recorded in this window.
        </Typography>
      }
    />
  );
}
