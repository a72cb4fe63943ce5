import { InfoCard, Link } from '@backstage/core-components';
import {
  LEVEL_NAMES,
  LevelDistribution,
  MaturityLevel,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { useNavigate } from 'react-router-dom';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { levelShade } from '../../scorecard/levelShade';

const LEVELS: MaturityLevel[] = [0, 1, 2, 3, 4, 5];

const useStyles = makeStyles(theme => ({
  chart: { width: '100%', height: 220 },
  linked: { '& .recharts-bar-rectangle': { cursor: 'pointer' } },
  table: { marginTop: theme.spacing(1) },
  cell: {
    textAlign: 'center',
    padding: theme.spacing(0.5),
    whiteSpace: 'nowrap',
  },
}));

/** Props of {@link LevelDistributionChart}. */
export interface LevelDistributionChartProps {
  distribution: LevelDistribution;
  title?: string;
  /**
   * Where the entities at a level are listed. Each count in the table links
   * there, and a click on a bar goes there too.
   */
  levelLink?: (level: MaturityLevel) => string;
}

/**
 * How many entities reached each overall level 0–5: a bar chart with the
 * count on every bar, and the same numbers as a table under it. With
 * `levelLink`, each count leads to the list of those entities.
 */
export function LevelDistributionChart(props: LevelDistributionChartProps) {
  const { distribution, title = 'Level distribution', levelLink } = props;
  const classes = useStyles();
  const theme = useTheme();
  const navigate = useNavigate();
  const data = LEVELS.map(level => ({
    level,
    count: distribution[level] ?? 0,
  }));
  const summary = data
    .map(d => `${d.count} at level ${d.level} (${LEVEL_NAMES[d.level]})`)
    .join(', ');

  return (
    <InfoCard title={title}>
      <div
        className={`${classes.chart} ${levelLink ? classes.linked : ''}`}
        role="img"
        aria-label={summary}
      >
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 20, right: 8, left: 0 }}>
            <CartesianGrid stroke={theme.palette.divider} vertical={false} />
            <XAxis
              dataKey="level"
              stroke={theme.palette.text.secondary}
              interval={0}
              tickFormatter={level => `L${level}`}
            />
            <YAxis
              allowDecimals={false}
              stroke={theme.palette.text.secondary}
              width={32}
            />
            <Bar
              dataKey="count"
              isAnimationActive={false}
              // The table's links are the keyboard way to the same lists.
              onClick={
                levelLink
                  ? (bar: {
                      payload?: { level: MaturityLevel; count: number };
                    }) => {
                      if (bar.payload && bar.payload.count > 0) {
                        navigate(levelLink(bar.payload.level));
                      }
                    }
                  : undefined
              }
            >
              {data.map(d => (
                <Cell
                  key={d.level}
                  fill={levelShade(theme, d.level).background}
                  stroke={theme.palette.primary.main}
                />
              ))}
              <LabelList
                dataKey="count"
                position="top"
                fill={theme.palette.text.primary}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table size="small" className={classes.table} aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell className={classes.cell}>Level</TableCell>
            {data.map(d => (
              <TableCell key={d.level} className={classes.cell}>
                L{d.level}
                <br />
                {LEVEL_NAMES[d.level]}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            <TableCell component="th" scope="row" className={classes.cell}>
              Entities
            </TableCell>
            {data.map(d => (
              <TableCell key={d.level} className={classes.cell}>
                {levelLink && d.count > 0 ? (
                  <Link
                    to={levelLink(d.level)}
                    title={`List the ${
                      d.count === 1 ? 'entity' : `${d.count} entities`
                    } at level ${d.level} (${LEVEL_NAMES[d.level]})`}
                  >
                    {d.count}
                  </Link>
                ) : (
                  d.count
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </InfoCard>
  );
}
