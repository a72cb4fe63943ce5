import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  BuildStepKind,
  EntityMetrics,
  MaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { DatabaseMetricsWindowReader } from '../database/DatabaseMetricsWindowReader';
import { MaturityDatabase } from '../database/MaturityDatabase';
import { MetricsEntityContext } from '../database/MetricsWindow';
import { computeWindowMetrics } from '../testing/computeWindowMetrics';
import { backfillCommitLinks } from '../database/operations/commitLinks/syncCommitLinks';
import { linkIncidents } from '../metrics';
import {
  at,
  build,
  deployment,
  incident,
  pullRequest,
  sha,
} from '../testing/testEvents';

jest.setTimeout(60_000);

const CHECKOUT = 'component:default/checkout';
const CART = 'component:default/cart';
const DOCS = 'component:default/docs-site';
const PAYMENTS = 'component:default/payments';

/*
 * The window is four whole ISO weeks, Monday 2026-03-02 to Monday 2026-03-30
 * (exclusive); it spans both the US (03-08) and the EU (03-29) daylight-saving
 * changes. The previous window (author continuity) is 02-02 .. 03-02.
 */
const FROM = new Date(at('03-02 00:00'));
const TO = new Date(at('03-30 00:00'));

/** The metrics of a window from stored events, as an evaluation computes them. */
const computeEntityMetrics = (
  knex: Knex,
  options: Parameters<typeof computeWindowMetrics>[1],
) => computeWindowMetrics(new DatabaseMetricsWindowReader(knex), options);

const entities: MetricsEntityContext[] = [
  {
    entityRef: CHECKOUT,
    owner: 'group:default/checkout',
    hasIncidentSource: true,
  },
  // Production is prod-eu by annotation: its "production" deploy is not.
  {
    entityRef: CART,
    productionEnvironment: 'prod-eu',
    hasIncidentSource: false,
  },
  // No events but one old incident: the incident tool is connected.
  { entityRef: DOCS, hasIncidentSource: false },
  {
    entityRef: PAYMENTS,
    owner: 'group:default/payments',
    hasIncidentSource: true,
  },
];

const ci = (
  id: string,
  status: 'success' | 'failure' | 'cancelled' | 'running',
  start: string,
  end: string | undefined,
  commit?: string,
  extra = {},
) =>
  build(CHECKOUT, id, status, start, end, {
    ...(commit ? { commitSha: sha(commit) } : {}),
    ...extra,
  });
const prRun = (
  id: string,
  status: 'success' | 'failure' | 'running',
  start: string,
  end: string | undefined,
  commit: string,
  steps?: BuildStepKind[],
) =>
  build(CHECKOUT, id, status, start, end, {
    commitSha: sha(commit),
    trigger: 'pull_request',
    isDefaultBranch: false,
    branch: `feature/${commit}`,
    ...(steps ? { steps } : {}),
  });

const checkoutEvents: MaturityEvent[] = [
  // Successful production deploys in the window, "deployed" = finish time.
  deployment(CHECKOUT, 'D1', 'production', '03-02 10:00', '03-02 10:10', {
    commitSha: sha('s1'),
    commitShas: [sha('c1a'), sha('s1')],
    automated: true,
    reason: 'planned',
  }),
  deployment(CHECKOUT, 'D2', 'production', '03-03 15:00', '03-03 15:10', {
    commitSha: sha('s2'),
    automated: true,
    reason: 'planned',
  }),
  deployment(CHECKOUT, 'D3', 'Production', '03-04 09:00', '03-04 09:10', {
    commitSha: sha('s3'),
    automated: false,
    reason: 'hotfix',
  }),
  // The week of 03-09 has only a failed production deploy: zero deploy-days.
  deployment(CHECKOUT, 'F1', 'production', '03-10 12:00', '03-10 12:10', {
    commitSha: sha('sf1'),
    status: 'failure',
  }),
  deployment(CHECKOUT, 'D4', 'production', '03-16 11:00', '03-16 11:05', {
    commitSha: sha('s4'),
    commitShas: [sha('m3'), sha('s4')],
    automated: true,
    reason: 'planned',
  }),
  // Rolls D4 back, during incident I1.
  deployment(CHECKOUT, 'D5', 'production', '03-16 13:00', '03-16 13:05', {
    commitSha: sha('s3'),
    automated: true,
    reason: 'rollback',
  }),
  deployment(CHECKOUT, 'D6', 'live', '03-24 10:00', '03-24 10:10', {
    commitSha: sha('s6'),
    commitShas: [sha('m5'), sha('s6')],
    automated: true,
    reason: 'planned',
  }),
  // Sunday 23:30 UTC (Monday 01:30 in Berlin after the DST change): still
  // the week of 03-23, still in the window. No commit named.
  deployment(CHECKOUT, 'D7', 'prod', '03-29 23:30', '03-29 23:40', {
    reason: 'planned',
  }),
  // After the window.
  deployment(CHECKOUT, 'D8', 'production', '03-30 00:30', '03-30 00:40', {
    commitSha: sha('s8'),
  }),
  // Staging: before D1, D2, D4 with their commits; after D6 with its commit.
  deployment(CHECKOUT, 'N1', 'staging', '03-02 08:00', '03-02 08:05', {
    commitSha: sha('s1'),
  }),
  deployment(CHECKOUT, 'N2', 'staging', '03-03 14:00', '03-03 14:05', {
    commitSha: sha('s2'),
  }),
  deployment(CHECKOUT, 'N3', 'staging', '03-16 10:00', '03-16 10:05', {
    commitSha: sha('s4'),
  }),
  deployment(CHECKOUT, 'N4', 'staging', '03-24 12:00', '03-24 12:05', {
    commitSha: sha('s6'),
  }),
  deployment(CHECKOUT, 'N5', 'staging', '03-25 12:00', '03-25 12:05', {
    commitSha: sha('s7'),
    status: 'failure',
  }),

  // Pull requests merged in the window.
  pullRequest(
    CHECKOUT,
    'P1',
    { authored: '03-01 08:00', opened: '03-01 12:00', merged: '03-02 09:00' },
    {
      author: 'alice',
      sha: sha('m1'),
      commitShas: [sha('c1a')],
      reviewCount: 2,
      touchesSource: true,
      touchesTests: true,
      linkedIssues: ['A-1'],
    },
  ),
  pullRequest(
    CHECKOUT,
    'P2',
    { authored: '03-02 10:00', opened: '03-02 11:00', merged: '03-03 13:00' },
    {
      author: 'bob',
      sha: sha('s2'),
      commitShas: [sha('p2c')],
      reviewCount: 1,
      touchesSource: true,
      touchesTests: false,
      linkedIssues: [],
    },
  ),
  pullRequest(
    CHECKOUT,
    'P3',
    { authored: '03-12 09:00', opened: '03-12 10:00', merged: '03-13 10:00' },
    {
      author: 'alice',
      sha: sha('m3'),
      commitShas: [sha('p3c')],
      reviewCount: 0,
      touchesSource: true,
      touchesTests: true,
      linkedIssues: ['B-2'],
    },
  ),
  pullRequest(
    CHECKOUT,
    'P4',
    { authored: '03-15 11:00', opened: '03-15 12:00', merged: '03-16 10:00' },
    {
      author: 'erin',
      sha: sha('s4'),
      commitShas: [sha('p4c')],
      reviewCount: 0,
      approvedAt: at('03-16 09:00'),
      touchesSource: true,
      touchesTests: true,
    },
  ),
  // Merged before D3, which did not ship it; D6 did.
  pullRequest(
    CHECKOUT,
    'P5',
    { authored: '03-03 10:00', opened: '03-03 11:00', merged: '03-03 14:00' },
    {
      author: 'bob',
      sha: sha('m5'),
      commitShas: [sha('p5c')],
      reviewCount: 0,
      touchesSource: true,
      touchesTests: false,
      linkedIssues: ['C-3'],
    },
  ),
  // Never deployed here (cart deployed a commit with the same SHA).
  pullRequest(
    CHECKOUT,
    'P7',
    { authored: '03-26 09:00', opened: '03-26 10:00', merged: '03-27 10:00' },
    {
      author: 'frank',
      sha: sha('m7'),
      commitShas: [sha('p7c')],
      reviewCount: 1,
      touchesSource: false,
    },
  ),
  // A direct push reverting D1's commit: D1 counts as failed.
  {
    type: 'change',
    source: 'github',
    entityRef: CHECKOUT,
    externalId: 'R1',
    kind: 'commit',
    state: 'merged',
    author: 'bob',
    targetBranch: 'main',
    sha: sha('r1'),
    authoredAt: at('03-03 08:50'),
    mergedAt: at('03-03 09:00'),
    directPush: true,
    isRevert: true,
    revertsSha: sha('s1'),
  },
  // The previous window's authors: alice, bob, carol, dave (and P1's alice).
  ...['alice', 'bob', 'carol', 'dave'].map((author, i) =>
    pullRequest(
      CHECKOUT,
      `Q${i}`,
      {
        authored: `02-1${i} 08:00`,
        opened: `02-1${i} 09:00`,
        merged: `02-1${i} 10:00`,
      },
      { author },
    ),
  ),

  // Default-branch runs of pipeline ci, one of pipeline docs.
  // Step kinds: B1 and B4 share a list; PB1 ran before the window.
  ci('B1', 'success', '03-02 09:05', '03-02 09:15', 'm1', {
    steps: ['unit-test', 'lint'],
  }),
  ci('B2', 'failure', '03-03 13:05', '03-03 13:17', 's2'),
  ci('B3', 'failure', '03-03 13:30', '03-03 13:38'),
  ci('B4', 'success', '03-03 14:00', '03-03 14:14', 'm5', {
    steps: ['unit-test', 'lint'],
  }),
  ci('B5', 'failure', '03-13 10:05', '03-13 10:25', 'm3'),
  ci('B6', 'success', '03-13 12:00', '03-13 12:30'),
  ci('B7', 'failure', '03-20 09:00', '03-20 09:06'),
  ci('B8', 'success', '03-21 09:00', '03-21 09:09'),
  ci('B9', 'cancelled', '03-27 10:00', '03-27 10:01'),
  ci('B10', 'running', '03-28 10:00', undefined),
  ci('B11', 'success', '03-20 09:30', '03-20 09:32', undefined, {
    pipeline: 'docs',
    steps: ['publish'],
  }),
  // Pull-request runs.
  prRun('PB1', 'success', '03-01 13:00', '03-01 13:05', 'c1a', ['sast']),
  prRun('PB2', 'failure', '03-02 12:00', '03-02 12:08', 'p2c'),
  prRun('PB3', 'success', '03-03 12:00', '03-03 12:11', 'p2c', [
    'integration-test',
    'unit-test',
  ]),
  prRun('PB4', 'failure', '03-12 11:00', '03-12 11:04', 'p3c'),
  prRun('PB5', 'success', '03-15 13:00', '03-15 13:07', 'p4c'),
  prRun('PB6', 'success', '03-03 11:30', '03-03 11:36', 'p5c'),
  prRun('PB7', 'running', '03-03 13:50', undefined, 'p5c'),

  // Incidents.
  incident(CHECKOUT, 'I1', '03-16 11:30', {
    acknowledged: '03-16 11:40',
    resolved: '03-16 13:30',
    postmortem: '03-18 10:00',
    responderTeam: 'group:default/checkout',
  }),
  // Names D2 although D3 ran in the 24 hours before it.
  incident(CHECKOUT, 'I2', '03-05 08:00', {
    urgency: 'low',
    acknowledged: '03-05 08:30',
    resolved: '03-05 12:00',
    responderTeam: 'group:default/sre',
    linkedDeploymentIds: ['D2'],
  }),
  // Names D6's commit as root cause, upper-cased; never resolved.
  incident(CHECKOUT, 'I3', '03-25 09:00', {
    responderTeam: 'Group:default/Checkout',
    linkedCommitShas: [sha('s6').toUpperCase()],
  }),
  // Only the failed deploy F1 ran in the 24 hours before: no link.
  incident(CHECKOUT, 'I4', '03-11 12:00', {
    urgency: 'low',
    acknowledged: '03-11 12:06',
    resolved: '03-11 15:00',
    responderTeam: 'group:default/checkout',
  }),
  // D3 ran 10:50 before: the 24-hour rule. Postmortem after 14 days.
  incident(CHECKOUT, 'I5', '03-04 20:00', {
    acknowledged: '03-04 20:15',
    resolved: '03-04 22:00',
    postmortem: '03-25 10:00',
  }),
  // Triggered before the window, resolved in it: time to restore only.
  incident(CHECKOUT, 'I6', '02-27 06:00', { resolved: '03-02 06:00' }),
  incident(CHECKOUT, 'I7', '03-09 10:00', {
    resolved: '03-09 11:00',
    postmortem: '03-10 10:00',
    responderTeam: 'group:default/sre',
  }),
];

const cartEvents: MaturityEvent[] = [
  // Not production for cart, whose annotation says prod-eu.
  deployment(CART, 'X1', 'production', '03-05 10:00', '03-05 10:05', {
    commitSha: sha('s2'),
  }),
  // The same SHA as checkout's D1, deployed by another entity.
  deployment(CART, 'X2', 'PROD-EU', '03-06 10:00', '03-06 10:05', {
    commitSha: sha('s1'),
  }),
  deployment(CART, 'X3', 'prod-eu', '03-10 10:00', '03-10 10:05', {
    commitSha: sha('cx3'),
  }),
  // The SHA of checkout's P7, which checkout never deployed.
  deployment(CART, 'X4', 'prod-eu', '03-28 10:00', '03-28 10:05', {
    commitSha: sha('m7'),
  }),
  pullRequest(
    CART,
    'C1',
    { authored: '03-05 08:00', opened: '03-05 09:00', merged: '03-06 09:00' },
    {
      author: 'gina',
      sha: sha('cm1'),
      commitShas: [sha('s1')],
    },
  ),
];

const otherEvents: MaturityEvent[] = [
  incident(DOCS, 'OLD', '2025-06-01T10:00:00.000Z', {
    resolved: '2025-06-01T11:00:00.000Z',
  }),
  deployment(PAYMENTS, 'Y1', 'live', '03-10 10:00', '03-10 10:05', {
    commitSha: sha('y1'),
  }),
];

describe('computeEntityMetrics', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function setUp(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = (
      await MaturityDatabase.create({
        database: { getClient: async () => knex, migrations: { skip: false } },
      })
    ).events;
    await store.ingest([...checkoutEvents, ...cartEvents, ...otherEvents]);
    await backfillCommitLinks(knex);
    return knex;
  }

  async function idsOf(
    knex: Knex,
    table: string,
    type: string,
    externalIds: string[],
  ) {
    const rows = await knex(table)
      .whereIn('external_id', externalIds)
      .select('id', 'external_id');
    const byExternal = new Map(
      rows.map(r => [r.external_id, `${type}:${Number(r.id)}`]),
    );
    return externalIds.map(id => byExternal.get(id)!);
  }

  const byEntity = (results: EntityMetrics[]) =>
    new Map(results.map(r => [r.entityRef, r.metrics]));

  it.each(databases.eachSupportedId())(
    'computes every metric of a batch of entities independently, %p',
    async databaseId => {
      const knex = await setUp(databaseId);
      const statements: string[] = [];
      knex.on('query', q => statements.push(q.sql));
      const results = await computeEntityMetrics(knex, {
        entities,
        from: FROM,
        to: TO,
      });
      knex.removeAllListeners('query');
      // A fixed number of reads for the whole batch (on PostgreSQL each in
      // a transaction of its own that turns JIT and parallel workers off).
      const reads = statements.filter(
        sql => !/^(begin|commit|select set_config\('jit')/i.test(sql.trim()),
      );
      expect(reads).toHaveLength(8);

      expect(results.map(r => r.entityRef)).toEqual([
        CHECKOUT,
        CART,
        DOCS,
        PAYMENTS,
      ]);
      expect(results[0].from).toBe('2026-03-02T00:00:00.000Z');
      expect(results[0].to).toBe('2026-03-30T00:00:00.000Z');
      const m = byEntity(results).get(CHECKOUT)!;
      const deploys = await idsOf(knex, 'deployments', 'deployment', [
        'D1',
        'D2',
        'D3',
        'D4',
        'D5',
        'D6',
        'D7',
      ]);
      const [d1, d2, d3, d4, d5, d6, d7] = deploys;

      // Deploy-days per ISO week: 03-02 {2,3,4}=3, 03-09 {}=0 (F1 failed),
      // 03-16 {16}=1 (D4, D5), 03-23 {24, 29}=2 (D8 is after the window).
      // Sorted [0,1,2,3]: median (1+2)/2 = 1.5.
      expect(m.deployment_frequency).toEqual({
        value: 1.5,
        status: 'ok',
        unit: 'deploy-days-per-week',
        sampleSize: 7,
        minimumSample: 0,
        breakdown: {
          weeks: 4,
          deployDays: 6,
          productionDeploys: 7,
          // All in March: one calendar month with 6 deploy-days.
          deployDaysPerMonth: 6,
          // D7 running 03-29 23:40, 20 minutes before the window's end.
          daysSinceProductionDeploy: 20 / (24 * 60),
        },
        evidence: [d7, d6, d5, d4, d3, d2, d1],
      });

      // Lead times (first commit → deploy finished), hours:
      // P1 03-01 08:00 → D1 03-02 10:10 = 26h10 = 26.1667
      // P2 03-02 10:00 → D2 03-03 15:10 = 29h10 = 29.1667
      // P3 03-12 09:00 → D4 03-16 11:05 = 98h05 = 98.0833 (with P4 in D4)
      // P4 03-15 11:00 → D4 03-16 11:05 = 24h05 = 24.0833
      // P5 03-03 10:00 → D6 03-24 10:10 = 504h10 = 504.1667 (not in D3)
      // sorted [24.08, 26.17, 29.17, 98.08, 504.17]: median 29.1667,
      // p75 at rank 0.75·4 = 3 → 98.0833.
      // coding [4,1,1,1,1] → 1; review [21,26,24,22,3] → 22;
      // deploy [70m, 130m, 73h05, 65m, 500h10] → 130m = 2.1667.
      expect(m.lead_time.status).toBe('ok');
      expect(m.lead_time.sampleSize).toBe(5);
      expect(m.lead_time.value).toBeCloseTo(29 + 10 / 60, 6);
      expect(m.lead_time.breakdown!.p75).toBeCloseTo(98 + 5 / 60, 6);
      expect(m.lead_time.breakdown!.coding).toBe(1);
      expect(m.lead_time.breakdown!.review).toBe(22);
      expect(m.lead_time.breakdown!.deploy).toBeCloseTo(130 / 60, 6);
      const [p1, p2, p3, p4, p5] = await idsOf(knex, 'changes', 'change', [
        'P1',
        'P2',
        'P3',
        'P4',
        'P5',
      ]);
      // Slowest first.
      expect(m.lead_time.evidence).toEqual([p5, p3, p2, p1, p4]);
      expect(m.merge_to_production.value).toBeCloseTo(130 / 60, 6);
      expect(m.merge_to_production.sampleSize).toBe(5);

      // Failed: D1 (reverted by R1), D2 (I2 names it), D3 (I5, 24-hour
      // rule), D4 (I1; rolled back by D5), D6 (I3 names its commit).
      // 5 of 7.
      expect(m.change_failure_rate.value).toBeCloseTo(5 / 7, 6);
      expect(m.change_failure_rate.sampleSize).toBe(7);
      expect(m.change_failure_rate.evidence).toEqual([
        d6,
        d4,
        d3,
        d2,
        d1,
        d7,
        d5,
      ]);

      // Recovery ends at remediation, not at the next deploy (behaviour
      // change: it used to end at D2, D3, D7 below), hours:
      // D1: reverted by R1, but no deploy shipped R1 and no incident names
      //   D1: not remediated, no sample (D2 did not end it).
      // D2: I2 resolved 03-05 12:00 − 03-03 15:10 = 44h50 = 44.8333 (D3,
      //   unrelated, does not end it).
      // D3: I5 resolved 03-04 22:00 − 09:10 = 12h50 = 12.8333.
      // D4: rolled back by D5 13:05 − 11:05 = 2 (before I1 resolved, 2h25).
      // D6: I3 still open at the window's end: no sample (D7 does not end
      //   it).
      // Median of [2, 12.8333, 44.8333] = 12.8333.
      expect(m.failed_deployment_recovery_time).toMatchObject({
        status: 'ok',
        sampleSize: 3,
        evidence: [d4, d3, d2],
      });
      expect(m.failed_deployment_recovery_time.value).toBeCloseTo(
        12 + 50 / 60,
        6,
      );

      // Hotfix D3 and rollback D5 of 7.
      expect(m.rework_rate.value).toBeCloseTo(2 / 7, 6);
      expect(m.rollbacks).toMatchObject({
        value: 1,
        status: 'ok',
        evidence: [d5],
      });
      expect(m.production_deploys).toMatchObject({ value: 7, sampleSize: 7 });
      // N1..N4; N5 failed.
      expect(m.non_production_deploys.value).toBe(4);
      // Known for D1..D6 (D7 unknown), automated all but D3: 5/6.
      expect(m.deploy_automation_share.value).toBeCloseTo(5 / 6, 6);
      // D1..D6 name a commit; D1, D2, D4 went to staging first: 3/6.
      expect(m.preprod_first_share.value).toBe(0.5);
      expect(m.preprod_first_share.sampleSize).toBe(6);
      expect(m.deploy_commit_resolution_share.value).toBeCloseTo(6 / 7, 6);

      // CI: 11 default-branch and 6 pull-request runs started in the window.
      expect(m.ci_runs.value).toBe(17);
      // Decided default-branch runs: B1..B8, B11 = 9, of which 5 succeeded.
      expect(m.ci_default_branch_success_rate.value).toBeCloseTo(5 / 9, 6);
      // Minutes [10,12,8,14,20,30,6,9,2] → sorted middle (5th of 9) = 10.
      expect(m.ci_default_branch_duration.value).toBe(10);
      // PB2..PB6: [8,11,4,7,6] → 7 (PB1 before the window, PB7 running).
      expect(m.ci_pr_pipeline_duration.value).toBe(7);
      // Red spells of ci: B2 13:17 → B4 14:14 = 0.95; B5 10:25 → B6 12:30
      // = 2.0833; B7 03-20 09:06 → B8 03-21 09:09 = 24.05 (B11 is docs).
      expect(m.ci_time_to_green.value).toBeCloseTo(2 + 5 / 60, 6);
      expect(m.ci_time_to_green.sampleSize).toBe(3);
      // Landed on main: P1 (B1), P2 (B2), P3 (B5), P4, P5 (B4), P7, R1:
      // 4 of 7 merge commits built.
      expect(m.ci_default_branch_commit_build_share.value).toBeCloseTo(
        4 / 7,
        6,
      );

      // Pull requests merged in the window: P1, P2, P3, P4, P5, P7.
      // Reviewed: P1, P2, P4 (approved), P7: 4/6.
      expect(m.pr_review_coverage.value).toBeCloseTo(4 / 6, 6);
      expect(m.pr_review_coverage.sampleSize).toBe(6);
      // Open → merge [21,26,24,22,3,24] → sorted middle (22+24)/2 = 23.
      expect(m.pr_open_to_merge.value).toBe(23);
      // Last run before merge: P1 PB1 ok, P2 PB3 ok, P3 PB4 failed, P4 PB5
      // ok, P5 PB7 still running, P7 none: 3/6.
      expect(m.pr_green_at_merge_share.value).toBe(0.5);
      // Touching source: P1..P5; also tests: P1, P3, P4: 3/5.
      expect(m.pr_test_touch_share.value).toBe(0.6);
      // Issues: P1, P3, P5: 3/6.
      expect(m.pr_issue_link_share.value).toBe(0.5);
      expect(m.direct_pushes.value).toBe(1);
      // Authored/merged days: week 03-02 {2,3}, 03-09 {12,13,15},
      // 03-16 {16}, 03-23 {26,27} → [2,3,1,2] → (2+2)/2 = 2; 4 weeks.
      expect(m.commit_days_per_week).toMatchObject({
        value: 2,
        sampleSize: 4,
        status: 'ok',
      });
      // Previous authors alice, bob, carol, dave; alice and bob stayed.
      expect(m.author_continuity).toMatchObject({
        value: 0.5,
        sampleSize: 4,
        status: 'ok',
      });

      // Incidents triggered in the window: I1, I2, I3, I4, I5, I7.
      expect(m.incidents_high_urgency.value).toBe(4);
      expect(m.incidents_low_urgency.value).toBe(2);
      // Resolved in the window: I1 2h, I2 4h, I4 3h, I5 2h, I6 72h, I7 1h;
      // I3 is open. Sorted [1,2,2,3,4,72]: (2+3)/2 = 2.5.
      expect(m.mttr).toMatchObject({ value: 2.5, sampleSize: 6, status: 'ok' });
      // Acknowledged: 10, 30, 6, 15 minutes → (10+15)/2 = 12.5 minutes.
      expect(m.time_to_acknowledge.value).toBeCloseTo(12.5 / 60, 6);
      // High urgency: I1 in time, I5 late, I7 in time; I3's 14 days are not
      // over at the window's end. 2/3.
      expect(m.incident_postmortem_share).toMatchObject({ sampleSize: 3 });
      expect(m.incident_postmortem_share.value).toBeCloseTo(2 / 3, 6);
      // Routed to group:default/checkout: I1, I3, I4 of 6.
      expect(m.incident_owner_routing_share.value).toBe(0.5);
      // Linked: I1, I2, I3 explicitly, I5 by window; I4 and I7 not: 4/6.
      expect(m.incident_change_link_share.value).toBeCloseTo(4 / 6, 6);

      // Cart: 3 prod-eu deploys, "production" is not production there.
      const cart = byEntity(results).get(CART)!;
      expect(cart.production_deploys.value).toBe(3);
      expect(cart.non_production_deploys.value).toBe(1);
      // Three deploys: measured, no minimum sample (behaviour change: was
      // insufficient data). Weeks 03-02 {X2}, 03-09 {X3}, 03-16 {},
      // 03-23 {X4}: [1,1,0,1] → sorted [0,1,1,1] → (1+1)/2 = 1; March 3.
      // X4 running 03-28 10:05, 37h55 before the window's end.
      expect(cart.deployment_frequency).toMatchObject({
        value: 1,
        status: 'ok',
        sampleSize: 3,
        breakdown: {
          weeks: 4,
          deployDays: 3,
          productionDeploys: 3,
          deployDaysPerMonth: 3,
        },
      });
      expect(
        cart.deployment_frequency.breakdown!.daysSinceProductionDeploy,
      ).toBeCloseTo((37 + 55 / 60) / 24, 9);
      // C1 shipped by X2 (its commit s1), alone: below the minimum.
      expect(cart.lead_time).toMatchObject({
        value: null,
        status: 'insufficient-data',
        sampleSize: 1,
        breakdown: { p75: null, coding: null, review: null, deploy: null },
      });
      // No incident source: not applicable.
      expect(cart.change_failure_rate.status).toBe('not-applicable');
      expect(cart.failed_deployment_recovery_time.status).toBe(
        'not-applicable',
      );
      expect(cart.mttr.status).toBe('not-applicable');
      expect(cart.incidents_high_urgency.status).toBe('not-applicable');
      // No CI: not applicable, but zero runs is a real count.
      expect(cart.ci_default_branch_success_rate.status).toBe('not-applicable');
      expect(cart.ci_runs).toMatchObject({ value: 0, status: 'ok' });
      // Days [2,0,0,0] → 0.
      expect(cart.commit_days_per_week).toMatchObject({
        value: 0,
        status: 'ok',
      });
      expect(cart.author_continuity).toMatchObject({
        status: 'insufficient-data',
        sampleSize: 0,
      });

      // Docs: nothing but an old incident.
      const docs = byEntity(results).get(DOCS)!;
      for (const id of [
        'deployment_frequency',
        'lead_time',
        'change_failure_rate',
        'failed_deployment_recovery_time',
        'rework_rate',
        'merge_to_production',
        'pr_review_coverage',
        'ci_time_to_green',
      ] as const) {
        expect(docs[id]).toMatchObject({
          value: null,
          status: 'not-applicable',
        });
      }
      expect(docs.production_deploys).toMatchObject({ value: 0, status: 'ok' });
      expect(docs.incidents_high_urgency).toMatchObject({
        value: 0,
        status: 'ok',
      });
      expect(docs.mttr).toMatchObject({
        value: null,
        status: 'insufficient-data',
      });
      expect(docs.incident_owner_routing_share.status).toBe('not-applicable');

      // Payments: a single production deploy, measured all the same:
      // weeks [0,1,0,0] → 0; March 1; Y1 running 03-10 10:05, 19 days
      // 13h55 before the window's end.
      const payments = byEntity(results).get(PAYMENTS)!;
      expect(payments.deployment_frequency).toMatchObject({
        value: 0,
        status: 'ok',
        sampleSize: 1,
        breakdown: {
          weeks: 4,
          deployDays: 1,
          productionDeploys: 1,
          deployDaysPerMonth: 1,
        },
      });
      expect(
        payments.deployment_frequency.breakdown!.daysSinceProductionDeploy,
      ).toBeCloseTo(19 + (13 + 55 / 60) / 24, 9);
      expect(payments.change_failure_rate).toMatchObject({
        value: null,
        status: 'insufficient-data',
        sampleSize: 1,
      });
      expect(payments.lead_time).toMatchObject({
        status: 'insufficient-data',
        sampleSize: 0,
      });
      expect(payments.incidents_high_urgency).toMatchObject({
        value: 0,
        status: 'ok',
      });

      // Every metric is there for every entity.
      for (const result of results) {
        expect(Object.keys(result.metrics).sort()).toEqual(
          Object.keys(m).sort(),
        );
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'links incidents to deployments and says how, %p',
    async databaseId => {
      const knex = await setUp(databaseId);
      // The incidents and deployments of the window read, linked.
      const rows = await new DatabaseMetricsWindowReader(knex).readWindow({
        entities,
        from: FROM,
        to: TO,
      });
      const links = linkIncidents(rows.incidents, rows.deployments, {
        from: FROM.getTime(),
        to: TO.getTime(),
      });
      const [i1, i2, i3, i4, i5, i7] = await idsOf(
        knex,
        'incidents',
        'incident',
        ['I1', 'I2', 'I3', 'I4', 'I5', 'I7'],
      );
      const [d2, d3, d4, d6] = await idsOf(knex, 'deployments', 'deployment', [
        'D2',
        'D3',
        'D4',
        'D6',
      ]);
      const num = (id: string) => Number(id.split(':')[1]);
      expect(
        links
          .map(l => [l.incidentId, l.entityRef, l.deploymentId, l.method])
          .sort(),
      ).toEqual(
        [
          [num(i1), CHECKOUT, num(d4), 'explicit'], // rolled back by D5
          [num(i2), CHECKOUT, num(d2), 'explicit'], // names D2 (D3 is closer)
          [num(i3), CHECKOUT, num(d6), 'explicit'], // names D6's commit
          [num(i4), CHECKOUT, null, 'none'], // only the failed F1 before it
          [num(i5), CHECKOUT, num(d3), 'window'], // D3 10h50 before
          [num(i7), CHECKOUT, null, 'none'],
        ].sort(),
      );

      // The metrics carry the same links, in the API's id spelling.
      const results = await computeEntityMetrics(knex, {
        entities,
        from: FROM,
        to: TO,
      });
      const checkout = results.find(r => r.entityRef === CHECKOUT)!;
      expect(
        checkout.incidentLinks!.map(l => [
          l.incidentId,
          l.deploymentId,
          l.method,
        ]),
      ).toEqual(
        expect.arrayContaining([
          [i1, d4, 'explicit'],
          [i2, d2, 'explicit'],
          [i3, d6, 'explicit'],
          [i4, null, 'none'],
          [i5, d3, 'window'],
          [i7, null, 'none'],
        ]),
      );
      expect(checkout.incidentLinks).toHaveLength(6);
      expect(results.find(r => r.entityRef === DOCS)!.incidentLinks).toEqual(
        [],
      );
      // Which tools had sent events: DOCS only ever had an incident.
      expect(checkout.connections).toEqual({
        scm: true,
        ci: true,
        incidents: true,
      });
      expect(results.find(r => r.entityRef === DOCS)!.connections).toEqual({
        scm: false,
        ci: false,
        incidents: true,
      });
      // The step kinds of the window's runs, each once, sorted; PB1's
      // `sast` ran before the window.
      expect(checkout.ciStepKinds).toEqual([
        'integration-test',
        'lint',
        'publish',
        'unit-test',
      ]);
      expect(results.find(r => r.entityRef === DOCS)!.ciStepKinds).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'returns nothing for an empty batch, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await expect(
        computeEntityMetrics(knex, { entities: [], from: FROM, to: TO }),
      ).resolves.toEqual([]);
    },
  );
});
