import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { Line, LineChart, YAxis } from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { levelLabel } from '../../scorecard/categoryTitles';
import { mlopsLevelLabel } from '../../scorecard/mlopsLevelLabel';
import { isNotFound } from '../EntityScorecard/useEntityScorecard';
import { RelativeTime } from '../RelativeTime';
import { bandLabel } from '../../scorecard/bandLabels';

const DAY_MS = 24 * 60 * 60 * 1000;

const useStyles = makeStyles(theme => ({
  figures: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(3),
    alignItems: 'flex-end',
  },
  figure: { display: 'flex', flexDirection: 'column' },
  value: { fontWeight: theme.typography.fontWeightBold as number },
}));

/**
 * The maturity summary of the current entity for its overview page: overall
 * level, delivery band, the MLOps level of an ML entity, a 90-day sparkline,
 * and a link to the Maturity tab.
 */
export function EntityMaturityCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const classes = useStyles();
  const theme = useTheme();
  const maturityApi = useApi(maturityApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const tabLink = `${entityRoute(entityRouteParams(entity))}/maturity`;

  const { loading, error, value } = useAsync(async () => {
    const from = new Date(Date.now() - 90 * DAY_MS).toISOString();
    const [scorecard, history] = await Promise.all([
      maturityApi.getScorecard(entityRef).catch(e => {
        if (isNotFound(e)) return undefined;
        throw e;
      }),
      maturityApi
        .getHistory(entityRef, { from })
        .then(h => h.items)
        .catch(() => []),
    ]);
    return { scorecard, history };
  }, [maturityApi, entityRef]);

  const deepLink = { title: 'View maturity', link: tabLink };
  if (loading) {
    return (
      <InfoCard title="Maturity">
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return (
      <InfoCard title="Maturity">
        <ResponseErrorPanel
          title="Could not load the scorecard"
          error={error}
        />
      </InfoCard>
    );
  }
  const scorecard = value?.scorecard;
  if (!scorecard) {
    return (
      <InfoCard title="Maturity" deepLink={deepLink}>
        <Typography>
          Not evaluated yet. The scorecard appears after the next evaluation.
        </Typography>
      </InfoCard>
    );
  }
  const history = value?.history ?? [];
  return (
    <InfoCard title="Maturity" deepLink={deepLink}>
      <div className={classes.figures}>
        <div className={classes.figure}>
          <Typography variant="overline" color="textSecondary">
            Practice level
          </Typography>
          <Typography variant="h5" component="p" className={classes.value}>
            {levelLabel(scorecard.overallLevel)}
          </Typography>
        </div>
        <div className={classes.figure}>
          <Typography variant="overline" color="textSecondary">
            Delivery performance
          </Typography>
          <Typography variant="h5" component="p" className={classes.value}>
            {bandLabel(scorecard.delivery.overallBand)}
          </Typography>
        </div>
        {scorecard.mlops && (
          <div className={classes.figure}>
            <Typography variant="overline" color="textSecondary">
              MLOps level
            </Typography>
            <Typography variant="h5" component="p" className={classes.value}>
              {mlopsLevelLabel(scorecard.mlops.level)}
            </Typography>
          </div>
        )}
        {history.length >= 2 && (
          <div
            className={classes.figure}
            role="img"
            aria-label={`Overall level over the last 90 days, from ${
              history[0].overallLevel
            } to ${history[history.length - 1].overallLevel}`}
          >
            <Typography variant="overline" color="textSecondary">
              90-day trend
            </Typography>
            <LineChart
              width={140}
              height={40}
              data={history.map(point => ({ level: point.overallLevel }))}
            >
              <YAxis hide domain={[0, 5]} />
              <Line
                type="stepAfter"
                dataKey="level"
                stroke={theme.palette.primary.main}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </div>
        )}
      </div>
      <Typography variant="body2" color="textSecondary">
        {scorecard.imbalanced ? 'Imbalanced across categories · ' : ''}
        Evaluated <RelativeTime time={scorecard.evaluatedAt} />
      </Typography>
    </InfoCard>
  );
}
