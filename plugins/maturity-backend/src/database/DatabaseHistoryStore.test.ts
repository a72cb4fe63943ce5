import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from './__testUtils__/migratedDatabase';
import { DAY_MS } from '../durations';
import { makeEvaluation } from '../testing/makeEvaluation';

jest.setTimeout(60_000);

const DAY = DAY_MS;

const checkoutApi = makeEvaluation('component:default/checkout-api', {
  owner: 'group:default/checkout',
  system: 'system:default/order-management',
  levels: [3, 2, 3, 2, 3],
  failing: ['build-deploy.4.ci-success'],
});

describe('DatabaseHistoryStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: TestDatabaseId) {
    const { db } = await migratedDatabase(databases, databaseId);
    return { results: db.results, store: db.history };
  }

  it.each(databases.eachSupportedId())(
    'keeps one history point per day and serves a range, %p',
    async databaseId => {
      const { results, store } = await createStore(databaseId);
      const day1 = new Date('2026-11-20T08:00:00Z');
      await results.saveEvaluations([checkoutApi], day1);
      // A later evaluation the same day replaces that day's point.
      const better = makeEvaluation('component:default/checkout-api', {
        levels: [4, 4, 4, 4, 4],
      });
      await results.saveEvaluations(
        [better],
        new Date(day1.getTime() + 3600_000),
      );
      await results.saveEvaluations(
        [checkoutApi],
        new Date(day1.getTime() + 2 * DAY),
      );

      const history = await store.getHistory(
        'component:default/checkout-api',
        new Date('2026-11-01T00:00:00Z'),
        new Date('2026-11-30T00:00:00Z'),
      );
      expect(history.map(h => [h.day, h.overallLevel])).toEqual([
        ['2026-11-20', 4],
        ['2026-11-22', 3],
      ]);
      const levels = await store.getLevelsAsOf(day1);
      expect(levels.get('component:default/checkout-api')).toBe(4);
      // A day without a point of its own: the latest point before it counts.
      const between = await store.getLevelsAsOf(new Date(day1.getTime() + DAY));
      expect(between.get('component:default/checkout-api')).toBe(4);
      const later = await store.getLevelsAsOf(
        new Date(day1.getTime() + 9 * DAY),
      );
      expect(later.get('component:default/checkout-api')).toBe(3);
      const before = await store.getLevelsAsOf(new Date(day1.getTime() - DAY));
      expect(before.has('component:default/checkout-api')).toBe(false);

      // One entity's scorecard as of a day, the same way.
      const asOf = (offset: number) =>
        store.getHistoryAsOf(
          'component:default/checkout-api',
          new Date(day1.getTime() + offset * DAY),
        );
      await expect(asOf(0)).resolves.toMatchObject({
        day: '2026-11-20',
        overallLevel: 4,
      });
      await expect(asOf(1)).resolves.toMatchObject({ day: '2026-11-20' });
      await expect(asOf(9)).resolves.toMatchObject({
        day: '2026-11-22',
        overallLevel: 3,
      });
      await expect(asOf(-1)).resolves.toBeUndefined();
    },
  );
});
