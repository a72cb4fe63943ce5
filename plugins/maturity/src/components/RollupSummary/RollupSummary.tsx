import { InfoCard } from '@backstage/core-components';
import { CATEGORY_IDS, Rollup } from '@internal/plugin-maturity-common';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { CATEGORY_TITLES, levelLabel } from '../../scorecard/categoryTitles';
import { RelativeTime } from '../RelativeTime';

const BANDS = ['elite', 'high', 'medium', 'low', 'unknown'] as const;

const BAND_TITLES: Record<(typeof BANDS)[number], string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  unknown: 'Unknown',
};

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
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: theme.spacing(3),
  },
  subtitle: { marginBottom: theme.spacing(0.5) },
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
}));

/** Props of {@link RollupSummary}. */
export interface RollupSummaryProps {
  rollup: Rollup;
  title?: string;
}

/**
 * The headline numbers of a rollup: entities, overall median, when it was
 * computed, the median of each category and the entities per DORA band.
 */
export function RollupSummary(props: RollupSummaryProps) {
  const { rollup, title = 'Summary' } = props;
  const classes = useStyles();
  return (
    <InfoCard title={title}>
      <section aria-label={title}>
        <div className={classes.figures}>
          <div className={classes.figure}>
            <Typography variant="caption" color="textSecondary">
              Entities
            </Typography>
            <Typography variant="h5" component="span" className={classes.value}>
              {rollup.entityCount}
            </Typography>
          </div>
          <div className={classes.figure}>
            <Typography variant="caption" color="textSecondary">
              Median overall level
            </Typography>
            <Typography variant="h5" component="span" className={classes.value}>
              {levelLabel(rollup.overall.median)}
            </Typography>
          </div>
          <div className={classes.figure}>
            <Typography variant="caption" color="textSecondary">
              Computed
            </Typography>
            <Typography variant="body1" component="span">
              <RelativeTime time={rollup.computedAt} />
            </Typography>
          </div>
        </div>
        <div className={classes.columns}>
          <div>
            <Typography
              variant="subtitle2"
              component="h4"
              id={`${rollup.scopeRef}-category-medians`}
              className={classes.subtitle}
            >
              Median level by category
            </Typography>
            <Table
              size="small"
              aria-labelledby={`${rollup.scopeRef}-category-medians`}
            >
              <TableBody>
                {CATEGORY_IDS.map(id => (
                  <TableRow key={id}>
                    <TableCell component="th" scope="row">
                      {CATEGORY_TITLES[id]}
                    </TableCell>
                    <TableCell className={classes.number}>
                      {levelLabel(rollup.categories[id]?.median)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <div>
            <Typography
              variant="subtitle2"
              component="h4"
              id={`${rollup.scopeRef}-delivery-bands`}
              className={classes.subtitle}
            >
              Entities by delivery performance
            </Typography>
            <Table
              size="small"
              aria-labelledby={`${rollup.scopeRef}-delivery-bands`}
            >
              <TableBody>
                {BANDS.map(band => (
                  <TableRow key={band}>
                    <TableCell component="th" scope="row">
                      {BAND_TITLES[band]}
                    </TableCell>
                    <TableCell className={classes.number}>
                      {rollup.deliveryBands[band] ?? 0}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </div>
      </section>
    </InfoCard>
  );
}
