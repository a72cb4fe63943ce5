import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { recordCheckVersions } from './recordCheckVersions';

jest.setTimeout(60_000);

describe('recordCheckVersions', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const DEC_1 = 20788;

  it.each(databases.eachSupportedId())(
    'counts the first rubric as known from the start and later checks and rule changes from the day they appear, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const first = [
        { checkId: 'a', fingerprint: 'aaaa0001' },
        { checkId: 'b', fingerprint: 'bbbb0001' },
      ];
      expect(
        Object.fromEntries(await recordCheckVersions(knex, first, DEC_1)),
      ).toEqual({ a: 0, b: 0 });

      // Five days later: b's rule changed and c is new.
      const second = [
        { checkId: 'a', fingerprint: 'aaaa0001' },
        { checkId: 'b', fingerprint: 'bbbb0002' },
        { checkId: 'c', fingerprint: 'cccc0001' },
      ];
      expect(
        Object.fromEntries(await recordCheckVersions(knex, second, DEC_1 + 5)),
      ).toEqual({ a: 0, b: DEC_1 + 5, c: DEC_1 + 5 });

      // Seen again (another replica, a later run): the first day stays.
      expect(
        Object.fromEntries(await recordCheckVersions(knex, second, DEC_1 + 9)),
      ).toEqual({ a: 0, b: DEC_1 + 5, c: DEC_1 + 5 });

      // b's rule changed back: that version was seen first of all.
      expect(
        Object.fromEntries(await recordCheckVersions(knex, first, DEC_1 + 9)),
      ).toEqual({ a: 0, b: 0 });
      const [{ n }] = await knex('check_versions').count({ n: '*' });
      expect(Number(n)).toBe(4);
    },
  );
});
