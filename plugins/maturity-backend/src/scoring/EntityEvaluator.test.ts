import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { defaultRubric } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { MaturityDatabase } from '../database/MaturityDatabase';
import { MetricsWindowReader } from '../database/MetricsWindowReader';
import { RollupBuilder } from '../rollups/RollupBuilder';
import { CatalogScope } from './CatalogScope';
import { generateDemoActivity } from '@maturity-for-backstage/backstage-plugin-maturity-backend-module-demo';
import { EntityEvaluator } from './EntityEvaluator';
import { DAY_MS } from '../durations';

jest.setTimeout(120_000);

const NOW = new Date('2026-11-23T12:00:00Z');
const DAY = DAY_MS;

const group = (name: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
});
const component = (
  name: string,
  owner: string,
  type = 'service',
  system = 'storefront',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    description: `${name} service`,
    tags: ['java'],
    annotations: { 'pagerduty.com/service-id': `P${name.length}XYZ01` },
  },
  spec: {
    type,
    owner: `group:default/${owner}`,
    lifecycle: 'production',
    system,
  },
});
const system: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'storefront', namespace: 'default' },
  spec: { owner: 'group:default/engineering', domain: 'commerce' },
};

const catalogEntities = [
  group('engineering'),
  group('platform', 'engineering'),
  group('billing-legacy', 'engineering'),
  system,
  component('api-gateway', 'platform'),
  component('billing-service', 'billing-legacy'),
  component('http-client-lib', 'platform', 'library'),
];

describe('EntityEvaluator', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function setUp(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const database = { getClient: async () => knex };
    const db = await MaturityDatabase.create({ database });
    const { results, history, rollups, exemptions, metricsWindow } = db;
    await db.events.ingest(
      generateDemoActivity({
        entities: [
          {
            entityRef: 'component:default/api-gateway',
            type: 'service',
            owner: 'platform',
          },
          {
            entityRef: 'component:default/billing-service',
            type: 'service',
            owner: 'billing-legacy',
          },
          {
            entityRef: 'component:default/http-client-lib',
            type: 'library',
            owner: 'platform',
          },
        ],
        now: NOW,
        days: 120,
      }),
    );
    const evaluatorFor = (
      entities: Entity[],
      reader: MetricsWindowReader = metricsWindow,
    ) =>
      new EntityEvaluator({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        ...db,
        metricsWindow: reader,
        rubric: defaultRubric,
        windowDays: 90,
        kinds: ['Component'],
        nonDeployableTypes: ['library'],
        batchSize: 2,
      });
    const rollupsFor = (entities: Entity[]) => {
      const scope = new CatalogScope({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        kinds: ['Component'],
      });
      return new RollupBuilder({
        ...db,
        readScope: async () => ({
          groups: await scope.groups(),
          systemDomains: await scope.systemDomains(),
        }),
        rubric: defaultRubric,
        logger: mockServices.logger.mock(),
      });
    };
    return {
      events: db.events,
      results,
      history,
      rollups,
      exemptions,
      metricsWindow,
      evaluatorFor,
      rollupsFor,
    };
  }

  it.each(databases.eachSupportedId())(
    'scores teams apart from their behaviour and rolls them up, %p',
    async databaseId => {
      const { rollups, history, results, evaluatorFor, rollupsFor } =
        await setUp(databaseId);
      const evaluator = evaluatorFor(catalogEntities);
      await expect(evaluator.evaluateAll(NOW)).resolves.toEqual({
        evaluated: 3,
        removed: 0,
      });
      // The rollups are their own task, run after a full evaluation.
      await rollupsFor(catalogEntities).rebuild(NOW);

      const elite = (await results.getScorecard(
        'component:default/api-gateway',
      ))!;
      const struggling = (await results.getScorecard(
        'component:default/billing-service',
      ))!;
      expect(elite.rubricVersion).toBe(defaultRubric.version);
      expect(elite.overallLevel).toBeGreaterThan(struggling.overallLevel);
      const buildDeploy = (s: typeof elite) =>
        s.categories.find(c => c.category === 'build-deploy')!.level;
      expect(buildDeploy(elite)).toBeGreaterThan(buildDeploy(struggling));
      // Every failing or passing metric check names the events behind it.
      const automated = elite.checks.find(
        c => c.checkId === 'build-deploy.3.automated-prod-deploys',
      )!;
      expect(automated.state).toBe('pass');
      expect(automated.evidence[0]).toMatch(/^deployment:\d+$/);

      const metrics = (await results.getMetrics(
        'component:default/api-gateway',
      ))!;
      expect(metrics.metrics.deployment_frequency.status).toBe('ok');
      expect(metrics.metrics.deployment_frequency.value!).toBeGreaterThan(
        (await results.getMetrics('component:default/billing-service'))!.metrics
          .deployment_frequency.value ?? 0,
      );

      // A library is not judged on deployments it never makes.
      const library = (await results.getScorecard(
        'component:default/http-client-lib',
      ))!;
      expect(
        library.checks.find(c => c.checkId === 'test.1.non-prod-deploys')!
          .state,
      ).toBe('not-applicable');
      expect(library.delivery.deploymentFrequency.status).toBe(
        'not-applicable',
      );

      const engineering = (await rollups.getRollup(
        'group:default/engineering',
      ))!;
      expect(engineering.entityCount).toBe(3);
      expect(
        engineering.children.map(c => [c.scopeRef, c.entityCount]),
      ).toEqual([
        ['group:default/platform', 2],
        ['group:default/billing-legacy', 1],
      ]);
      expect(
        (await rollups.getRollup('system:default/storefront'))!.entityCount,
      ).toBe(3);
      expect(
        (await rollups.getRollup('domain:default/commerce'))!.entityCount,
      ).toBe(3);
      expect((await rollups.getRollup('org'))!.entityCount).toBe(3);

      const [point] = await history.getHistory(
        'component:default/api-gateway',
        new Date(NOW.getTime() - DAY),
        NOW,
      );
      expect(point).toMatchObject({
        day: '2026-11-23',
        overallLevel: elite.overallLevel,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'applies exemptions until they expire, %p',
    async databaseId => {
      const { exemptions, results, evaluatorFor } = await setUp(databaseId);
      const evaluator = evaluatorFor(catalogEntities);
      await evaluator.evaluateAll(NOW);
      const before = (await results.getScorecard(
        'component:default/billing-service',
      ))!;
      const failing = before.checks.find(c => c.state === 'fail')!;
      expect(failing).toBeDefined();

      await exemptions.createExemption(
        {
          id: '11111111-1111-4111-8111-111111111111',
          entityRef: 'component:default/billing-service',
          checkId: failing.checkId,
          reason: 'Scheduled for decommissioning in Q1',
          author: 'user:default/rachel-goldberg',
          createdAt: NOW.toISOString(),
          expiresAt: new Date(NOW.getTime() + 2 * DAY).toISOString(),
          // Only an approved exemption waives a check.
          status: 'approved',
          decidedBy: 'user:default/platform-lead',
          decidedAt: NOW.toISOString(),
        },
        [
          {
            action: 'requested',
            actor: 'user:default/rachel-goldberg',
            at: NOW.toISOString(),
          },
          {
            action: 'approved',
            actor: 'user:default/platform-lead',
            at: NOW.toISOString(),
          },
        ],
      );
      await evaluator.evaluateRefs(['component:default/billing-service'], NOW);
      const exempt = (await results.getScorecard(
        'component:default/billing-service',
      ))!.checks.find(c => c.checkId === failing.checkId)!;
      expect(exempt.state).toBe('exempt');
      expect(exempt.exemption).toMatchObject({
        reason: 'Scheduled for decommissioning in Q1',
      });

      // After expiry the next evaluation judges the check again.
      await evaluator.evaluateRefs(
        ['component:default/billing-service'],
        new Date(NOW.getTime() + 3 * DAY),
      );
      const expired = (await results.getScorecard(
        'component:default/billing-service',
      ))!.checks.find(c => c.checkId === failing.checkId)!;
      expect(expired.state).not.toBe('exempt');
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the batches saved before a failing read and reports the failure, %p',
    async databaseId => {
      const { results, metricsWindow, evaluatorFor } = await setUp(databaseId);
      // Batches of two: the second batch's window read fails while the
      // first is being evaluated and saved (its reads start early).
      const evaluator = evaluatorFor(catalogEntities, {
        readWindow: async window => {
          if (
            window.entities.some(
              e => e.entityRef === 'component:default/http-client-lib',
            )
          ) {
            throw new Error('database went away');
          }
          return metricsWindow.readWindow(window);
        },
      });
      await expect(evaluator.evaluateAll(NOW)).rejects.toThrow(
        'database went away',
      );
      const saved = await results.listScorecards({
        orderBy: 'entityRef',
        order: 'asc',
        limit: 10,
        offset: 0,
      });
      expect(saved.items.map(i => i.entityRef).sort()).toEqual([
        'component:default/api-gateway',
        'component:default/billing-service',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'takes CI step kinds and connected tools from the window read, %p',
    async databaseId => {
      const { results, evaluatorFor } = await setUp(databaseId);
      await evaluatorFor(catalogEntities).evaluateAll(NOW);
      const checkStates = (await results.getScorecard(
        'component:default/api-gateway',
      ))!.checks.map(c => [c.checkId, c.state]);
      // The demo's pipelines run integration tests; that proves the check.
      expect(checkStates).toContainEqual(['test.2.integration-tests', 'pass']);
      // Source control and CI sent events.
      expect(checkStates).toContainEqual([
        'information.1.scm-and-ci-connected',
        'pass',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'drops results of entities removed from the catalog, %p',
    async databaseId => {
      const { rollups, results, evaluatorFor, rollupsFor } = await setUp(
        databaseId,
      );
      await evaluatorFor(catalogEntities).evaluateAll(NOW);
      const without = catalogEntities.filter(
        e => e.metadata.name !== 'billing-service',
      );
      const later = new Date(NOW.getTime() + 60_000);
      await expect(evaluatorFor(without).evaluateAll(later)).resolves.toEqual({
        evaluated: 2,
        removed: 1,
      });
      await rollupsFor(without).rebuild(later);
      await expect(
        results.getScorecard('component:default/billing-service'),
      ).resolves.toBeUndefined();
      expect((await rollups.getRollup('org'))!.entityCount).toBe(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'backfills daily history from raw events, %p',
    async databaseId => {
      const { history, results, evaluatorFor } = await setUp(databaseId);
      const evaluator = evaluatorFor(catalogEntities);
      await expect(history.hasHistoryBefore(NOW)).resolves.toBe(false);
      await evaluator.backfillHistory(95, NOW);

      await expect(history.hasHistoryBefore(NOW)).resolves.toBe(true);
      // History only: the latest scorecards are written by evaluations.
      await expect(
        results.getScorecard('component:default/api-gateway'),
      ).resolves.toBeUndefined();
      const points = await history.getHistory(
        'component:default/api-gateway',
        new Date(NOW.getTime() - 200 * DAY),
        NOW,
      );
      expect(points).toHaveLength(95);
      expect(points[0].day).toBe('2026-08-20');
      expect(points[94].day).toBe('2026-11-22');
      // Demo activity starts 120 days back, so the earliest days see less of it.
      expect(points[94].overallLevel).toBeGreaterThanOrEqual(
        points[0].overallLevel,
      );

      await evaluator.evaluateAll(NOW);
      const scorecard = (await results.getScorecard(
        'component:default/api-gateway',
      ))!;
      expect(
        scorecard.checks.find(
          c => c.checkId === 'information.4.scorecard-history',
        )!.state,
      ).toBe('pass');
    },
  );

  it.each(databases.eachSupportedId())(
    'starts an entity’s backfilled history on the day of its first event, and backfills none without events, %p',
    async databaseId => {
      const { events, history, results, evaluatorFor } = await setUp(
        databaseId,
      );
      // First seen 30 days before NOW: one build on 2026-10-24.
      await events.ingest([
        {
          type: 'build',
          source: 'github',
          entityRef: 'component:default/new-service',
          externalId: 'new-service-1',
          pipeline: 'ci',
          branch: 'main',
          isDefaultBranch: true,
          trigger: 'push',
          status: 'success',
          startedAt: '2026-10-24T15:00:00.000Z',
          finishedAt: '2026-10-24T15:10:00.000Z',
        },
      ]);
      const evaluator = evaluatorFor([
        ...catalogEntities,
        component('new-service', 'platform'),
        component('silent-service', 'platform'),
      ]);
      // 95 days for each of the three demo entities; 2026-10-24 to
      // 2026-11-22 (30 days) for the new one; nothing for the silent one.
      await expect(evaluator.backfillHistory(95, NOW)).resolves.toBe(
        3 * 95 + 30,
      );
      const pointsOf = (ref: string) =>
        history.getHistory(ref, new Date(NOW.getTime() - 200 * DAY), NOW);
      const points = await pointsOf('component:default/new-service');
      expect(points).toHaveLength(30);
      expect(points[0].day).toBe('2026-10-24');
      expect(points[29].day).toBe('2026-11-22');
      await expect(
        pointsOf('component:default/silent-service'),
      ).resolves.toEqual([]);
      expect(await pointsOf('component:default/api-gateway')).toHaveLength(95);
      // The days before the first event are not gaps to fill again.
      await expect(evaluator.backfillHistory(95, NOW)).resolves.toBe(0);

      await evaluator.evaluateAll(NOW);
      const historyCheck = async (name: string) =>
        (await results.getScorecard(`component:default/${name}`))!.checks.find(
          c => c.checkId === 'information.4.scorecard-history',
        )!.state;
      await expect(historyCheck('new-service')).resolves.toBe('fail');
      await expect(historyCheck('api-gateway')).resolves.toBe('pass');
    },
  );

  it.each(databases.eachSupportedId())(
    'backfills one point every interval days, keeping the first day, %p',
    async databaseId => {
      const { history, evaluatorFor } = await setUp(databaseId);
      await evaluatorFor(catalogEntities).backfillHistory(95, NOW, 7);
      const points = await history.getHistory(
        'component:default/billing-service',
        new Date(NOW.getTime() - 200 * DAY),
        NOW,
      );
      // Days today-95, today-88, ..., today-4: ceil(95 / 7) points.
      expect(points).toHaveLength(14);
      expect(points[0].day).toBe('2026-08-20');
      expect(points[1].day).toBe('2026-08-27');
      expect(points[13].day).toBe('2026-11-19');
    },
  );

  it.each(databases.eachSupportedId())(
    'completes a backfill cut short on its next run, computing only the missing points, %p',
    async databaseId => {
      const { history, evaluatorFor } = await setUp(databaseId);
      const evaluator = evaluatorFor(catalogEntities);
      const save = history.saveHistory.bind(history);
      const saves = jest.spyOn(history, 'saveHistory');
      const abort = new AbortController();
      // Two batches a day (batch size 2, 3 entities): cut after 10 days.
      saves.mockImplementation(async (records, day) => {
        await save(records, day);
        if (saves.mock.calls.length === 20) abort.abort();
      });
      await expect(
        evaluator.backfillHistory(95, NOW, 1, undefined, abort.signal),
      ).rejects.toThrow();
      const pointsOf = (ref: string) =>
        history.getHistory(ref, new Date(NOW.getTime() - 200 * DAY), NOW);
      expect(await pointsOf('component:default/api-gateway')).toHaveLength(10);

      saves.mockClear();
      saves.mockImplementation(save);
      await expect(evaluator.backfillHistory(95, NOW)).resolves.toBe(85 * 3);
      expect(saves).toHaveBeenCalledTimes(85 * 2);
      const points = await pointsOf('component:default/api-gateway');
      expect(points).toHaveLength(95);
      expect(points[0].day).toBe('2026-08-20');
      expect(points[94].day).toBe('2026-11-22');

      // Complete: nothing more to compute, today or (weekly grid) tomorrow.
      await expect(evaluator.backfillHistory(95, NOW)).resolves.toBe(0);
      saves.mockRestore();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a weekly backfill complete as the days pass, and backfills an entity new to the catalog, %p',
    async databaseId => {
      const { history, evaluatorFor } = await setUp(databaseId);
      const without = catalogEntities.filter(
        e => e.metadata.name !== 'billing-service',
      );
      await evaluatorFor(without).backfillHistory(95, NOW, 7);
      // A day later the grid moved by one day: each new grid day is covered
      // by the week's point already written, but the newest (no evaluation
      // wrote today's point here).
      const tomorrow = new Date(NOW.getTime() + DAY);
      await expect(
        evaluatorFor(without).backfillHistory(95, tomorrow, 7),
      ).resolves.toBe(2);
      // billing-service joins: only it gets its past.
      await expect(
        evaluatorFor(catalogEntities).backfillHistory(95, tomorrow, 7),
      ).resolves.toBe(14);
      const points = await history.getHistory(
        'component:default/billing-service',
        new Date(NOW.getTime() - 200 * DAY),
        tomorrow,
      );
      expect(points).toHaveLength(14);
    },
  );

  // Five components in batches of two: three batches.
  const fiveComponents = [
    ...catalogEntities,
    component('search', 'platform'),
    component('checkout', 'platform'),
  ];

  it.each(databases.eachSupportedId())(
    'ends the run with a failed save, saving no batch after it, %p',
    async databaseId => {
      const { results, evaluatorFor } = await setUp(databaseId);
      const save = results.saveEvaluations.bind(results);
      const saves = jest
        .spyOn(results, 'saveEvaluations')
        .mockImplementation(async (records, now) => {
          if (saves.mock.calls.length === 2) {
            throw new Error('connection lost');
          }
          await save(records, now);
        });
      await expect(
        evaluatorFor(fiveComponents).evaluateAll(NOW),
      ).rejects.toThrow('connection lost');
      expect(saves).toHaveBeenCalledTimes(2);
      expect(await results.listAllSummaries()).toHaveLength(2);
      saves.mockRestore();
    },
  );
});
