import { useCallback } from 'react';
import { campaignSearch } from '../components/CampaignsPanel/campaignSearch';
import { useOverviewRoute } from '../scorecard/useScorecardListLink';

/**
 * Links to a campaign's page in the Maturity page's Campaigns tab,
 * `/maturity?view=campaigns&campaign=<id>`; undefined when the app does not
 * mount that page, so callers show plain text.
 */
export function useCampaignLink(): ((id: string) => string) | undefined {
  const overview = useOverviewRoute();
  const link = useCallback(
    (id: string) => `${overview?.() ?? ''}${campaignSearch(id)}`,
    [overview],
  );
  return overview ? link : undefined;
}
