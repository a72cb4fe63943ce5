import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { DeploymentReason } from '@internal/plugin-maturity-common';
import { StoredEventOf } from '../../events/StoredEventOf';
import { recentEventsTableOptions } from '../../tables/recentEventsTableOptions';
import { EventLink } from '../EventLink';
import { EventStatus } from '../EventStatus';
import { RelativeTime } from '../RelativeTime';
import { ShortSha } from '../ShortSha';

type Deployment = StoredEventOf<'deployment'>;

const REASONS: Record<DeploymentReason, string> = {
  planned: 'Planned',
  hotfix: 'Hotfix',
  rollback: 'Rollback',
};

function triggerOf(deployment: Deployment): string {
  if (deployment.automated === undefined) {
    return '—';
  }
  return deployment.automated ? 'Automated' : 'Manual';
}

const columns: TableColumn<Deployment>[] = [
  {
    title: 'Environment',
    render: d => <EventLink url={d.url}>{d.environment}</EventLink>,
  },
  { title: 'Status', render: d => <EventStatus status={d.status} /> },
  { title: 'Commit', render: d => <ShortSha sha={d.commitSha} /> },
  {
    title: 'Deployed',
    render: d => <RelativeTime time={d.finishedAt ?? d.startedAt} />,
  },
  { title: 'Trigger', render: d => triggerOf(d) },
  { title: 'Reason', render: d => (d.reason ? REASONS[d.reason] : '—') },
];

/** Props of {@link DeploymentsTable}. */
export interface DeploymentsTableProps {
  deployments: Deployment[];
  subtitle?: string;
}

/** The most recent deployments of an entity. */
export function DeploymentsTable(props: DeploymentsTableProps) {
  return (
    <Table<Deployment>
      title="Recent deployments"
      subtitle={props.subtitle}
      columns={columns}
      data={props.deployments}
      options={recentEventsTableOptions}
      emptyContent={
        <Typography variant="body2" align="center" component="p">
          No deployments recorded in this window.
        </Typography>
      }
    />
  );
}
