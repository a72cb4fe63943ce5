import { EntityFilter } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { EvaluationRecord } from '../../ScorecardStore';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { CampaignStanding } from '../../CampaignStore';
import { readStandings } from './readStandings';

jest.setTimeout(60_000);

const CHECKOUT = 'group:default/checkout';
const CART = 'group:default/cart';
const PAYMENTS = 'group:default/payments';

function evaluation(
  name: string,
  owner: string,
  level: number,
  extra: { tags?: string[]; mlops?: 0 | 1 | 2 } = {},
): EvaluationRecord {
  const record = makeEvaluation(`component:default/${name}`, {
    owner,
    levels: [level, level, level, level, level],
  });
  record.subject.tags = extra.tags;
  if (extra.mlops !== undefined) {
    record.scorecard = { ...record.scorecard, mlops: { level: extra.mlops } };
  }
  return record;
}

async function read(
  knex: Knex,
  filter: EntityFilter,
  day: string,
  options: { today: boolean; ownerGroups?: string[] },
  batchSize?: number,
) {
  const batches: CampaignStanding[][] = [];
  for await (const batch of readStandings(
    knex,
    filter,
    day,
    options,
    batchSize,
  )) {
    batches.push(batch);
  }
  return batches;
}

const levelOf = (batches: CampaignStanding[][]) =>
  Object.fromEntries(
    batches.flat().map(s => [s.entityRef.slice(18), s.overallLevel]),
  );

describe('readStandings', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "reads today's standings from the scorecards of the entities in scope, %p",
    async databaseId => {
      const { knex, db } = await migratedDatabase(databases, databaseId);
      const waived = makeEvaluation('component:default/ranking-model', {
        owner: CHECKOUT,
        levels: [3, 3, 3, 3, 3],
        withoutWaivers: [3, 3, 2, 2, 3],
        failing: ['test.1.tests'],
        waived: { 'design.2.api-spec': 'fail' },
      });
      waived.subject.tags = ['ml', 'java'];
      waived.scorecard = { ...waived.scorecard, mlops: { level: 2 } };
      await db.results.saveEvaluations(
        [
          waived,
          evaluation('cart-web', CART, 2, { tags: ['web'] }),
          evaluation('ledger', PAYMENTS, 4, { tags: ['java'] }),
        ],
        new Date('2026-11-23T10:00:00Z'),
      );
      const today = { today: true };

      // The owners with their sub-groups, resolved by the caller.
      const [scoped] = await read(
        knex,
        { owners: [CHECKOUT], includeSubgroups: true },
        '2026-11-23',
        { ...today, ownerGroups: [CHECKOUT, CART] },
      );

      expect(scoped.map(s => s.entityRef)).toEqual([
        'component:default/cart-web',
        'component:default/ranking-model',
      ]);
      expect(scoped[1]).toEqual({
        entityRef: 'component:default/ranking-model',
        title: 'ranking-model',
        ownerRef: CHECKOUT,
        overallLevel: 3,
        categoryLevels: {
          culture: 3,
          design: 3,
          'build-deploy': 3,
          test: 3,
          information: 3,
        },
        levelsWithoutWaivers: {
          overall: 3,
          categories: {
            culture: 3,
            design: 3,
            'build-deploy': 2,
            test: 2,
            information: 3,
          },
        },
        mlopsLevel: 2,
        checkStates: { 'test.1.tests': 'fail', 'design.2.api-spec': 'exempt' },
        waivedCheckStates: { 'design.2.api-spec': 'fail' },
      });
      // Kept without levels without waivers (an older scorecard): absent.
      expect(scoped[0]).toMatchObject({ overallLevel: 2, mlopsLevel: null });
      expect(scoped[0]).not.toHaveProperty('levelsWithoutWaivers');
      // Without resolved groups, the filter's own owners.
      expect(
        (await read(knex, { owners: [CART] }, '2026-11-23', today))
          .flat()
          .map(s => s.entityRef),
      ).toEqual(['component:default/cart-web']);
      expect(
        levelOf(await read(knex, { tags: ['java'] }, '2026-11-23', today)),
      ).toEqual({ ledger: 4, 'ranking-model': 3 });
      // Nothing in scope: no batch at all.
      await expect(
        read(knex, { tags: ['cobol'] }, '2026-11-23', today),
      ).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads a past day from the history point in force then, the scope as the scorecards are now, %p',
    async databaseId => {
      const { knex, db } = await migratedDatabase(databases, databaseId);
      const save = (records: EvaluationRecord[], day: string) =>
        db.results.saveEvaluations(records, new Date(`${day}T10:00:00Z`));
      await save(
        [
          evaluation('api', CHECKOUT, 1, { mlops: 0 }),
          evaluation('web', CART, 2),
        ],
        '2026-11-20',
      );
      await save([evaluation('api', CHECKOUT, 3, { mlops: 1 })], '2026-11-22');
      // Today: web moved to checkout, batch joined the catalog.
      await save(
        [
          evaluation('api', CHECKOUT, 4, { mlops: 2 }),
          evaluation('web', CHECKOUT, 4),
          evaluation('batch', CHECKOUT, 5),
          evaluation('ledger', PAYMENTS, 5),
        ],
        '2026-11-24',
      );
      const past = { today: false };
      const checkout = { owners: [CHECKOUT] };

      const on23 = (await read(knex, checkout, '2026-11-23', past)).flat();
      // api's point of the 22nd, web's of the 20th (owned by cart then, by
      // checkout now); batch had no point yet.
      expect(
        on23.map(s => [
          s.entityRef.slice(18),
          s.overallLevel,
          s.mlopsLevel,
          s.ownerRef,
        ]),
      ).toEqual([
        ['api', 3, 1, CHECKOUT],
        ['web', 2, null, CHECKOUT],
      ]);
      expect(levelOf(await read(knex, checkout, '2026-11-22', past))).toEqual({
        api: 3,
        web: 2,
      });
      expect(levelOf(await read(knex, checkout, '2026-11-21', past))).toEqual({
        api: 1,
        web: 2,
      });
      expect(levelOf(await read(knex, checkout, '2026-11-24', past))).toEqual({
        api: 4,
        batch: 5,
        web: 4,
      });
      await expect(read(knex, checkout, '2026-11-19', past)).resolves.toEqual(
        [],
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'reads in keyset batches, one statement each, for today and for a past day, past entities without a point, %p',
    async databaseId => {
      const { knex, db } = await migratedDatabase(databases, databaseId);
      await db.results.saveEvaluations(
        ['e3', 'e4', 'e5'].map(name => evaluation(name, CHECKOUT, 2)),
        new Date('2026-11-20T10:00:00Z'),
      );
      // e1 and e2 have no point on or before the 21st.
      await db.results.saveEvaluations(
        ['e1', 'e2'].map(name => evaluation(name, CHECKOUT, 2)),
        new Date('2026-11-22T10:00:00Z'),
      );
      const statements: string[] = [];
      const listener = (query: { sql: string }) => statements.push(query.sql);
      knex.on('query', listener);
      const batchesOn = async (day: string, today: boolean) => {
        statements.length = 0;
        const batches = await read(
          knex,
          { owners: [CHECKOUT] },
          day,
          { today },
          2,
        );
        return {
          batches: batches.map(batch => batch.map(s => s.entityRef.slice(18))),
          statements: statements.length,
        };
      };
      try {
        await expect(batchesOn('2026-11-22', true)).resolves.toEqual({
          batches: [['e1', 'e2'], ['e3', 'e4'], ['e5']],
          statements: 3,
        });
        await expect(batchesOn('2026-11-22', false)).resolves.toEqual({
          batches: [['e1', 'e2'], ['e3', 'e4'], ['e5']],
          statements: 3,
        });
        // The first batch's entities have no point yet: the next ones
        // still come.
        await expect(batchesOn('2026-11-21', false)).resolves.toEqual({
          batches: [['e3', 'e4'], ['e5']],
          statements: 3,
        });
      } finally {
        knex.removeListener('query', listener);
      }
    },
  );
});
