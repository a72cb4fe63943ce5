import { InfoCard, Link } from '@backstage/core-components';
import {
  CATEGORY_IDS,
  DoraBand,
  Rollup,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { BAND_FILTER_LABELS } from '../../scorecard/bandLabels';
import { CATEGORY_TITLES, levelLabel } from '../../scorecard/categoryTitles';
import { RelativeTime } from '../RelativeTime';

const BANDS = Object.keys(BAND_FILTER_LABELS) as Array<DoraBand | 'unknown'>;

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

/** A titled table of figures, one labelled row each. */
function SummaryTable(props: {
  id: string;
  title: string;
  rows: Array<[label: string, value: ReactNode]>;
}) {
  const { id, title, rows } = props;
  const classes = useStyles();
  return (
    <div>
      <Typography
        variant="subtitle2"
        component="h4"
        id={id}
        className={classes.subtitle}
      >
        {title}
      </Typography>
      <Table size="small" aria-labelledby={id}>
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell component="th" scope="row">
                {label}
              </TableCell>
              <TableCell className={classes.number}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** Props of {@link RollupSummary}. */
export interface RollupSummaryProps {
  rollup: Rollup;
  title?: string;
  /** Where the entities of a band are listed; counts are plain without it. */
  bandLink?: (band: DoraBand | 'unknown') => string;
}

/**
 * The headline numbers of a rollup: entities, overall median, when it was
 * computed, the median of each category, the entities per DORA band, and
 * its check results as passing, waived (met only through an exemption) and
 * failing.
 */
export function RollupSummary(props: RollupSummaryProps) {
  const { rollup, title = 'Summary', bandLink } = props;
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
          <SummaryTable
            id={`${rollup.scopeRef}-category-medians`}
            title="Median level by category"
            rows={CATEGORY_IDS.map(id => [
              CATEGORY_TITLES[id],
              levelLabel(rollup.categories[id]?.median),
            ])}
          />
          <SummaryTable
            id={`${rollup.scopeRef}-delivery-bands`}
            title="Entities by delivery performance"
            rows={BANDS.map(band => {
              const count = rollup.deliveryBands[band] ?? 0;
              const label = BAND_FILTER_LABELS[band];
              return [
                label,
                count > 0 && bandLink ? (
                  <Link
                    to={bandLink(band)}
                    title={`List the ${
                      count === 1 ? 'entity' : `${count} entities`
                    } with delivery performance: ${label}`}
                  >
                    {count}
                  </Link>
                ) : (
                  count
                ),
              ];
            })}
          />
          {rollup.checkBands && (
            // Waivers are debt: shown beside what passes and what fails.
            <SummaryTable
              id={`${rollup.scopeRef}-check-bands`}
              title="Check results"
              rows={[
                ['Passing', rollup.checkBands.pass],
                ['Waived', rollup.checkBands.waived],
                ['Failing', rollup.checkBands.fail],
              ]}
            />
          )}
        </div>
      </section>
    </InfoCard>
  );
}
