import { useApi } from '@backstage/core-plugin-api';
import {
  EntityActivitySummary,
  MaturityEventType,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api/MaturityApi';
import { StoredEventOf } from '../../events/StoredEventOf';

/** Days of activity the view covers, ending now. */
export const ACTIVITY_WINDOW_DAYS = 90;

/** Events of each type listed under the counts. */
export const RECENT_EVENTS_PER_TYPE = 10;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the activity view shows for one entity. */
export interface EntityActivityData {
  summary: EntityActivitySummary;
  deployments: StoredEventOf<'deployment'>[];
  builds: StoredEventOf<'build'>[];
  changes: StoredEventOf<'change'>[];
  incidents: StoredEventOf<'incident'>[];
  repoFacts: StoredEventOf<'repo_fact'>[];
}

/**
 * Loads an entity's activity counts and its most recent events of each type,
 * all over the same window, in parallel.
 */
export function useEntityActivity(entityRef: string) {
  const maturityApi = useApi(maturityApiRef);

  return useAsyncRetry(async (): Promise<EntityActivityData> => {
    const now = Date.now();
    const window = {
      from: new Date(now - ACTIVITY_WINDOW_DAYS * DAY_MS).toISOString(),
      to: new Date(now).toISOString(),
    };

    const recent = async <T extends MaturityEventType>(type: T) => {
      const page = await maturityApi.getEntityEvents(entityRef, {
        ...window,
        types: [type],
        limit: RECENT_EVENTS_PER_TYPE,
      });
      return page.items.filter(
        (event): event is StoredEventOf<T> => event.type === type,
      );
    };

    const [summary, deployments, builds, changes, incidents, repoFacts] =
      await Promise.all([
        maturityApi.getEntityActivity(entityRef, window),
        recent('deployment'),
        recent('build'),
        recent('change'),
        recent('incident'),
        recent('repo_fact'),
      ]);

    return { summary, deployments, builds, changes, incidents, repoFacts };
  }, [maturityApi, entityRef]);
}
