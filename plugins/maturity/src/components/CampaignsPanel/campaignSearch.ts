/** The Maturity page's `view` of the campaigns tab. */
export const CAMPAIGNS_VIEW = 'campaigns';

/** The query parameter naming the campaign shown. */
export const CAMPAIGN_PARAM = 'campaign';

/** `?view=campaigns&campaign=<id>`: a campaign's detail, or the list. */
export function campaignSearch(id?: string): string {
  const search = new URLSearchParams({ view: CAMPAIGNS_VIEW });
  if (id) search.set(CAMPAIGN_PARAM, id);
  return `?${search.toString()}`;
}
