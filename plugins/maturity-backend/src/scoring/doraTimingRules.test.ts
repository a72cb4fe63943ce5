import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  EntityMetrics,
  MaturityEvent,
  evaluateDeliveryPerformance,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { DatabaseMetricsWindowReader } from '../database/DatabaseMetricsWindowReader';
import { MaturityDatabase } from '../database/MaturityDatabase';
import { MetricsEntityContext } from '../database/MetricsWindow';
import { computeWindowMetrics } from '../testing/computeWindowMetrics';
import { createEventSink } from '../ingest/createEventSink';
import { leadTimeStages } from '../metrics/deliveryMetrics';
import {
  at,
  deployment,
  incident,
  pullRequest,
  sha,
} from '../testing/testEvents';

jest.setTimeout(60_000);

/*
 * The timing rules of docs/scoring.md for lead time, recovery time and deployment
 * frequency, on scenarios whose answers are worked out by hand below. The
 * events go through the ingest API's checks (the event sink every source
 * writes through) into the store.
 *
 * The window is 13 whole ISO weeks, Monday 2026-01-05 to Monday 2026-04-06
 * (exclusive): 91 days, over the calendar months January to April.
 */
const FROM = new Date(at('01-05 00:00'));
const TO = new Date(at('04-06 00:00'));
const HOUR = 3_600_000;

const SHIPS_FIVE = 'component:default/ships-five';
const RECOVERS = 'component:default/recovers';
const FIXED = 'component:default/fixed-by-deploy';
const RARE = 'component:default/rare-deployer';
const QUIET = 'component:default/quiet';
const DORMANT = 'component:default/dormant';
const NO_DEPLOYS = 'component:default/no-deploys';

/** The metrics of a window from stored events, as an evaluation computes them. */
const computeEntityMetrics = (
  knex: Knex,
  options: Parameters<typeof computeWindowMetrics>[1],
) => computeWindowMetrics(new DatabaseMetricsWindowReader(knex), options);

const entities: MetricsEntityContext[] = [
  { entityRef: SHIPS_FIVE, hasIncidentSource: false },
  { entityRef: RECOVERS, hasIncidentSource: true },
  { entityRef: FIXED, hasIncidentSource: true },
  { entityRef: RARE, hasIncidentSource: false },
  { entityRef: QUIET, hasIncidentSource: false },
  { entityRef: DORMANT, hasIncidentSource: false },
  { entityRef: NO_DEPLOYS, hasIncidentSource: false },
];

const pr = (
  id: string,
  times: { authored: string; opened: string; merged: string },
) => pullRequest(SHIPS_FIVE, id, times, { sha: sha(`merge-${id}`) });

/*
 * Five pull requests merged between two production deploys; the second
 * names all five merge commits as the range it shipped (commitShas), with
 * the last one as its head. It finished 03-06 16:00.
 */
const shipsFiveEvents: MaturityEvent[] = [
  deployment(SHIPS_FIVE, 'S0', 'production', '03-02 10:00', '03-02 10:10', {
    commitSha: sha('base'),
  }),
  pr('A', {
    authored: '03-02 09:00',
    opened: '03-02 12:00',
    merged: '03-03 12:00',
  }),
  pr('B', {
    authored: '03-03 08:00',
    opened: '03-03 10:00',
    merged: '03-04 10:00',
  }),
  // Rebased: its first commit is dated six hours after the opening.
  pr('C', {
    authored: '03-04 15:00',
    opened: '03-04 09:00',
    merged: '03-05 09:00',
  }),
  pr('D', {
    authored: '03-05 08:00',
    opened: '03-05 09:00',
    merged: '03-05 17:00',
  }),
  // Amended after the merge: its first commit is dated after the merge.
  pr('E', {
    authored: '03-06 11:00',
    opened: '03-05 10:00',
    merged: '03-06 10:00',
  }),
  deployment(SHIPS_FIVE, 'S1', 'production', '03-06 15:50', '03-06 16:00', {
    commitSha: sha('merge-E'),
    commitShas: ['A', 'B', 'C', 'D', 'E'].map(id => sha(`merge-${id}`)),
  }),
];

/*
 * Production deploys of an entity with an incident tool, each finishing ten
 * minutes after it started (R5 and R10 five and ten).
 */
const recovery = (
  id: string,
  start: string,
  end: string,
  extra: Parameters<typeof deployment>[5] = {},
) =>
  deployment(RECOVERS, id, 'production', start, end, {
    commitSha: sha(id.toLowerCase()),
    reason: 'planned',
    ...extra,
  });
const recoversEvents: MaturityEvent[] = [
  // R1 fails (IA names it); R2 and R3 are unrelated deploys while IA is
  // open; IA is resolved 03-05 10:10.
  recovery('R1', '03-03 10:00', '03-03 10:10'),
  incident(RECOVERS, 'IA', '03-03 11:00', {
    resolved: '03-05 10:10',
    linkedDeploymentIds: ['R1'],
  }),
  recovery('R2', '03-03 15:00', '03-03 15:10'),
  recovery('R3', '03-04 09:00', '03-04 09:10'),
  // R4 fails (IB, by the rollback during it); R5 rolls it back while IB is
  // still open, and IB is never resolved.
  recovery('R4', '03-10 10:00', '03-10 10:05'),
  incident(RECOVERS, 'IB', '03-10 10:30'),
  recovery('R5', '03-10 12:00', '03-10 12:05', {
    commitSha: sha('r3'),
    reason: 'rollback',
  }),
  // R6 fails (IC names it); IC is still open at the window's end, while R7
  // and R8, unrelated, deploy.
  recovery('R6', '03-16 10:00', '03-16 10:10'),
  incident(RECOVERS, 'IC', '03-16 11:00', { linkedDeploymentIds: ['R6'] }),
  recovery('R7', '03-17 10:00', '03-17 10:10'),
  recovery('R8', '03-20 10:00', '03-20 10:10'),
  // R9 fails: V1 reverts its commit, merged 03-23 14:00 and shipped by R10.
  recovery('R9', '03-23 10:00', '03-23 10:10'),
  {
    type: 'change',
    source: 'github',
    entityRef: RECOVERS,
    externalId: 'V1',
    kind: 'commit',
    state: 'merged',
    targetBranch: 'main',
    sha: sha('v1'),
    authoredAt: at('03-23 13:00'),
    mergedAt: at('03-23 14:00'),
    directPush: true,
    isRevert: true,
    revertsSha: sha('r9'),
  },
  recovery('R10', '03-23 16:00', '03-23 16:10', { commitSha: sha('v1') }),
];

/*
 * Deploys written by Jenkins, incidents by PagerDuty. F1 fails (IF names
 * it; IF stays open). F2 is unrelated; F3 declares it fixes `opsgenie:IF`,
 * another tool's incident of the same id; F4 declares it fixes
 * `pagerduty:IF`. F5 fails (IG, resolved 48 hours later); F6 fails (IH,
 * open) and F7 declares it fixes IH.
 */
const fixedIncidents: MaturityEvent[] = [
  incident(FIXED, 'IF', '03-09 11:00', { linkedDeploymentIds: ['F1'] }),
  incident(FIXED, 'IG', '03-16 11:00', {
    resolved: '03-18 10:10',
    linkedDeploymentIds: ['F5'],
  }),
  incident(FIXED, 'IH', '03-23 10:30', { linkedDeploymentIds: ['F6'] }),
];
const fixedEvents: MaturityEvent[] = [
  deployment(FIXED, 'F1', 'production', '03-09 10:00', '03-09 10:10'),
  deployment(FIXED, 'F2', 'production', '03-09 15:00', '03-09 15:10'),
  deployment(FIXED, 'F3', 'production', '03-09 20:00', '03-09 20:10', {
    fixesIncidents: ['opsgenie:IF'],
  }),
  deployment(FIXED, 'F4', 'production', '03-10 09:00', '03-10 09:10', {
    fixesIncidents: ['pagerduty:IF'],
  }),
  deployment(FIXED, 'F5', 'production', '03-16 10:00', '03-16 10:10'),
  deployment(FIXED, 'F6', 'production', '03-23 10:00', '03-23 10:10'),
  deployment(FIXED, 'F7', 'production', '03-23 11:00', '03-23 11:10', {
    fixesIncidents: ['pagerduty:IH'],
  }),
];

const otherEvents: MaturityEvent[] = [
  // Two production deploys in the window, one a staging deploy.
  deployment(RARE, 'W1', 'production', '01-20 10:00', '01-20 10:10'),
  deployment(RARE, 'W2', 'production', '03-10 10:00', '03-10 10:10'),
  deployment(RARE, 'W3', 'staging', '03-30 10:00', '03-30 10:10'),
  // None in the window; the last 126 days before its end.
  deployment(QUIET, 'Q1', 'production', '2025-12-01T00:00:00.000Z', undefined),
  // None in 180 days: the last 217 days before the window's end, and a
  // failed one since.
  deployment(
    DORMANT,
    'Z1',
    'production',
    '2025-09-01T00:00:00.000Z',
    undefined,
  ),
  deployment(DORMANT, 'Z2', 'production', '03-02 10:00', '03-02 10:10', {
    status: 'failure',
  }),
  // Source control only: no deploy source.
  pullRequest(NO_DEPLOYS, 'N1', {
    authored: '03-02 09:00',
    opened: '03-02 10:00',
    merged: '03-02 11:00',
  }),
];

describe('DORA timing rules', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function compute(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = (
      await MaturityDatabase.create({
        database: { getClient: async () => knex, migrations: { skip: false } },
      })
    ).events;
    const sink = createEventSink({ events: store }, 'jenkins');
    await sink.write([
      ...shipsFiveEvents,
      ...recoversEvents,
      ...fixedEvents,
      ...otherEvents,
    ]);
    await createEventSink({ events: store }, 'pagerduty').write(fixedIncidents);
    const results = await computeEntityMetrics(knex, {
      entities,
      from: FROM,
      to: TO,
    });
    return {
      knex,
      metrics: new Map<string, EntityMetrics['metrics']>(
        results.map(r => [r.entityRef, r.metrics]),
      ),
    };
  }

  async function idsOf(knex: Knex, table: string, externalIds: string[]) {
    const rows = await knex(table)
      .whereIn('external_id', externalIds)
      .select('id', 'external_id');
    const type = table === 'changes' ? 'change' : 'deployment';
    const byExternal = new Map(
      rows.map(r => [r.external_id, `${type}:${Number(r.id)}`]),
    );
    return externalIds.map(id => byExternal.get(id)!);
  }

  it.each(databases.eachSupportedId())(
    'gives every pull request a deploy shipped a lead time from its earliest start, %p',
    async databaseId => {
      const { knex, metrics } = await compute(databaseId);
      const m = metrics.get(SHIPS_FIVE)!;
      // S1 finished 03-06 16:00. Start = earliest of authored, opened,
      // merged; hours (coding + review + deploy = lead time):
      // A 03-02 09:00 → 103 (3 + 24 + 76)
      // B 03-03 08:00 → 80 (2 + 24 + 54)
      // C opened 03-04 09:00 (authored 15:00 is later) → 55 (0 + 24 + 31)
      // D 03-05 08:00 → 32 (1 + 8 + 23)
      // E opened 03-05 10:00 (authored after the merge) → 30 (0 + 24 + 6)
      // Sorted [30, 32, 55, 80, 103]: median 55; p75 at rank 3 → 80.
      // Coding [3,2,0,1,0] → 1; review [24,24,24,8,24] → 24;
      // deploy [76,54,31,23,6] → 31.
      // (The old rule started at the author time: C 49, E 5, a lead time
      // shorter than E's 6 hours from merge to production; median 49.)
      expect(m.lead_time).toMatchObject({
        value: 55,
        status: 'ok',
        sampleSize: 5,
        breakdown: { p75: 80, coding: 1, review: 24, deploy: 31 },
      });
      // Slowest first.
      expect(m.lead_time.evidence).toEqual(
        await idsOf(knex, 'changes', ['A', 'B', 'C', 'D', 'E']),
      );
      expect(m.merge_to_production).toMatchObject({ value: 31, sampleSize: 5 });
    },
  );

  it.each(databases.eachSupportedId())(
    'ends recovery at a rollback, a shipped revert or the last incident resolved, not at an unrelated deploy, %p',
    async databaseId => {
      const { knex, metrics } = await compute(databaseId);
      const m = metrics.get(RECOVERS)!;
      // Failed: R1 (IA), R4 (IB, rolled back), R6 (IC), R9 (reverted):
      // 4 of 10 production deploys.
      expect(m.change_failure_rate).toMatchObject({
        value: 0.4,
        sampleSize: 10,
      });
      // R1 10:10 → IA resolved 03-05 10:10 = 48 (not R2 at 5 hours);
      // R4 10:05 → rollback R5 12:05 = 2 (IB never resolved);
      // R6: IC open at the window's end, R7 and R8 unrelated: no sample;
      // R9 10:10 → R10, which shipped the revert, 16:10 = 6.
      // Median of [2, 6, 48] = 6. (The old rule, ending at the next
      // deploy: [5, 2, 24, 6] → 5.5.)
      const [r1, r4, r9] = await idsOf(knex, 'deployments', ['R1', 'R4', 'R9']);
      expect(m.failed_deployment_recovery_time).toMatchObject({
        value: 6,
        status: 'ok',
        sampleSize: 3,
        evidence: [r9, r4, r1],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'ends recovery at a deploy declaring it fixes one of its incidents, %p',
    async databaseId => {
      const { knex, metrics } = await compute(databaseId);
      const m = metrics.get(FIXED)!;
      // F1 finished 03-09 10:10; IF is still open at the window's end.
      // F2 (15:10) names nothing, F3 (20:10) names another tool's IF: neither
      // ends it. F4 finished 03-10 09:10 naming pagerduty:IF: 23 hours.
      // F5 10:10 → IG resolved 03-18 10:10 = 48; F6 10:10 → F7, naming IH,
      // 11:10 = 1. Median of [1, 23, 48] = 23. (Ending at F2: 5, at F3: 10;
      // without the declarations: [48] alone.)
      const [f1, f5, f6] = await idsOf(knex, 'deployments', ['F1', 'F5', 'F6']);
      expect(m.failed_deployment_recovery_time).toMatchObject({
        value: 23,
        status: 'ok',
        sampleSize: 3,
      });
      expect([...m.failed_deployment_recovery_time.evidence].sort()).toEqual(
        [f1, f5, f6].sort(),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'bands any count of production deploys, and none in 180 days as none, %p',
    async databaseId => {
      const { metrics } = await compute(databaseId);

      // 2 deploy-days in 13 weeks: weekly median 0. Months January..April
      // [1, 0, 1, 0] → (0 + 1) / 2 = 0.5, under once a month. W2 ran
      // 03-10 10:10, 26 days 13h50 before the window's end: Low.
      const rare = metrics.get(RARE)!;
      expect(rare.deployment_frequency).toMatchObject({
        value: 0,
        status: 'ok',
        sampleSize: 2,
        minimumSample: 0,
        breakdown: {
          weeks: 13,
          deployDays: 2,
          productionDeploys: 2,
          deployDaysPerMonth: 0.5,
        },
      });
      expect(
        rare.deployment_frequency.breakdown!.daysSinceProductionDeploy,
      ).toBeCloseTo(26 + (13 + 50 / 60) / 24, 9);
      expect(evaluateDeliveryPerformance(rare).deploymentFrequency).toEqual({
        metricId: 'deployment_frequency',
        value: 0,
        status: 'ok',
        sampleSize: 2,
        band: 'low',
      });
      // Lead time keeps its minimum sample.
      expect(rare.lead_time.status).toBe('insufficient-data');

      // Nothing in the window, Q1 2025-12-01 → 2026-04-06 = 126 days:
      // measured as 0, still Low (a deploy in 180 days).
      const quiet = metrics.get(QUIET)!;
      expect(quiet.deployment_frequency).toMatchObject({
        value: 0,
        status: 'ok',
        sampleSize: 0,
        breakdown: { daysSinceProductionDeploy: 126 },
      });
      expect(evaluateDeliveryPerformance(quiet).deploymentFrequency.band).toBe(
        'low',
      );

      // Z1 2025-09-01 → 2026-04-06 = 217 days (the failed Z2 is no
      // deploy): none.
      const dormant = metrics.get(DORMANT)!;
      expect(dormant.deployment_frequency).toMatchObject({
        value: 0,
        status: 'ok',
        sampleSize: 0,
        breakdown: { daysSinceProductionDeploy: 217 },
      });
      const delivery = evaluateDeliveryPerformance(dormant);
      expect(delivery.deploymentFrequency.band).toBe('none');
      // Lead time has no sample: no overall band.
      expect(delivery.overallBand).toBeNull();

      // No deploy source: not applicable, no band.
      const noDeploys = metrics.get(NO_DEPLOYS)!;
      expect(noDeploys.deployment_frequency.status).toBe('not-applicable');
      expect(
        evaluateDeliveryPerformance(noDeploys).deploymentFrequency.band,
      ).toBeNull();
    },
  );
});

describe('leadTimeStages', () => {
  const t = (time: string) => new Date(at(time)).getTime();
  const link = (times: {
    authored?: string;
    opened?: string;
    merged: string;
    deployed: string;
  }) => ({
    changeId: 1,
    entityRef: SHIPS_FIVE,
    deploymentId: 1,
    authoredAt: times.authored ? t(times.authored) : undefined,
    openedAt: times.opened ? t(times.opened) : undefined,
    mergedAt: t(times.merged),
    deployedAt: t(times.deployed),
  });

  it('never has a negative stage and adds up to the lead time', () => {
    // First commit six hours after the opening: starts at the opening.
    expect(
      leadTimeStages(
        link({
          authored: '03-04 15:00',
          opened: '03-04 09:00',
          merged: '03-05 09:00',
          deployed: '03-06 16:00',
        }),
      ),
    ).toEqual({
      leadTime: 55 * HOUR,
      coding: 0,
      review: 24 * HOUR,
      deploy: 31 * HOUR,
    });
    // First commit after the merge: still starts at the opening, and the
    // lead time is never shorter than merge to production.
    expect(
      leadTimeStages(
        link({
          authored: '03-06 11:00',
          opened: '03-05 10:00',
          merged: '03-06 10:00',
          deployed: '03-06 16:00',
        }),
      ),
    ).toEqual({
      leadTime: 30 * HOUR,
      coding: 0,
      review: 24 * HOUR,
      deploy: 6 * HOUR,
    });
  });

  it('gives a change without a pull request no review', () => {
    // Authored 08:00, pushed (merged) 09:00, deployed 12:00.
    expect(
      leadTimeStages(
        link({
          authored: '03-04 08:00',
          merged: '03-04 09:00',
          deployed: '03-04 12:00',
        }),
      ),
    ).toEqual({
      leadTime: 4 * HOUR,
      coding: 1 * HOUR,
      review: 0,
      deploy: 3 * HOUR,
    });
  });
});
