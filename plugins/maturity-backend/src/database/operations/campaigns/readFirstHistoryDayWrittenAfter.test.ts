import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { toHistoryPoint, upsertHistory } from '../history/upsertHistory';
import { readFirstHistoryDayWrittenAfter } from './readFirstHistoryDayWrittenAfter';

jest.setTimeout(60_000);

/** 2026-12-01 in days since 1970-01-01. */
const DEC_1 = 20788;

describe('readFirstHistoryDayWrittenAfter', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'finds the earliest day of the points written after a time, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const point = (name: string) => ({
        ...toHistoryPoint(
          makeEvaluation(`component:default/${name}`, {
            levels: [1, 1, 1, 1, 1],
          }),
        ),
        checkStates: '{}',
      });
      const t = (hour: number) =>
        new Date(`2026-12-10T${String(hour).padStart(2, '0')}:00:00Z`);
      await upsertHistory(knex, [point('a')], DEC_1, t(8));
      await upsertHistory(knex, [point('a')], DEC_1 + 9, t(9));
      // The back-fill lands a point of an earlier day later.
      await upsertHistory(knex, [point('b')], DEC_1 + 3, t(11));
      // An older point without the time it was written.
      await knex('scorecard_history')
        .where('entity_ref', 'component:default/a')
        .where('day', DEC_1)
        .update({ written_at: null });

      expect(await readFirstHistoryDayWrittenAfter(knex, t(7))).toBe(
        '2026-12-04',
      );
      expect(await readFirstHistoryDayWrittenAfter(knex, t(10))).toBe(
        '2026-12-04',
      );
      await upsertHistory(knex, [point('c')], DEC_1 + 9, t(12));
      expect(await readFirstHistoryDayWrittenAfter(knex, t(11))).toBe(
        '2026-12-10',
      );
      expect(
        await readFirstHistoryDayWrittenAfter(knex, t(12)),
      ).toBeUndefined();
    },
  );
});
