import { TableColumn } from '@backstage/core-components';
import { StoredEventOf } from '../../events/StoredEventOf';
import {
  eventLinkColumn,
  eventStatusColumn,
  relativeTimeColumn,
} from '../../tables/eventColumns';
import { durationBetween, formatDuration } from '../../time/formatDuration';
import { RecentEventsTable } from '../RecentEventsTable';

type Incident = StoredEventOf<'incident'>;

function timeToResolve(incident: Incident): string {
  const ms = durationBetween(incident.triggeredAt, incident.resolvedAt);
  if (ms !== undefined) {
    return formatDuration(ms);
  }
  return incident.status === 'resolved' ? '—' : 'open';
}

const columns: TableColumn<Incident>[] = [
  eventLinkColumn('Title', i => i.title ?? `Incident ${i.externalId}`),
  {
    title: 'Urgency',
    render: i => (i.urgency === 'high' ? 'High' : 'Low'),
  },
  eventStatusColumn('Status', i => i.status),
  relativeTimeColumn('Triggered', i => i.triggeredAt),
  { title: 'Time to resolve', render: i => timeToResolve(i) },
];

/** Props of {@link IncidentsTable}. */
export interface IncidentsTableProps {
  incidents: Incident[];
  subtitle?: string;
}

/** The most recent incidents of an entity. */
export function IncidentsTable(props: IncidentsTableProps) {
  return (
    <RecentEventsTable<Incident>
      title="Recent incidents"
      subtitle={props.subtitle}
      columns={columns}
      events={props.incidents}
      emptyMessage="No incidents recorded in this window."
    />
  );
}
