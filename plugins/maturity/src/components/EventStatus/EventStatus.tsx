import { ComponentType } from 'react';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  BuildStatus,
  ChangeState,
  DeploymentStatus,
  IncidentStatus,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** Every status or state a recorded event can be in. */
export type EventStatusValue =
  | BuildStatus
  | DeploymentStatus
  | ChangeState
  | IncidentStatus;

const STATUSES: Record<
  EventStatusValue,
  { label: string; Icon: ComponentType<{}> }
> = {
  // builds and deployments
  queued: { label: 'Queued', Icon: StatusPending },
  pending: { label: 'Pending', Icon: StatusPending },
  running: { label: 'Running', Icon: StatusRunning },
  in_progress: { label: 'In progress', Icon: StatusRunning },
  success: { label: 'Succeeded', Icon: StatusOK },
  failure: { label: 'Failed', Icon: StatusError },
  cancelled: { label: 'Cancelled', Icon: StatusAborted },
  skipped: { label: 'Skipped', Icon: StatusAborted },
  // changes
  open: { label: 'Open', Icon: StatusPending },
  merged: { label: 'Merged', Icon: StatusOK },
  closed: { label: 'Closed', Icon: StatusAborted },
  // incidents
  triggered: { label: 'Triggered', Icon: StatusError },
  acknowledged: { label: 'Acknowledged', Icon: StatusWarning },
  resolved: { label: 'Resolved', Icon: StatusOK },
};

const useStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'baseline',
    whiteSpace: 'nowrap',
  },
});

/** Props of {@link EventStatus}. */
export interface EventStatusProps {
  status: EventStatusValue;
}

/**
 * The status of a build, deployment, change or incident as an icon and a
 * word, so it never depends on colour alone. The icon is decorative; the word
 * is what assistive technology reads.
 */
export function EventStatus(props: EventStatusProps) {
  const classes = useStyles();
  const { label, Icon } = STATUSES[props.status] ?? {
    label: props.status,
    Icon: StatusPending,
  };
  return (
    <span className={classes.root}>
      <Icon />
      <Typography variant="body2" component="span">
        {label}
      </Typography>
    </span>
  );
}
