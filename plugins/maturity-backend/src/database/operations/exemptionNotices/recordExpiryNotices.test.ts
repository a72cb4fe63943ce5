import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { recordExpiryNotices } from './recordExpiryNotices';

jest.setTimeout(60_000);

describe('recordExpiryNotices', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'records each exemption once, keeping its first notice, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const first = new Date('2026-12-07T08:00:00Z');
      const second = new Date('2026-12-08T08:00:00Z');

      await recordExpiryNotices(knex, ['a', 'b', 'a'], first);
      await recordExpiryNotices(knex, ['b', 'c'], second);

      const rows = await knex('exemption_expiry_notices')
        .orderBy('exemption_id')
        .select('exemption_id', 'notified_at');
      expect(rows.map(r => [r.exemption_id, Number(r.notified_at)])).toEqual([
        ['a', first.getTime()],
        ['b', first.getTime()],
        ['c', second.getTime()],
      ]);
    },
  );
});
