import { TableColumn } from '@backstage/core-components';
import { DeploymentReason } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { StoredEventOf } from '../../events/StoredEventOf';
import {
  eventLinkColumn,
  eventStatusColumn,
  relativeTimeColumn,
} from '../../tables/eventColumns';
import { RecentEventsTable } from '../RecentEventsTable';
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
  eventLinkColumn('Environment', d => d.environment),
  eventStatusColumn('Status', d => d.status),
  { title: 'Commit', render: d => <ShortSha sha={d.commitSha} /> },
  relativeTimeColumn('Deployed', d => d.finishedAt ?? d.startedAt),
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
    <RecentEventsTable<Deployment>
      title="Recent deployments"
      subtitle={props.subtitle}
      columns={columns}
      events={props.deployments}
      emptyMessage="No deployments recorded in this window."
    />
  );
}
