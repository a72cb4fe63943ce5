import { useRouteRef } from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import type { ScorecardFilters } from '../components/ScorecardSummaryTable';
import { overviewRouteRef } from '../routes';
import { searchParamsOfFilters } from './scorecardFilterParams';

/** Id of the org page's scorecard list, the target of drill-down links. */
export const SCORECARD_LIST_ID = 'maturity-scorecards';

/** A link to the org page's scorecard list with the given filters. */
export type ScorecardListLink = (filters: ScorecardFilters) => string;

/** The path of the org page; undefined when the app does not mount it. */
export function useOverviewRoute(): (() => string) | undefined {
  try {
    // Every hook of useRouteRef runs before it throws for an unmounted
    // route, so catching keeps the hook order stable across renders.
    return useRouteRef(overviewRouteRef);
  } catch {
    return undefined;
  }
}

/**
 * Links to the organisation page's scorecard list filtered as given, e.g.
 * `/maturity?failingCheck=test.3.e2e-tests#maturity-scorecards`; undefined
 * when the app does not mount the Maturity page, so callers show plain text.
 */
export function useScorecardListLink(): ScorecardListLink | undefined {
  const overview = useOverviewRoute();
  const link = useCallback(
    (filters: ScorecardFilters) => {
      const search = searchParamsOfFilters(filters).toString();
      return `${overview?.() ?? ''}${
        search ? `?${search}` : ''
      }#${SCORECARD_LIST_ID}`;
    },
    [overview],
  );
  return overview ? link : undefined;
}
