import {
  categoriesHeldByWaivers,
  CATEGORY_IDS,
  LevelResult,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Paper from '@material-ui/core/Paper';
import { makeStyles, Theme } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Check from '@material-ui/icons/Check';
import Close from '@material-ui/icons/Close';
import HelpOutline from '@material-ui/icons/HelpOutline';
import VerifiedUser from '@material-ui/icons/VerifiedUser';
import { ReactElement } from 'react';
import { CATEGORY_TITLES, levelLabel } from '../../scorecard/categoryTitles';
import { statusColor } from '../../scorecard/statusColor';

const LEVELS = [1, 2, 3, 4, 5] as const;

/** What one category × level cell says. */
export type LevelCellState =
  | 'met'
  | 'met-exempt'
  | 'not-met'
  | 'insufficient-data';

const CELL_LABELS: Record<LevelCellState, string> = {
  met: 'Met',
  'met-exempt': 'Met with exemption',
  'not-met': 'Not met',
  'insufficient-data': 'Insufficient data',
};

const CELL_ICONS: Record<LevelCellState, ReactElement> = {
  met: <Check fontSize="small" />,
  'met-exempt': <VerifiedUser fontSize="small" />,
  'not-met': <Close fontSize="small" />,
  'insufficient-data': <HelpOutline fontSize="small" />,
};

function cellColor(theme: Theme, state: LevelCellState) {
  switch (state) {
    case 'met':
      return statusColor(theme, 'success');
    case 'met-exempt':
      return statusColor(theme, 'info');
    case 'insufficient-data':
      return statusColor(theme, 'warning');
    default:
      return statusColor(theme, 'error');
  }
}

const useStyles = makeStyles(theme => ({
  cell: {
    whiteSpace: 'nowrap',
  },
  content: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  ...Object.fromEntries(
    (Object.keys(CELL_LABELS) as LevelCellState[]).map(state => [
      state,
      { '& svg': { color: cellColor(theme, state) } },
    ]),
  ),
  // Greyed out, text and icon, yet readable; the words say it does not
  // count. After the state classes, so that its icon colour wins.
  beyondLadder: {
    color: theme.palette.text.secondary,
    '& svg': { color: theme.palette.text.secondary },
  },
}));

/** Props of {@link CategoryLevelGrid}. */
export interface CategoryLevelGridProps {
  scorecard: Scorecard;
}

/**
 * The five categories × levels 1–5, each cell met, met with an exemption,
 * not met or lacking data, in words and icons; and each category's level.
 * Cells above a category's first unmet level do not count (the ladder is
 * strict): they are shown faded and say so to screen readers. A category
 * whose level stands only through waivers says which level it would have
 * without them.
 */
export function CategoryLevelGrid(props: CategoryLevelGridProps) {
  const { scorecard } = props;
  const classes = useStyles() as Record<string, string>;
  const heldByWaivers = new Map(
    categoriesHeldByWaivers(scorecard).map(c => [
      c.category,
      c.levelWithoutWaivers,
    ]),
  );

  const cellState = (category: string, result?: LevelResult) => {
    if (!result) {
      return 'not-met';
    }
    if (result.met) {
      const exempt = scorecard.checks.some(
        check =>
          check.category === category &&
          check.level === result.level &&
          check.state === 'exempt',
      );
      return exempt ? 'met-exempt' : 'met';
    }
    return result.insufficientData ? 'insufficient-data' : 'not-met';
  };

  return (
    <Paper component="section" aria-labelledby="maturity-level-grid-title">
      <Typography
        variant="h6"
        component="h3"
        id="maturity-level-grid-title"
        style={{ padding: '16px 16px 0' }}
      >
        Levels by category
      </Typography>
      <Table size="small" aria-labelledby="maturity-level-grid-title">
        <TableHead>
          <TableRow>
            <TableCell>Category</TableCell>
            {LEVELS.map(level => (
              <TableCell key={level}>{levelLabel(level)}</TableCell>
            ))}
            <TableCell>Level reached</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {CATEGORY_IDS.map(id => {
            const category = scorecard.categories.find(c => c.category === id);
            return (
              <TableRow key={id}>
                <TableCell component="th" scope="row">
                  {CATEGORY_TITLES[id]}
                </TableCell>
                {LEVELS.map(level => {
                  const state = cellState(
                    id,
                    category?.levels.find(l => l.level === level),
                  );
                  const beyond = !!category && level > category.level + 1;
                  return (
                    <TableCell
                      key={level}
                      className={`${classes.cell} ${classes[state]} ${
                        beyond ? classes.beyondLadder : ''
                      }`}
                      data-state={state}
                    >
                      <span className={classes.content}>
                        {CELL_ICONS[state]}
                        {CELL_LABELS[state]}
                      </span>
                      {beyond && (
                        <span className={classes.visuallyHidden}>
                          {' '}
                          (above the first unmet level, does not count)
                        </span>
                      )}
                    </TableCell>
                  );
                })}
                <TableCell>
                  <strong>{levelLabel(category?.level ?? 0)}</strong>
                  {category?.atRisk && (
                    <Typography variant="caption" component="div" color="error">
                      At risk: {levelLabel(category.rawLevel)} today
                    </Typography>
                  )}
                  {heldByWaivers.has(id) && (
                    <Typography
                      variant="caption"
                      component="div"
                      color="textSecondary"
                    >
                      Without waivers: {levelLabel(heldByWaivers.get(id))}
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Paper>
  );
}
