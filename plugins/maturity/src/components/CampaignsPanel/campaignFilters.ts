import { CampaignStatus } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** Campaigns on a page of the Campaigns tab's list. */
export const CAMPAIGN_PAGE_SIZE = 25;

/** The status filters of the Campaigns tab's list; `open` by default. */
export type CampaignFilter =
  | 'open'
  | 'active'
  | 'upcoming'
  | 'finished'
  | 'all';

/**
 * Each filter's tab label, the statuses it asks for (none: every one) and
 * what the list says when it selects none.
 */
export const CAMPAIGN_FILTERS: Record<
  CampaignFilter,
  { label: string; statuses: CampaignStatus[]; empty: string }
> = {
  open: {
    label: 'Active and upcoming',
    statuses: ['active', 'upcoming'],
    empty: 'No active or upcoming campaigns',
  },
  active: {
    label: 'Active',
    statuses: ['active'],
    empty: 'No active campaigns',
  },
  upcoming: {
    label: 'Upcoming',
    statuses: ['upcoming'],
    empty: 'No upcoming campaigns',
  },
  finished: {
    label: 'Finished',
    statuses: ['finished'],
    empty: 'No finished campaigns',
  },
  all: { label: 'All', statuses: [], empty: 'No campaigns yet' },
};
