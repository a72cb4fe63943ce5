import { TestDatabases } from '@backstage/backend-test-utils';
import { RepoFactEvent } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { DAY_MS } from '../../../durations';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { findHistoryGaps } from './findHistoryGaps';

jest.setTimeout(60_000);

/** 2026-11-01 in days since 1970-01-01. */
const D = 20758;

/** An event of the entity on day `day` (days since 1970-01-01), at noon. */
const eventOn = (name: string, day: number): RepoFactEvent => ({
  type: 'repo_fact',
  source: 'github',
  entityRef: `component:default/${name}`,
  fact: 'codeowners',
  value: true,
  observedAt: new Date(day * DAY_MS + DAY_MS / 2).toISOString(),
});

describe('findHistoryGaps', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'gives the grid days whose interval lacks a point of some entity, with those entities, %p',
    async databaseId => {
      const {
        knex,
        db: { history, events },
      } = await migratedDatabase(databases, databaseId);
      await events.ingest([eventOn('a', D - 30), eventOn('b', D - 1)]);
      const save = (name: string, day: number) =>
        history.saveHistory(
          [
            makeEvaluation(`component:default/${name}`, {
              levels: [1, 1, 1, 1, 1],
            }),
          ],
          new Date(day * DAY_MS),
        );
      await save('a', D + 2);
      await save('a', D + 9);
      await save('a', D + 16);
      await save('b', D + 8);
      // On the grid's end: outside its last interval [D + 14, D + 20).
      await save('b', D + 20);
      // Out of scope.
      await save('c', D + 1);

      const grid = { firstDay: D, endDay: D + 20, intervalDays: 7 };
      const gaps = await findHistoryGaps(
        knex,
        ['component:default/a', 'component:default/b'],
        grid,
      );

      // Grid days D, D + 7 and D + 14; only D + 7 has both.
      expect(Object.fromEntries(gaps)).toEqual({
        [D]: ['component:default/b'],
        [D + 14]: ['component:default/b'],
      });
      await expect(findHistoryGaps(knex, [], grid)).resolves.toEqual(new Map());
    },
  );

  it.each(databases.eachSupportedId())(
    'an entity is due points from its first event day on: earlier days and entities without events are no gaps, %p',
    async databaseId => {
      const {
        knex,
        db: { history, events },
      } = await migratedDatabase(databases, databaseId);
      const ref = (name: string) => `component:default/${name}`;
      await events.ingest([eventOn('early', D - 5), eventOn('late', D + 10)]);
      const save = (name: string, day: number) =>
        history.saveHistory(
          [makeEvaluation(ref(name), { levels: [1, 1, 1, 1, 1] })],
          new Date(day * DAY_MS),
        );
      await save('early', D + 8);
      // Written before the late entity's first event: it does not stand in
      // for the early one on grid day D.
      await save('late', D + 2);

      const grid = { firstDay: D, endDay: D + 21, intervalDays: 7 };
      const refs = [ref('early'), ref('late'), ref('quiet')];
      const gaps = await findHistoryGaps(knex, refs, grid);
      expect(Object.fromEntries(gaps)).toEqual({
        [D]: [ref('early')],
        [D + 14]: [ref('early'), ref('late')],
      });

      // Filled, nothing is left: the days before 'late' began stay closed.
      await save('early', D);
      await save('early', D + 14);
      await save('late', D + 14);
      await expect(findHistoryGaps(knex, refs, grid)).resolves.toEqual(
        new Map(),
      );
    },
  );
});
