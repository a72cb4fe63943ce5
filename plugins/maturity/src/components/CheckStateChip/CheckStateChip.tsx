import { CheckState } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import HighlightOff from '@material-ui/icons/HighlightOff';
import HelpOutline from '@material-ui/icons/HelpOutline';
import RemoveCircleOutline from '@material-ui/icons/RemoveCircleOutline';
import VerifiedUser from '@material-ui/icons/VerifiedUser';
import { ReactElement } from 'react';
import { statusColor } from '../../scorecard/statusColor';

/** Label and icon of each check state: colour is never the only signal. */
export const CHECK_STATE_LABELS: Record<CheckState, string> = {
  pass: 'Pass',
  fail: 'Fail',
  'insufficient-data': 'Insufficient data',
  'not-applicable': 'Not applicable',
  exempt: 'Exempt',
};

const ICONS: Record<CheckState, ReactElement> = {
  pass: <CheckCircleOutline />,
  fail: <HighlightOff />,
  'insufficient-data': <HelpOutline />,
  'not-applicable': <RemoveCircleOutline />,
  exempt: <VerifiedUser />,
};

/**
 * The theme colour of a check state, for its icon and border: at least 3:1
 * against the paper in light and dark themes.
 */
export function checkStateColor(theme: Theme, state: CheckState): string {
  switch (state) {
    case 'pass':
      return statusColor(theme, 'success');
    case 'fail':
      return statusColor(theme, 'error');
    case 'insufficient-data':
      return statusColor(theme, 'warning');
    case 'exempt':
      return statusColor(theme, 'info');
    default:
      return theme.palette.text.secondary;
  }
}

const useStyles = makeStyles<Theme, { state: CheckState }>(theme => ({
  chip: {
    borderColor: ({ state }) => checkStateColor(theme, state),
    color: theme.palette.text.primary,
  },
  icon: {
    color: ({ state }) => `${checkStateColor(theme, state)} !important`,
  },
}));

/** Props of {@link CheckStateChip}. */
export interface CheckStateChipProps {
  state: CheckState;
}

/** A check's state as an outlined chip with an icon and its name. */
export function CheckStateChip(props: CheckStateChipProps) {
  const { state } = props;
  const classes = useStyles({ state });
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={ICONS[state]}
      label={CHECK_STATE_LABELS[state]}
      classes={{ root: classes.chip, icon: classes.icon }}
    />
  );
}
