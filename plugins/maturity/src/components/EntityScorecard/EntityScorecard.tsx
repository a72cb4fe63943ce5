import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CheckResult,
  maturityScorecardRefreshPermission,
} from '@internal/plugin-maturity-common';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { useCallback, useState } from 'react';
import { maturityApiRef } from '../../api/MaturityApi';
import { CategoryChecks } from '../CategoryChecks';
import { CategoryLevelGrid } from '../CategoryLevelGrid';
import { DeliveryPerformancePanel } from '../DeliveryPerformancePanel';
import { EvidenceDialog } from '../EvidenceDialog';
import { MaturityTrendChart } from '../MaturityTrendChart';
import { NextLevelSteps } from '../NextLevelSteps';
import { ScorecardHeader } from '../ScorecardHeader';
import { TREND_DAYS, useEntityScorecard } from './useEntityScorecard';

/**
 * Props of {@link EntityScorecard}.
 *
 * @public
 */
export interface EntityScorecardProps {
  /** Full reference of the entity, e.g. `component:default/checkout-api`. */
  entityRef: string;
}

function useRefresh(entityRef: string, onDone: () => void) {
  const maturityApi = useApi(maturityApiRef);
  const alertApi = useApi(alertApiRef);
  const [refreshing, setRefreshing] = useState(false);
  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      await maturityApi.refreshScorecard(entityRef);
      alertApi.post({
        message: 'Scorecard re-evaluated',
        severity: 'success',
        display: 'transient',
      });
      onDone();
    } catch (error) {
      const forbidden =
        error instanceof ResponseError && error.statusCode === 403;
      alertApi.post({
        message: forbidden
          ? 'You are not allowed to re-evaluate this entity.'
          : `Could not re-evaluate: ${(error as Error).message}`,
        severity: 'error',
      });
    } finally {
      setRefreshing(false);
    }
  }, [maturityApi, alertApi, entityRef, onDone]);
  return { refresh, refreshing };
}

/**
 * An entity's scorecard: headline, category × level grid, what lifts it to
 * the next level, DORA delivery performance, trend and every check with the
 * evidence behind it. Takes the entity reference as a prop, so it works
 * outside an entity page too.
 *
 * @public
 */
export function EntityScorecard(props: EntityScorecardProps) {
  const { entityRef } = props;
  const { loading, error, value, retry } = useEntityScorecard(entityRef);
  const { allowed: canRefresh } = usePermission({
    permission: maturityScorecardRefreshPermission,
  });
  const { refresh, refreshing } = useRefresh(entityRef, retry);
  const [evidence, setEvidence] = useState<{
    title: string;
    ids: string[];
  }>();
  const showCheckEvidence = useCallback(
    (check: CheckResult) =>
      setEvidence({ title: check.title, ids: check.evidence }),
    [],
  );

  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return (
      <Grid container spacing={2} direction="column">
        <Grid item>
          <ResponseErrorPanel
            title="Could not load the scorecard"
            error={error}
          />
        </Grid>
        <Grid item>
          <Button variant="outlined" onClick={retry}>
            Try again
          </Button>
        </Grid>
      </Grid>
    );
  }
  const scorecard = value?.scorecard;
  if (!scorecard) {
    return (
      <EmptyState
        missing="data"
        title="Not evaluated yet"
        description={
          <>
            <code>{entityRef}</code> has no scorecard yet. Entities are
            evaluated on a schedule shortly after they appear in the catalog;
            you can also evaluate it now.
          </>
        }
        action={
          canRefresh ? (
            <Button
              variant="contained"
              color="primary"
              onClick={refresh}
              disabled={refreshing}
            >
              {refreshing ? 'Evaluating…' : 'Evaluate now'}
            </Button>
          ) : undefined
        }
      />
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ScorecardHeader
          scorecard={scorecard}
          onRefresh={canRefresh ? refresh : undefined}
          refreshing={refreshing}
        />
      </Grid>
      <Grid item xs={12} xl={7}>
        <CategoryLevelGrid scorecard={scorecard} />
      </Grid>
      <Grid item xs={12} xl={5}>
        {value?.historyError ? (
          <ResponseErrorPanel
            title="Could not load the history"
            error={value.historyError}
          />
        ) : (
          <MaturityTrendChart
            history={value?.history ?? []}
            days={TREND_DAYS}
          />
        )}
      </Grid>
      <Grid item xs={12} xl={6}>
        <NextLevelSteps
          scorecard={scorecard}
          onShowEvidence={showCheckEvidence}
        />
      </Grid>
      <Grid item xs={12} xl={6}>
        <DeliveryPerformancePanel
          delivery={scorecard.delivery}
          metrics={value?.metrics}
          onShowEvidence={(title, ids) => setEvidence({ title, ids })}
        />
      </Grid>
      <Grid item xs={12}>
        <CategoryChecks
          scorecard={scorecard}
          onShowEvidence={showCheckEvidence}
        />
      </Grid>
      <EvidenceDialog
        open={!!evidence}
        onClose={() => setEvidence(undefined)}
        title={evidence?.title ?? ''}
        entityRef={entityRef}
        evidence={evidence?.ids ?? []}
        window={scorecard.window}
      />
    </Grid>
  );
}
