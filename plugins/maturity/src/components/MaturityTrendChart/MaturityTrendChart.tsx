import { EmptyState, InfoCard } from '@backstage/core-components';
import { CATEGORY_IDS, LEVEL_NAMES } from '@internal/plugin-maturity-common';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  CartesianGrid,
  Legend,
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

/** Props of {@link MaturityTrendChart}. */
export interface MaturityTrendChartProps {
  history: ScorecardHistoryPoint[];
  /** Days the history covers, for the title. */
  days?: number;
}

/**
 * Overall and per-category levels over time, one point per evaluated day.
 * Lines differ in dash pattern as well as colour; a sentence under the chart
 * states the overall change for screen readers.
 */
export function MaturityTrendChart(props: MaturityTrendChartProps) {
  const { history, days = 180 } = props;
  const theme = useTheme();
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
    ...point.categoryLevels,
  }));
  const lineColors = [
    theme.palette.secondary.main,
    theme.palette.success.main,
    theme.palette.warning.main,
    theme.palette.info.main,
    theme.palette.error.main,
  ];
  const dashes = ['6 3', '2 2', '8 4 2 4', '4 4', '1 3'];
  const first = history[0];
  const last = history[history.length - 1];

  return (
    <InfoCard title={title}>
      <div style={{ width: '100%', height: 280 }}>
        <ResponsiveContainer>
          <LineChart data={data} margin={{ top: 8, right: 16, left: 0 }}>
            <CartesianGrid stroke={theme.palette.divider} />
            <XAxis
              dataKey="day"
              stroke={theme.palette.text.secondary}
              tickFormatter={day => formatDate(day)}
              minTickGap={24}
            />
            <YAxis
              domain={[0, 5]}
              ticks={[0, 1, 2, 3, 4, 5]}
              allowDecimals={false}
              stroke={theme.palette.text.secondary}
              width={32}
            />
            <Tooltip
              contentStyle={{
                background: theme.palette.background.paper,
                borderColor: theme.palette.divider,
                color: theme.palette.text.primary,
              }}
              labelFormatter={day => formatDate(String(day))}
            />
            <Legend />
            <Line
              type="stepAfter"
              dataKey="overall"
              name="Overall"
              stroke={theme.palette.primary.main}
              strokeWidth={3}
              dot={false}
              isAnimationActive={false}
            />
            {CATEGORY_IDS.map((id, index) => (
              <Line
                key={id}
                type="stepAfter"
                dataKey={id}
                name={CATEGORY_TITLES[id]}
                stroke={lineColors[index]}
                strokeDasharray={dashes[index]}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Typography variant="body2" color="textSecondary">
        Overall level {first.overallLevel} ({LEVEL_NAMES[first.overallLevel]})
        on {formatDate(first.day)}, {last.overallLevel} (
        {LEVEL_NAMES[last.overallLevel]}) on {formatDate(last.day)}.
      </Typography>
    </InfoCard>
  );
}
