import { EmptyState, InfoCard } from '@backstage/core-components';
import {
  CATEGORY_IDS,
  CategoryId,
  LEVEL_NAMES,
  MaturityLevel,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { makeStyles, Theme, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ScorecardHistoryPoint } from '../../api/MaturityApi';
import { CATEGORY_TITLES } from '../../scorecard/categoryTitles';
import { formatDate } from '../../time/formatDate';

const useStyles = makeStyles(theme => ({
  overall: { width: '100%', height: 200 },
  multiples: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: theme.spacing(2),
    margin: theme.spacing(2, 0, 0),
    padding: 0,
    listStyle: 'none',
  },
  multiple: { margin: 0, minWidth: 0 },
  multipleChart: { width: '100%', height: 64 },
  caption: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
  heading: { marginTop: theme.spacing(2) },
}));

/** Props of {@link MaturityTrendChart}. */
export interface MaturityTrendChartProps {
  history: ScorecardHistoryPoint[];
  /** Days the history covers, for the title. */
  days?: number;
}

type Series = 'overall' | CategoryId;

/** `1 (Base) on Jun 1, 2026, 2 (Beginner) on Nov 23, 2026`. */
function change(first: MaturityLevel, last: MaturityLevel, days: string[]) {
  return `${first} (${LEVEL_NAMES[first]}) on ${formatDate(
    days[0],
  )}, ${last} (${LEVEL_NAMES[last]}) on ${formatDate(days[1])}`;
}

function tooltipStyle(theme: Theme) {
  return {
    background: theme.palette.background.paper,
    borderColor: theme.palette.divider,
    color: theme.palette.text.primary,
  };
}

/** One series as a step line on a 0–5 scale. */
function LevelLine(props: {
  data: Array<Record<string, string | number>>;
  series: Series;
  name: string;
  compact?: boolean;
  /** A faint dashed line of the raw level (before holding), by its key. */
  rawSeries?: string;
}) {
  const { data, series, name, compact, rawSeries } = props;
  const theme = useTheme();
  return (
    <ResponsiveContainer>
      <LineChart
        data={data}
        margin={
          compact
            ? { top: 4, right: 4, bottom: 4, left: 4 }
            : { top: 8, right: 16, left: 0 }
        }
      >
        <CartesianGrid
          stroke={theme.palette.divider}
          vertical={!compact}
          horizontal={!compact}
        />
        <XAxis
          dataKey="day"
          hide={compact}
          stroke={theme.palette.text.secondary}
          tickFormatter={day => formatDate(day)}
          minTickGap={24}
        />
        <YAxis
          domain={[0, 5]}
          ticks={compact ? [0, 5] : [0, 1, 2, 3, 4, 5]}
          hide={compact}
          allowDecimals={false}
          stroke={theme.palette.text.secondary}
          width={32}
        />
        <Tooltip
          contentStyle={tooltipStyle(theme)}
          labelFormatter={day => formatDate(String(day))}
        />
        <Line
          type="stepAfter"
          dataKey={series}
          name={name}
          stroke={theme.palette.primary.main}
          strokeWidth={compact ? 2 : 3}
          dot={false}
          isAnimationActive={false}
        />
        {rawSeries && (
          <Line
            type="stepAfter"
            dataKey={rawSeries}
            name={`${name} (raw, before holding)`}
            stroke={theme.palette.text.secondary}
            strokeDasharray="4 4"
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
          />
        )}
      </LineChart>
    </ResponsiveContainer>
  );
}

/**
 * The overall level over time, one point per evaluated day, then each
 * category in a small chart of its own on the same 0–5 scale (small
 * multiples), so no line hides another. Every chart states its first and
 * last level in words, for screen readers and at a glance.
 */
export function MaturityTrendChart(props: MaturityTrendChartProps) {
  const { history, days = 180 } = props;
  const classes = useStyles();
  const title = `Trend, last ${days} days`;

  if (history.length < 2) {
    return (
      <InfoCard title={title}>
        <EmptyState
          missing="data"
          title="Not enough history yet"
          description={`The trend needs at least two evaluated days; ${
            history.length === 1 ? 'there is one' : 'there are none'
          } so far. A history point is kept each day the entity is evaluated.`}
        />
      </InfoCard>
    );
  }

  const data = history.map(point => ({
    day: point.day,
    overall: point.overallLevel,
    // Points from before levels were held, and backfilled days, were raw.
    rawOverall: point.rawOverallLevel ?? point.overallLevel,
    ...point.categoryLevels,
  }));
  const held = history.some(
    point =>
      point.rawOverallLevel !== undefined &&
      point.rawOverallLevel !== point.overallLevel,
  );
  const first = history[0];
  const last = history[history.length - 1];
  const span = [first.day, last.day];

  return (
    <InfoCard title={title}>
      <div
        className={classes.overall}
        role="img"
        aria-label={`Overall level: ${change(
          first.overallLevel,
          last.overallLevel,
          span,
        )}`}
      >
        <LevelLine
          data={data}
          series="overall"
          name="Overall"
          rawSeries={held ? 'rawOverall' : undefined}
        />
      </div>
      <Typography variant="body2" color="textSecondary">
        Overall level {first.overallLevel} ({LEVEL_NAMES[first.overallLevel]})
        on {formatDate(first.day)}, {last.overallLevel} (
        {LEVEL_NAMES[last.overallLevel]}) on {formatDate(last.day)}.
        {held &&
          ' The dashed line is the raw level: the level held a drop for a few days.'}
      </Typography>
      <Typography
        variant="subtitle2"
        component="h4"
        id="maturity-trend-categories"
        className={classes.heading}
      >
        By category (level 0–5)
      </Typography>
      <ul
        className={classes.multiples}
        aria-labelledby="maturity-trend-categories"
      >
        {CATEGORY_IDS.map(id => {
          const from = first.categoryLevels[id];
          const to = last.categoryLevels[id];
          return (
            <li key={id} className={classes.multiple}>
              <figure
                className={classes.multiple}
                aria-label={CATEGORY_TITLES[id]}
              >
                <div
                  className={classes.multipleChart}
                  role="img"
                  aria-label={`${CATEGORY_TITLES[id]}: ${change(
                    from,
                    to,
                    span,
                  )}`}
                >
                  <LevelLine
                    data={data}
                    series={id}
                    name={CATEGORY_TITLES[id]}
                    compact
                  />
                </div>
                <Typography
                  variant="caption"
                  component="figcaption"
                  className={classes.caption}
                >
                  <span>{CATEGORY_TITLES[id]}</span>
                  <strong>{from === to ? `${to}` : `${from} → ${to}`}</strong>
                </Typography>
              </figure>
            </li>
          );
        })}
      </ul>
    </InfoCard>
  );
}
