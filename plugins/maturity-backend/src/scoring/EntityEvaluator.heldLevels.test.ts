import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  CATEGORY_IDS,
  CategoryId,
  RepoFactValue,
  Rubric,
  RubricCheck,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { build } from '../database/__testUtils__/sampleEvents';
import { MaturityDatabase } from '../database/MaturityDatabase';
import { DAY_MS } from '../durations';
import { EntityEvaluator } from './EntityEvaluator';
import { LevelChangeListener, SavedLevelsBatch } from './LevelChangeListener';

jest.setTimeout(120_000);

const REF = 'component:default/checkout';
const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments' },
};

const factCheck = (
  category: CategoryId,
  level: 1 | 2,
  fact: string,
  required = true,
): RubricCheck => ({
  id: `${category}.${level}.${fact}`,
  title: fact,
  category,
  level,
  required,
  source: 'heuristic',
  howToFix: `Add ${fact}.`,
  enabled: true,
  rule: { kind: 'fact', fact },
});

/**
 * Every category reaches level 1 on `base`, level 2 on `<category>-2`:
 * each level's one required check reads one repository fact the test sets.
 */
function rubric(extra: RubricCheck[] = []): Rubric {
  return {
    version: 'held-test-1',
    categories: CATEGORY_IDS.map(id => ({
      id,
      title: id,
      levels: [
        { level: 1, checks: [factCheck(id, 1, 'base')] },
        {
          level: 2,
          checks: [
            factCheck(id, 2, `${id}-2`),
            ...extra.filter(c => c.category === id),
          ],
        },
      ],
    })),
    mlops: { appliesTo: { types: [], tags: [] }, levels: [] },
  };
}

// 2026-12-01 10:00 UTC; each step is a day (and a few hours apart).
const DAY_1 = new Date('2026-12-01T10:00:00Z');
const day = (n: number, hour = 10) =>
  new Date(DAY_1.getTime() + (n - 1) * DAY_MS + (hour - 10) * 3_600_000);

describe('EntityEvaluator: levels that do not flap', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function setUp(
    databaseId: Parameters<typeof databases.init>[0],
    options: {
      rubric: Rubric;
      advisoryDays?: number;
      /** `null`: nobody listens (notifications off). */
      listener?: LevelChangeListener | null;
    },
  ) {
    const knex = await databases.init(databaseId);
    const db = await MaturityDatabase.create({
      database: { getClient: async () => knex },
    });
    // The repository facts the rubric reads, set by each step of a test.
    const facts: Record<string, RepoFactValue> = {
      base: true,
      ...Object.fromEntries(CATEGORY_IDS.map(id => [`${id}-2`, true])),
    };
    const events = Object.assign(Object.create(db.events), {
      getLatestRepoFacts: async (refs: string[]) =>
        new Map(refs.map(ref => [ref, { ...facts }])),
    });
    const batches: SavedLevelsBatch[] = [];
    const listener: LevelChangeListener = {
      async levelsSaved(batch) {
        batches.push(batch);
      },
    };
    const logger = mockServices.logger.mock();
    const readHeldLevels = jest.spyOn(db.results, 'readHeldLevels');
    const evaluatorWith = (rubricInUse: Rubric) =>
      new EntityEvaluator({
        catalog: catalogServiceMock({ entities: [entity] }),
        auth: mockServices.auth(),
        logger,
        ...db,
        events,
        rubric: rubricInUse,
        windowDays: 90,
        kinds: ['Component'],
        nonDeployableTypes: [],
        batchSize: 10,
        levelDropAfterDays: 3,
        advisoryDays: options.advisoryDays ?? 14,
        levelChanges:
          options.listener === null ? undefined : options.listener ?? listener,
      });
    const scorecard = async () => (await db.results.getScorecard(REF))!;
    const design = async () =>
      (await scorecard()).categories.find(c => c.category === 'design')!;
    return {
      db,
      facts,
      batches,
      evaluatorWith,
      scorecard,
      design,
      logger,
      readHeldLevels,
    };
  }

  it.each(databases.eachSupportedId())(
    'a listener that throws is logged and fails neither the run nor its saved results, %p',
    async databaseId => {
      const { facts, evaluatorWith, design, logger } = await setUp(databaseId, {
        rubric: rubric(),
        listener: {
          async levelsSaved() {
            throw new Error('notifications are down');
          },
        },
      });
      const evaluator = evaluatorWith(rubric());
      await expect(evaluator.evaluateAll(day(1))).resolves.toMatchObject({
        evaluated: 1,
      });
      facts['design-2'] = false;
      await expect(evaluator.evaluateRefs([REF], day(2))).resolves.toBe(1);
      expect(await design()).toMatchObject({ level: 2, rawLevel: 1 });
      expect(logger.error).toHaveBeenCalledTimes(2);
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('level changes failed'),
        expect.objectContaining({ message: 'notifications are down' }),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'holds a dip of two days, drops on the third, counts a day once and tells the listener, %p',
    async databaseId => {
      const { db, facts, batches, evaluatorWith, scorecard, design } =
        await setUp(databaseId, { rubric: rubric() });
      const evaluator = evaluatorWith(rubric());

      await evaluator.evaluateAll(day(1));
      expect((await design()).level).toBe(2);
      expect(batches[0].entities[0]).toMatchObject({
        entityRef: REF,
        ownerRef: 'group:default/payments',
        after: { overall: 2 },
      });
      expect(batches[0].entities[0].before).toBeUndefined();

      // Day 2: design's level 2 check fails. Held, at risk until day 4.
      facts['design-2'] = false;
      await evaluator.evaluateAll(day(2));
      expect(await design()).toMatchObject({
        level: 2,
        rawLevel: 1,
        atRisk: {
          belowDays: 1,
          dropsOn: '2026-12-04',
          checks: ['design.2.design-2'],
        },
      });
      expect(batches[1].changes).toEqual([]);
      expect(batches[1].entities[0].newlyFailingChecks).toEqual([
        { checkId: 'design.2.design-2', required: true },
      ]);

      // Evaluated all day long on day 3: counts as one day.
      for (const hour of [0, 6, 12, 23]) {
        await evaluator.evaluateRefs([REF], day(3, hour));
      }
      expect((await design()).atRisk).toMatchObject({
        belowDays: 2,
        dropsOn: '2026-12-04',
      });
      expect((await scorecard()).overallLevel).toBe(2);

      // Day 4: the third day below, the level drops.
      await evaluator.evaluateAll(day(4));
      const dropped = await design();
      expect(dropped.level).toBe(1);
      expect(dropped.atRisk).toBeUndefined();
      expect(batches.at(-1)!.changes).toEqual([
        { entityRef: REF, category: 'design', from: 2, to: 1 },
      ]);
      // Four categories at 2 and one at 1: the overall level stays 2.
      expect((await scorecard()).overallLevel).toBe(2);

      // A rise counts at once.
      facts['design-2'] = true;
      await evaluator.evaluateAll(day(5));
      expect((await design()).level).toBe(2);
      expect(batches.at(-1)!.changes).toEqual([
        { entityRef: REF, category: 'design', from: 1, to: 2 },
      ]);

      // History keeps the held level and the raw one of each day.
      const history = await db.history.getHistory(REF, day(1), day(5));
      expect(
        history.map(p => [
          p.day,
          p.categoryLevels.design,
          p.rawCategoryLevels!.design,
        ]),
      ).toEqual([
        ['2026-12-01', 2, 2],
        ['2026-12-02', 2, 1],
        ['2026-12-03', 2, 1],
        ['2026-12-04', 1, 1],
        ['2026-12-05', 2, 2],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'holds levels the same without a listener, reading the previous check states only for one, %p',
    async databaseId => {
      const quiet = await setUp(databaseId, {
        rubric: rubric(),
        listener: null,
      });
      const evaluator = quiet.evaluatorWith(rubric());
      await evaluator.evaluateAll(day(1));
      quiet.facts['design-2'] = false;
      await evaluator.evaluateAll(day(2));
      await evaluator.evaluateAll(day(3));
      expect(await quiet.design()).toMatchObject({
        level: 2,
        rawLevel: 1,
        atRisk: { belowDays: 2, dropsOn: '2026-12-04' },
      });
      await evaluator.evaluateAll(day(4));
      expect((await quiet.design()).level).toBe(1);
      expect(quiet.readHeldLevels).toHaveBeenCalledTimes(4);
      for (const [, options] of quiet.readHeldLevels.mock.calls) {
        expect(options).toEqual({ checkStates: false });
      }

      // With a listener, one read a batch, with the check states.
      const told = await setUp(databaseId, { rubric: rubric() });
      await told.evaluatorWith(rubric()).evaluateAll(day(1));
      expect(told.readHeldLevels.mock.calls).toEqual([
        [[REF], { checkStates: true }],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'resets the count when the category recovers, and drops the overall level with the categories, %p',
    async databaseId => {
      const { facts, batches, evaluatorWith, scorecard, design } = await setUp(
        databaseId,
        { rubric: rubric() },
      );
      const evaluator = evaluatorWith(rubric());
      await evaluator.evaluateAll(day(1));

      facts['design-2'] = false;
      await evaluator.evaluateAll(day(2));
      await evaluator.evaluateAll(day(3));
      facts['design-2'] = true;
      await evaluator.evaluateAll(day(3, 18));
      expect((await design()).atRisk).toBeUndefined();
      facts['design-2'] = false;
      await evaluator.evaluateAll(day(4));
      await evaluator.evaluateAll(day(5));
      expect((await design()).level).toBe(2);

      // Three categories dip on day 6: the overall level, their median,
      // is held with them and drops with them on day 8.
      facts['culture-2'] = false;
      facts['test-2'] = false;
      await evaluator.evaluateAll(day(6));
      // Design's third day: it drops; culture and test are held.
      expect((await design()).level).toBe(1);
      expect((await scorecard()).overallLevel).toBe(2);
      expect((await scorecard()).rawOverallLevel).toBe(1);
      await evaluator.evaluateAll(day(7));
      expect((await scorecard()).overallLevel).toBe(2);
      await evaluator.evaluateAll(day(8));
      expect((await scorecard()).overallLevel).toBe(1);
      expect(batches.at(-1)!.changes).toEqual([
        { entityRef: REF, category: 'culture', from: 2, to: 1 },
        { entityRef: REF, category: 'test', from: 2, to: 1 },
        { entityRef: REF, category: 'overall', from: 2, to: 1 },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a check added by a rubric change advisory for the configured days, %p',
    async databaseId => {
      const { facts, evaluatorWith, scorecard, design } = await setUp(
        databaseId,
        { rubric: rubric() },
      );
      facts['design-new-practice'] = false;
      await evaluatorWith(rubric()).evaluateAll(day(1));

      // Day 2: a new scored check on design level 2, failing. It does not
      // count until day 16.
      const changed = rubric([
        factCheck('design', 2, 'design-new-practice', false),
      ]);
      const evaluator = evaluatorWith(changed);
      await evaluator.evaluateAll(day(2));
      const check = (await scorecard()).checks.find(
        c => c.checkId === 'design.2.design-new-practice',
      )!;
      expect(check.state).toBe('fail');
      expect(check.countsFrom).toBe('2026-12-16');
      expect(await design()).toMatchObject({ level: 2, rawLevel: 2 });

      // Day 16 it counts: 0 of 1 scored check passes, level 2 is not met,
      // and the holding rule takes over from there.
      await evaluator.evaluateAll(day(16));
      expect(
        (await scorecard()).checks.find(
          c => c.checkId === 'design.2.design-new-practice',
        )!.countsFrom,
      ).toBeUndefined();
      expect(await design()).toMatchObject({
        level: 2,
        rawLevel: 1,
        atRisk: { checks: ['design.2.design-new-practice'] },
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'backfills history without holds: raw and held levels are the same, %p',
    async databaseId => {
      const { db, facts, evaluatorWith } = await setUp(databaseId, {
        rubric: rubric(),
      });
      facts['design-2'] = false;
      // Backfill starts at an entity's first event: a run on 2026-11-20.
      await db.events.ingest([{ ...build, entityRef: REF }]);
      const evaluator = evaluatorWith(rubric());
      await evaluator.backfillHistory(3, day(4));
      const history = await db.history.getHistory(REF, day(1), day(3));
      expect(
        history.map(p => [
          p.categoryLevels.design,
          p.rawCategoryLevels!.design,
        ]),
      ).toEqual([
        [1, 1],
        [1, 1],
        [1, 1],
      ]);
      // Nothing latest was written by the backfill, so nothing is held.
      expect(await db.results.getScorecard(REF)).toBeUndefined();
    },
  );
});
