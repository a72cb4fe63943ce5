import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { ScorecardPage } from '../api/MaturityApi';
import { acmeRollup, orgRollup, scorecardPage } from './rollupFixtures';

/**
 * The organisation of `rollupFixtures` with waivers: some levels stand only
 * because exempt checks count as met, as the backend reports them.
 */
export const orgRollupWithWaivers: Rollup = {
  ...orgRollup,
  checkBands: { pass: 700, waived: 12, fail: 400 },
  mostFailedChecks: [
    {
      checkId: 'build-deploy.4.zero-downtime',
      failed: 38,
      waived: 0,
      applicable: 38,
    },
    { checkId: 'culture.3.codeowners', failed: 20, waived: 9, applicable: 38 },
  ],
  withoutWaivers: {
    // 20 entities at level 1 of 38: the two middle ones are at 1.
    overall: { distribution: [0, 20, 13, 5, 0, 0], median: 1 },
    categories: {
      ...orgRollup.categories,
      culture: { distribution: [2, 19, 13, 2, 0, 2], median: 1 },
    },
    children: [
      {
        scopeRef: 'group:default/acme',
        overallMedian: 1,
        categoryMedians: {
          culture: 1,
          design: 1,
          'build-deploy': 2,
          test: 2,
          information: 2,
        },
      },
    ],
  },
};

export const acmeRollupWithWaivers: Rollup = {
  ...acmeRollup,
  withoutWaivers: {
    ...orgRollupWithWaivers.withoutWaivers!,
    children: [
      {
        scopeRef: 'group:default/payments',
        overallMedian: 1.5,
        categoryMedians: {
          culture: 1,
          design: 2,
          'build-deploy': 3,
          test: 2,
          information: 2,
        },
      },
      {
        ...acmeRollup.children[1],
      },
    ],
  },
};

/** Checkout API at 2 overall, 1 without its waiver of CODEOWNERS. */
export const scorecardPageWithWaivers: ScorecardPage = {
  ...scorecardPage,
  items: [
    // Evaluated before levels without waivers were kept.
    scorecardPage.items[0],
    {
      ...scorecardPage.items[1],
      checkStates: { 'culture.3.codeowners': 'exempt' },
      waivedCheckStates: { 'culture.3.codeowners': 'fail' },
      levelsWithoutWaivers: {
        overallLevel: 1,
        categoryLevels: {
          culture: 1,
          design: 2,
          'build-deploy': 2,
          test: 1,
          information: 1,
        },
      },
    },
  ],
};
