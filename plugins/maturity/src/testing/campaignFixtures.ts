import {
  Campaign,
  CampaignEntityPage,
  CampaignProgress,
  EntityCampaign,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/**
 * Campaigns shaped like the backend's responses, around "now" of
 * {@link NOW} (2026-11-23): one active with a burn-up, one finished, one
 * upcoming.
 */
export const testsRequiredCampaign: Campaign = {
  id: 'c-tests',
  title: 'Tests as required checks',
  description:
    'Every production service makes its tests required before merge.',
  ownerRef: 'group:default/platform',
  scope: {
    owners: ['group:default/acme'],
    includeSubgroups: true,
    lifecycles: ['production'],
  },
  goal: {
    type: 'checks',
    checkIds: ['test.3.tests-required', 'test.2.integration-tests'],
  },
  allowExemptions: false,
  startsOn: '2026-11-01',
  deadline: '2027-03-31',
  milestones: [
    { date: '2026-12-31', targetShare: 0.5 },
    { date: '2027-02-28', targetShare: 0.8 },
  ],
  reminderDaysBefore: [14, 3],
  status: 'active',
  createdBy: 'user:default/pat',
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedBy: 'user:default/pat',
  updatedAt: '2026-11-01T09:00:00.000Z',
  latest: { day: '2026-11-23', inScope: 39, meeting: 23 },
};

export const finishedCampaign: Campaign = {
  ...testsRequiredCampaign,
  id: 'c-level',
  title: 'Reach Intermediate in Test',
  description: '',
  goal: { type: 'categoryLevel', category: 'test', level: 3 },
  startsOn: '2026-09-01',
  deadline: '2026-10-31',
  milestones: [],
  status: 'finished',
  finishedAt: '2026-11-01T00:10:00.000Z',
  latest: { day: '2026-10-31', inScope: 10, meeting: 9 },
};

export const upcomingCampaign: Campaign = {
  ...testsRequiredCampaign,
  id: 'c-mlops',
  title: 'Automate ML pipelines',
  goal: { type: 'mlopsLevel', level: 1 },
  scope: { tags: ['ml'] },
  startsOn: '2027-01-01',
  deadline: '2027-06-30',
  milestones: [],
  status: 'upcoming',
  latest: undefined,
};

export const testsRequiredProgress: CampaignProgress = {
  campaign: testsRequiredCampaign,
  days: [
    { day: '2026-11-01', inScope: 38, meeting: 10 },
    { day: '2026-11-12', inScope: 39, meeting: 17 },
    { day: '2026-11-23', inScope: 39, meeting: 23 },
  ],
  // Not in the order shown: the table puts the most short first.
  teams: [
    { ownerRef: 'group:default/search', inScope: 27, meeting: 21 },
    { ownerRef: 'group:default/payments', inScope: 12, meeting: 2 },
  ],
};

export const finishedProgress: CampaignProgress = {
  campaign: finishedCampaign,
  days: [
    { day: '2026-09-01', inScope: 10, meeting: 5 },
    { day: '2026-10-31', inScope: 10, meeting: 9 },
  ],
  teams: [{ ownerRef: 'group:default/payments', inScope: 10, meeting: 9 }],
};

export const testsRequiredShortPage: CampaignEntityPage = {
  items: [
    {
      entityRef: 'component:default/checkout-api',
      title: 'Checkout API',
      ownerRef: 'group:default/payments',
      meetsGoal: false,
      shortfall: { failingChecks: ['test.3.tests-required'] },
    },
    {
      entityRef: 'component:default/ledger-service',
      ownerRef: 'group:default/payments',
      meetsGoal: false,
      shortfall: {
        failingChecks: ['test.3.tests-required', 'test.2.integration-tests'],
      },
    },
  ],
  totalCount: 16,
};

export const checkoutApiCampaigns: EntityCampaign[] = [
  {
    campaign: testsRequiredCampaign,
    meetsGoal: false,
    shortfall: { failingChecks: ['test.3.tests-required'] },
  },
  {
    campaign: {
      ...finishedCampaign,
      id: 'c-overall',
      title: 'Everyone at Beginner',
      goal: { type: 'overallLevel', level: 2 },
      status: 'active',
      deadline: '2027-01-31',
    },
    meetsGoal: true,
  },
];
