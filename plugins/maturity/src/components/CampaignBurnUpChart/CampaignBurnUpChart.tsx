import {
  Campaign,
  CampaignDay,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { percent, shareOf } from '../../campaigns/describeCampaign';
import { formatDate } from '../../time/formatDate';

const DAY_MS = 24 * 60 * 60 * 1000;

const useStyles = makeStyles(theme => ({
  figure: { margin: 0 },
  chart: { width: '100%', height: 240 },
  caption: { marginTop: theme.spacing(1) },
}));

/** Days since 1970-01-01 of a `YYYY-MM-DD` day. */
function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00.000Z`) / DAY_MS);
}

function dayOfNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The burn-up in words, for screen readers and at a glance. */
export function burnUpInWords(campaign: Campaign, days: CampaignDay[]): string {
  const parts: string[] = [];
  if (days.length === 0) {
    parts.push('No day computed yet.');
  } else {
    const first = days[0];
    const last = days[days.length - 1];
    parts.push(
      days.length === 1
        ? `${percent(shareOf(last))} meeting the goal on ${formatDate(
            last.day,
          )}.`
        : `${percent(shareOf(first))} meeting the goal on ${formatDate(
            first.day,
          )}, ${percent(shareOf(last))} on ${formatDate(last.day)}.`,
    );
  }
  if (campaign.milestones.length > 0) {
    parts.push(
      `Milestones: ${campaign.milestones
        .map(m => `${percent(m.targetShare)} by ${formatDate(m.date)}`)
        .join(', ')}.`,
    );
  }
  parts.push(`Deadline ${formatDate(campaign.deadline)}.`);
  return parts.join(' ');
}

/** Props of {@link CampaignBurnUpChart}. */
export interface CampaignBurnUpChartProps {
  campaign: Campaign;
  days: CampaignDay[];
}

/**
 * A campaign's burn-up: the share of in-scope entities meeting the goal on
 * each day from its start, against its milestones (a dashed target line
 * through them) and its deadline, on a time axis that runs to the deadline.
 */
export function CampaignBurnUpChart(props: CampaignBurnUpChartProps) {
  const { campaign, days } = props;
  const classes = useStyles();
  const theme = useTheme();
  const start = dayNumber(campaign.startsOn);
  const deadline = dayNumber(campaign.deadline);
  const actual = days.map(day => ({
    x: dayNumber(day.day),
    share: Math.round(shareOf(day) * 1000) / 10,
  }));
  const target = campaign.milestones.map(m => ({
    x: dayNumber(m.date),
    target: Math.round(m.targetShare * 1000) / 10,
  }));
  const summary = burnUpInWords(campaign, days);
  return (
    <figure className={classes.figure} aria-label="Campaign burn-up">
      <div className={classes.chart} role="img" aria-label={summary}>
        <ResponsiveContainer>
          <ComposedChart margin={{ top: 16, right: 24, left: 0, bottom: 0 }}>
            <CartesianGrid stroke={theme.palette.divider} />
            <XAxis
              dataKey="x"
              type="number"
              domain={[start, deadline]}
              allowDataOverflow
              stroke={theme.palette.text.secondary}
              tickFormatter={x => formatDate(dayOfNumber(Number(x)))}
              minTickGap={24}
            />
            <YAxis
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              unit="%"
              width={48}
              stroke={theme.palette.text.secondary}
            />
            <Tooltip
              contentStyle={{
                background: theme.palette.background.paper,
                borderColor: theme.palette.divider,
                color: theme.palette.text.primary,
              }}
              labelFormatter={x => formatDate(dayOfNumber(Number(x)))}
              formatter={value => `${value} %`}
            />
            <Line
              data={actual}
              dataKey="share"
              name="Meeting the goal"
              type="stepAfter"
              stroke={theme.palette.primary.main}
              strokeWidth={3}
              dot={false}
              isAnimationActive={false}
            />
            {target.length > 0 && (
              <Line
                data={target}
                dataKey="target"
                name="Milestone"
                stroke={theme.palette.text.secondary}
                strokeDasharray="4 4"
                strokeWidth={1.5}
                dot={{ r: 4 }}
                isAnimationActive={false}
              />
            )}
            <ReferenceLine
              x={deadline}
              stroke={theme.palette.error.main}
              label={{
                value: 'Deadline',
                position: 'insideTopRight',
                fill: theme.palette.text.secondary,
              }}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <Typography
        variant="body2"
        color="textSecondary"
        component="figcaption"
        className={classes.caption}
      >
        {summary}
        {target.length > 0 && ' The dashed line joins the milestones.'}
      </Typography>
    </figure>
  );
}
