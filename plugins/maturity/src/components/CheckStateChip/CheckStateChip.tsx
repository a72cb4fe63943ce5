import { CheckState } from '@internal/plugin-maturity-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import HighlightOff from '@material-ui/icons/HighlightOff';
import HelpOutline from '@material-ui/icons/HelpOutline';
import RemoveCircleOutline from '@material-ui/icons/RemoveCircleOutline';
import VerifiedUser from '@material-ui/icons/VerifiedUser';
import { ReactElement } from 'react';

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

/** The theme colour of a check state. */
export function checkStateColor(theme: Theme, state: CheckState): string {
  switch (state) {
    case 'pass':
      return theme.palette.success.main;
    case 'fail':
      return theme.palette.error.main;
    case 'insufficient-data':
      return theme.palette.warning.main;
    case 'exempt':
      return theme.palette.info.main;
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
