import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityMetrics,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef, ScorecardHistoryPoint } from '../../api/MaturityApi';

/** Days of history the trend covers. */
export const TREND_DAYS = 180;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the scorecard view shows; `scorecard` is absent until evaluated. */
export interface EntityScorecardData {
  scorecard?: Scorecard;
  metrics?: EntityMetrics;
  metricsError?: Error;
  history?: ScorecardHistoryPoint[];
  historyError?: Error;
}

export function isNotFound(error: unknown): boolean {
  return (
    (error instanceof ResponseError && error.statusCode === 404) ||
    (error as { name?: string } | undefined)?.name === 'NotFoundError'
  );
}

/**
 * Loads an entity's scorecard, metrics and last 180 days of history in
 * parallel. A 404 on the scorecard means "not evaluated yet", not an error;
 * metrics and history failing leaves the scorecard shown.
 */
export function useEntityScorecard(entityRef: string) {
  const maturityApi = useApi(maturityApiRef);
  return useAsyncRetry(async (): Promise<EntityScorecardData> => {
    const from = new Date(Date.now() - TREND_DAYS * DAY_MS).toISOString();
    const [scorecard, metrics, history] = await Promise.allSettled([
      maturityApi.getScorecard(entityRef),
      maturityApi.getMetrics(entityRef),
      maturityApi.getHistory(entityRef, { from }),
    ]);
    if (scorecard.status === 'rejected') {
      if (isNotFound(scorecard.reason)) {
        return {};
      }
      throw scorecard.reason;
    }
    return {
      scorecard: scorecard.value,
      metrics: metrics.status === 'fulfilled' ? metrics.value : undefined,
      metricsError: metrics.status === 'rejected' ? metrics.reason : undefined,
      history: history.status === 'fulfilled' ? history.value.items : undefined,
      historyError: history.status === 'rejected' ? history.reason : undefined,
    };
  }, [maturityApi, entityRef]);
}
