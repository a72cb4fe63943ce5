import { InfoCard, Link } from '@backstage/core-components';
import {
  MlopsResult,
  MlopsRollup,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  MLOPS_LEVEL_NAMES,
  mlopsLevelLabel,
} from '../../scorecard/mlopsLevelLabel';
import { FailingChecksTable } from '../MostFailedChecks';

type MlopsLevel = MlopsResult['level'];
const MLOPS_LEVELS: MlopsLevel[] = [0, 1, 2];

const useStyles = makeStyles(theme => ({
  figures: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(4),
    marginBottom: theme.spacing(2),
  },
  figure: { display: 'flex', flexDirection: 'column' },
  value: { fontWeight: theme.typography.fontWeightBold as number },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    gap: theme.spacing(3),
  },
  subtitle: { marginBottom: theme.spacing(0.5) },
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
}));

/**
 * `1 · ML pipeline automation`; a median between two levels names both,
 * `0.5 · Manual process–ML pipeline automation`, as the maturity levels do.
 */
export function mlopsMedianLabel(median: number): string {
  if (Number.isInteger(median)) return mlopsLevelLabel(median);
  const lower = MLOPS_LEVEL_NAMES[Math.floor(median) as MlopsLevel];
  const upper = MLOPS_LEVEL_NAMES[Math.ceil(median) as MlopsLevel];
  const number = median.toFixed(1);
  return lower && upper ? `${number} · ${lower}–${upper}` : number;
}

/** Props of {@link RollupMlopsLevels}. */
export interface RollupMlopsLevelsProps {
  mlops: MlopsRollup;
  /** Where the ML entities at a level are listed; counts are plain without it. */
  levelLink?: (level: MlopsLevel) => string;
  /** Where the entities failing a check are listed. */
  checkLink?: (checkId: string) => string;
}

/**
 * Google's MLOps levels across a scope's ML entities: how many, their
 * median level, how many at each level, and the MLOps checks failing most.
 */
export function RollupMlopsLevels(props: RollupMlopsLevelsProps) {
  const { mlops, levelLink, checkLink } = props;
  const classes = useStyles();
  return (
    <InfoCard title="MLOps levels">
      <section aria-label="MLOps levels">
        <div className={classes.figures}>
          <div className={classes.figure}>
            <Typography variant="caption" color="textSecondary">
              ML entities
            </Typography>
            <Typography variant="h5" component="span" className={classes.value}>
              {mlops.entityCount}
            </Typography>
          </div>
          <div className={classes.figure}>
            <Typography variant="caption" color="textSecondary">
              Median MLOps level
            </Typography>
            <Typography variant="h5" component="span" className={classes.value}>
              {mlopsMedianLabel(mlops.median)}
            </Typography>
          </div>
        </div>
        <div className={classes.columns}>
          <div>
            <Typography
              variant="subtitle2"
              component="h4"
              className={classes.subtitle}
            >
              ML entities by MLOps level
            </Typography>
            <Table size="small" aria-label="ML entities by MLOps level">
              <TableBody>
                {MLOPS_LEVELS.map(level => {
                  const count = mlops.distribution[level] ?? 0;
                  const label = mlopsLevelLabel(level);
                  return (
                    <TableRow key={level}>
                      <TableCell component="th" scope="row">
                        {label}
                      </TableCell>
                      <TableCell className={classes.number}>
                        {count > 0 && levelLink ? (
                          <Link
                            to={levelLink(level)}
                            title={`List the ${
                              count === 1 ? 'ML entity' : `${count} ML entities`
                            } at MLOps level ${label}`}
                          >
                            {count}
                          </Link>
                        ) : (
                          count
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
          <div>
            <Typography
              variant="subtitle2"
              component="h4"
              className={classes.subtitle}
            >
              Most failed MLOps checks
            </Typography>
            {mlops.mostFailedChecks.length === 0 ? (
              <Typography color="textSecondary">
                No MLOps check fails in this scope.
              </Typography>
            ) : (
              <FailingChecksTable
                checks={mlops.mostFailedChecks}
                checkLink={checkLink}
                label="Most failed MLOps checks"
              />
            )}
          </div>
        </div>
      </section>
    </InfoCard>
  );
}
