import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { StoredEventOf } from '../../events/StoredEventOf';
import { recentEventsTableOptions } from '../../tables/recentEventsTableOptions';
import { durationBetween, formatDuration } from '../../time/formatDuration';
import { EventLink } from '../EventLink';
import { EventStatus } from '../EventStatus';
import { RelativeTime } from '../RelativeTime';

type Incident = StoredEventOf<'incident'>;

function timeToResolve(incident: Incident): string {
  const ms = durationBetween(incident.triggeredAt, incident.resolvedAt);
  if (ms !== undefined) {
    return formatDuration(ms);
  }
  return incident.status === 'resolved' ? '—' : 'open';
}

const columns: TableColumn<Incident>[] = [
  {
    title: 'Title',
    render: i => (
      <EventLink url={i.url}>{i.title ?? `Incident ${i.externalId}`}</EventLink>
    ),
  },
  {
    title: 'Urgency',
    render: i => (i.urgency === 'high' ? 'High' : 'Low'),
  },
  { title: 'Status', render: i => <EventStatus status={i.status} /> },
  { title: 'Triggered', render: i => <RelativeTime time={i.triggeredAt} /> },
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
    <Table<Incident>
      title="Recent incidents"
      subtitle={props.subtitle}
      columns={columns}
      data={props.incidents}
      options={recentEventsTableOptions}
      emptyContent={
        <Typography variant="body2" align="center" component="p">
          No incidents recorded in this window.
        </Typography>
      }
    />
  );
}
