import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  alertApiRef,
  identityApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CheckResult,
  Exemption,
  maturityExemptionDecidePermission,
  maturityScorecardRefreshPermission,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { useCallback, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  ApproveExemptionRequest,
  CreateExemptionRequest,
  maturityApiRef,
} from '../../api/MaturityApi';
import { checkTitle } from '../../scorecard/categoryTitles';
import { CategoryChecks } from '../CategoryChecks';
import { CategoryLevelGrid } from '../CategoryLevelGrid';
import { CheckExemptions } from '../CheckResultItem';
import { DecideExemptionDialog } from '../DecideExemptionDialog';
import { DeliveryPerformancePanel } from '../DeliveryPerformancePanel';
import {
  EntityCampaigns,
  hasEntityCampaigns,
  useEntityCampaigns,
} from '../EntityCampaigns';
import { EvidenceDialog } from '../EvidenceDialog';
import { describeExemptionError, ExemptionDialog } from '../ExemptionDialog';
import { ExemptionList } from '../ExemptionList';
import { LoadErrorPanel } from '../LoadErrorPanel';
import { MaturityTrendChart } from '../MaturityTrendChart';
import { MlopsPanel } from '../MlopsPanel';
import { NextLevelSteps } from '../NextLevelSteps';
import { LevelsAtRisk } from '../LevelsAtRisk';
import { RevokeExemptionDialog } from '../RevokeExemptionDialog';
import { ScorecardHeader } from '../ScorecardHeader';
import { exemptionChanges, useEntityExemptions } from './useEntityExemptions';
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
 * After an exemption was created or revoked: re-evaluates the entity right
 * away when the reader may (the backend has queued it anyway), reloads the
 * scorecard and the exemptions, and says when the level changes.
 */
function useAfterExemptionChange(
  entityRef: string,
  canRefresh: boolean,
  reload: () => void,
) {
  const maturityApi = useApi(maturityApiRef);
  const alertApi = useApi(alertApiRef);
  const [reevaluating, setReevaluating] = useState(false);
  const afterChange = useCallback(
    async (done: string) => {
      if (!canRefresh) {
        reload();
        alertApi.post({
          message: `${done} The check and the level update after the entity is re-evaluated, which has been queued.`,
          severity: 'success',
          display: 'transient',
        });
        return;
      }
      setReevaluating(true);
      try {
        await maturityApi.refreshScorecard(entityRef);
        alertApi.post({
          message: `${done} The scorecard has been re-evaluated.`,
          severity: 'success',
          display: 'transient',
        });
      } catch (error) {
        alertApi.post({
          message: `${done} Re-evaluating right away failed (${
            (error as Error).message
          }); the check and the level update after the queued re-evaluation.`,
          severity: 'warning',
        });
      } finally {
        setReevaluating(false);
        reload();
      }
    },
    [maturityApi, alertApi, entityRef, canRefresh, reload],
  );
  return { afterChange, reevaluating };
}

/** The largest sample a check's observed values name, if any. */
function largestSampleSize(check: CheckResult): number | undefined {
  const sizes = Object.entries(check.observed)
    .filter(
      ([key, value]) =>
        key.endsWith('.sampleSize') && typeof value === 'number',
    )
    .map(([, value]) => value as number);
  return sizes.length ? Math.max(...sizes) : undefined;
}

/**
 * An entity's scorecard: headline, category × level grid, the MLOps level
 * and its checks for ML entities, what lifts it to the next level, DORA
 * delivery performance, trend and every check with the evidence behind it,
 * and the entity's exemptions. Readers request exemptions of failing checks
 * and withdraw their own requests; deciders (maturity.exemption.decide on
 * the entity) approve, deny and revoke them from here. Takes the entity
 * reference as a prop, so it works outside an entity page too.
 *
 * @public
 */
export function EntityScorecard(props: EntityScorecardProps) {
  const { entityRef } = props;
  const { loading, error, value, retry } = useEntityScorecard(entityRef);
  const { allowed: canRefresh } = usePermission({
    permission: maturityScorecardRefreshPermission,
  });
  // Deciding is a resource permission: a policy may allow it for some
  // entities only (e.g. not for the ones the reader's team owns).
  const { allowed: canDecide } = usePermission({
    permission: maturityExemptionDecidePermission,
    resourceRef: entityRef,
  });
  const identityApi = useApi(identityApiRef);
  const { value: currentUser } = useAsync(
    async () => (await identityApi.getBackstageIdentity()).userEntityRef,
    [identityApi],
  );
  const alertApi = useApi(alertApiRef);
  const { refresh, refreshing } = useRefresh(entityRef, retry);
  const exemptions = useEntityExemptions(entityRef);
  const campaigns = useEntityCampaigns(entityRef);
  const retryExemptions = exemptions.retry;
  const reload = useCallback(() => {
    retry();
    retryExemptions();
  }, [retry, retryExemptions]);
  const { afterChange: afterExemptionChange, reevaluating } =
    useAfterExemptionChange(entityRef, canRefresh, reload);
  const maturityApi = useApi(maturityApiRef);
  const [evidence, setEvidence] = useState<{
    title: string;
    ids: string[];
    sampleSize?: number;
  }>();
  const [exempting, setExempting] = useState<CheckResult>();
  const [revoking, setRevoking] = useState<{
    exemption: Exemption;
    checkTitle: string;
  }>();
  const [deciding, setDeciding] = useState<{
    exemption: Exemption;
    checkTitle: string;
  }>();
  const showCheckEvidence = useCallback(
    (check: CheckResult) =>
      setEvidence({
        title: check.title,
        ids: check.evidence,
        sampleSize: largestSampleSize(check),
      }),
    [],
  );

  const scorecard = value?.scorecard;
  const titleOf = useCallback(
    (checkId: string) =>
      scorecard?.checks.find(c => c.checkId === checkId)?.title ??
      checkTitle(checkId),
    [scorecard],
  );
  const checkExemptions = useMemo((): CheckExemptions | undefined => {
    if (!scorecard) {
      return undefined;
    }
    return {
      ...exemptionChanges(scorecard, exemptions.value?.items, Date.now()),
      // Whoever reads the scorecard may ask for an exemption.
      onExempt: setExempting,
      ...(canDecide
        ? {
            onRevoke: (exemption: Exemption, check: CheckResult) =>
              setRevoking({ exemption, checkTitle: check.title }),
          }
        : {}),
    };
  }, [scorecard, exemptions.value, canDecide]);

  const createExemption = async (request: CreateExemptionRequest) => {
    const created = await maturityApi.createExemption(entityRef, request);
    setExempting(undefined);
    const title = titleOf(request.checkId);
    if (created.status === 'approved') {
      await afterExemptionChange(
        `Exempted “${title}” (approved at once for this check).`,
      );
      return;
    }
    retryExemptions();
    alertApi.post({
      message: `Requested an exemption of “${title}”: it counts once a decider approves it.`,
      severity: 'success',
      display: 'transient',
    });
  };
  const approveExemption = async (request: ApproveExemptionRequest) => {
    const exemption = deciding!.exemption;
    await maturityApi.approveExemption(exemption.id, request);
    setDeciding(undefined);
    await afterExemptionChange(
      `Approved the exemption of “${titleOf(exemption.checkId)}”.`,
    );
  };
  const denyExemption = async (comment: string) => {
    const exemption = deciding!.exemption;
    await maturityApi.denyExemption(exemption.id, { comment });
    setDeciding(undefined);
    retryExemptions();
    alertApi.post({
      message: `Denied the exemption request for “${titleOf(
        exemption.checkId,
      )}”.`,
      severity: 'success',
      display: 'transient',
    });
  };
  const withdrawExemption = async (exemption: Exemption) => {
    try {
      await maturityApi.withdrawExemption(exemption.id);
      alertApi.post({
        message: `Withdrew the exemption request for “${titleOf(
          exemption.checkId,
        )}”.`,
        severity: 'success',
        display: 'transient',
      });
    } catch (e) {
      alertApi.post({
        message: `Could not withdraw the request: ${describeExemptionError(
          e as Error,
        )}`,
        severity: 'error',
      });
    } finally {
      retryExemptions();
    }
  };
  const revokeExemption = async (exemption: Exemption) => {
    await maturityApi.revokeExemption(exemption.id);
    setRevoking(undefined);
    await afterExemptionChange(
      `Revoked the exemption of “${titleOf(exemption.checkId)}”.`,
    );
  };

  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return (
      <LoadErrorPanel
        title="Could not load the scorecard"
        error={error}
        onRetry={retry}
      />
    );
  }
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
          refreshing={refreshing || reevaluating}
        />
      </Grid>
      {hasEntityCampaigns(campaigns) && (
        <Grid item xs={12}>
          <EntityCampaigns state={campaigns} />
        </Grid>
      )}
      {scorecard.categories.some(c => c.atRisk) && (
        <Grid item xs={12}>
          <LevelsAtRisk scorecard={scorecard} />
        </Grid>
      )}
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
      {scorecard.mlops && (
        <Grid item xs={12}>
          <MlopsPanel
            scorecard={scorecard}
            onShowEvidence={showCheckEvidence}
            exemptions={checkExemptions}
          />
        </Grid>
      )}
      <Grid item xs={12} xl={6}>
        <NextLevelSteps
          scorecard={scorecard}
          onShowEvidence={showCheckEvidence}
          exemptions={checkExemptions}
        />
      </Grid>
      <Grid item xs={12} xl={6}>
        <DeliveryPerformancePanel
          delivery={scorecard.delivery}
          metrics={value?.metrics}
          metricsError={value?.metricsError}
          onRetryMetrics={retry}
          onShowEvidence={(title, ids, sampleSize) =>
            setEvidence({ title, ids, sampleSize })
          }
        />
      </Grid>
      <Grid item xs={12}>
        <CategoryChecks
          scorecard={scorecard}
          onShowEvidence={showCheckEvidence}
          exemptions={checkExemptions}
        />
      </Grid>
      <Grid item xs={12}>
        <ExemptionList
          exemptions={exemptions.value?.items}
          events={exemptions.value?.events}
          loading={exemptions.loading}
          error={exemptions.error}
          onRetry={retryExemptions}
          titleOf={titleOf}
          currentUser={currentUser}
          onWithdraw={withdrawExemption}
          onDecide={
            canDecide
              ? exemption =>
                  setDeciding({
                    exemption,
                    checkTitle: titleOf(exemption.checkId),
                  })
              : undefined
          }
          onRevoke={
            canDecide
              ? exemption =>
                  setRevoking({
                    exemption,
                    checkTitle: titleOf(exemption.checkId),
                  })
              : undefined
          }
        />
      </Grid>
      <ExemptionDialog
        check={exempting}
        onClose={() => setExempting(undefined)}
        onSubmit={createExemption}
      />
      <DecideExemptionDialog
        target={deciding}
        onClose={() => setDeciding(undefined)}
        onApprove={approveExemption}
        onDeny={denyExemption}
      />
      <RevokeExemptionDialog
        target={revoking}
        onClose={() => setRevoking(undefined)}
        onConfirm={revokeExemption}
      />
      <EvidenceDialog
        open={!!evidence}
        onClose={() => setEvidence(undefined)}
        title={evidence?.title ?? ''}
        entityRef={entityRef}
        evidence={evidence?.ids ?? []}
        sampleSize={evidence?.sampleSize}
        window={scorecard.window}
      />
    </Grid>
  );
}
