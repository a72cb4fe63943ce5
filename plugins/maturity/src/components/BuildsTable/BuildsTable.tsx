import { TableColumn } from '@backstage/core-components';
import { StoredEventOf } from '../../events/StoredEventOf';
import {
  eventLinkColumn,
  eventStatusColumn,
  relativeTimeColumn,
} from '../../tables/eventColumns';
import { durationBetween, formatDuration } from '../../time/formatDuration';
import { RecentEventsTable } from '../RecentEventsTable';

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
  eventLinkColumn('Pipeline', b => b.pipeline ?? `Run ${b.externalId}`),
  { title: 'Branch', render: b => branchOf(b) },
  eventStatusColumn('Status', b => b.status),
  { title: 'Duration', render: b => durationOf(b) },
  relativeTimeColumn('Started', b => b.startedAt),
];

/** Props of {@link BuildsTable}. */
export interface BuildsTableProps {
  builds: Build[];
  subtitle?: string;
}

/** The most recent CI pipeline runs of an entity. */
export function BuildsTable(props: BuildsTableProps) {
  return (
    <RecentEventsTable<Build>
      title="Recent builds"
      subtitle={props.subtitle}
      columns={columns}
      events={props.builds}
      emptyMessage="No builds recorded in this window."
    />
  );
}
