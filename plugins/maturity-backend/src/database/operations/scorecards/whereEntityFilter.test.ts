import { EntityFilter } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { ScorecardSubject } from '../../ScorecardStore';
import { whereEntityFilter } from './whereEntityFilter';

jest.setTimeout(60_000);

function evaluation(name: string, subject: Partial<ScorecardSubject>) {
  const record = makeEvaluation(`component:default/${name}`, {
    levels: [2, 2, 2, 2, 2],
  });
  record.subject = { ...record.subject, ...subject };
  return record;
}

describe('whereEntityFilter', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'keeps the entities every given dimension accepts, any of its values, tags matched whole, %p',
    async databaseId => {
      const { knex, db } = await migratedDatabase(databases, databaseId);
      await db.results.saveEvaluations(
        [
          evaluation('api', {
            ownerRef: 'group:default/checkout',
            systemRef: 'system:default/shop',
            domainRef: 'domain:default/commerce',
            type: 'service',
            lifecycle: 'production',
            tags: ['java', 'c++'],
          }),
          evaluation('web', {
            ownerRef: 'group:default/cart',
            systemRef: 'system:default/shop',
            domainRef: 'domain:default/commerce',
            type: 'website',
            lifecycle: 'experimental',
            tags: ['javascript', 'a_b'],
          }),
          evaluation('schema', {
            kind: 'api',
            ownerRef: 'group:default/payments',
            systemRef: 'system:default/ledger',
            type: 'openapi',
            lifecycle: 'production',
          }),
        ],
        new Date('2026-11-23T10:00:00Z'),
      );
      const names = async (
        filter: EntityFilter,
        options?: { ownerRefs?: string[] },
      ) => {
        const rows = await whereEntityFilter(
          knex('scorecards'),
          filter,
          options,
        )
          .orderBy('entity_ref')
          .select('entity_ref');
        return rows.map((row: { entity_ref: string }) =>
          row.entity_ref.slice(18),
        );
      };

      await expect(names({})).resolves.toEqual(['api', 'schema', 'web']);
      await expect(names({ owners: [], tags: [] })).resolves.toEqual([
        'api',
        'schema',
        'web',
      ]);
      await expect(
        names({ owners: ['group:default/checkout', 'group:default/cart'] }),
      ).resolves.toEqual(['api', 'web']);
      // The caller's resolved owners (a group with its sub-groups) win.
      await expect(
        names(
          { owners: ['group:default/checkout'], includeSubgroups: true },
          { ownerRefs: ['group:default/checkout', 'group:default/payments'] },
        ),
      ).resolves.toEqual(['api', 'schema']);
      await expect(
        names({ systems: ['system:default/ledger'] }),
      ).resolves.toEqual(['schema']);
      await expect(
        names({ domains: ['domain:default/commerce'] }),
      ).resolves.toEqual(['api', 'web']);
      await expect(names({ kinds: ['API'] })).resolves.toEqual(['schema']);
      await expect(names({ lifecycles: ['production'] })).resolves.toEqual([
        'api',
        'schema',
      ]);
      await expect(names({ types: ['website', 'openapi'] })).resolves.toEqual([
        'schema',
        'web',
      ]);
      await expect(names({ tags: ['java'] })).resolves.toEqual(['api']);
      await expect(names({ tags: ['JavaScript', 'c++'] })).resolves.toEqual([
        'api',
        'web',
      ]);
      // Whole tags only; like's wildcards are plain characters.
      await expect(names({ tags: ['jav'] })).resolves.toEqual([]);
      await expect(names({ tags: ['a%'] })).resolves.toEqual([]);
      await expect(names({ tags: ['a_c'] })).resolves.toEqual([]);
      await expect(names({ tags: ['a_b'] })).resolves.toEqual(['web']);
      // Dimensions combine.
      await expect(
        names({ lifecycles: ['production'], tags: ['java', 'a_b'] }),
      ).resolves.toEqual(['api']);
    },
  );

  it.each(databases.eachSupportedId())(
    'qualifies its columns when the query joins the history, %p',
    async databaseId => {
      const { knex, db } = await migratedDatabase(databases, databaseId);
      await db.results.saveEvaluations(
        [
          evaluation('api', { type: 'service', tags: ['java'] }),
          evaluation('web', { type: 'website' }),
        ],
        new Date('2026-11-23T10:00:00Z'),
      );
      const query = knex('scorecards as s').join(
        'scorecard_history as h',
        'h.entity_ref',
        's.entity_ref',
      );

      const rows = await whereEntityFilter(
        query,
        { types: ['service'], tags: ['java'] },
        { table: 's' },
      ).select('s.entity_ref', 'h.day');

      expect(rows.map((row: { entity_ref: string }) => row.entity_ref)).toEqual(
        ['component:default/api'],
      );
    },
  );
});
