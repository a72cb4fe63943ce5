import { TestDatabases } from '@backstage/backend-test-utils';
import { MIGRATIONS_DIRECTORY as directory, migrateOver } from './migrateUpTo';

jest.setTimeout(60_000);

const MIGRATION = '20261207100000_exemption_workflow';

describe(`migration ${MIGRATION}`, () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'migrates exemptions as approved by their author with an audit row, and back, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const base = {
        entity_ref: 'component:default/checkout-api',
        check_id: 'build-deploy.2.automated-deploys',
        reason: 'Legacy job',
        author: 'user:default/ana',
        created_at: 1_000,
      };
      await migrateOver(knex, `${MIGRATION}.js`, () =>
        knex('exemptions').insert([
          { ...base, id: 'active', expires_at: 9_000, revoked_at: null },
          { ...base, id: 'revoked', expires_at: null, revoked_at: 2_000 },
        ]),
      );

      const rows = await knex('exemptions')
        .orderBy('id')
        .select(
          'id',
          'status',
          'requested_expires_at',
          'decided_by',
          'decided_at',
        );
      expect(
        rows.map(r => ({
          ...r,
          requested_expires_at:
            r.requested_expires_at === null
              ? null
              : Number(r.requested_expires_at),
          decided_at: Number(r.decided_at),
        })),
      ).toEqual([
        {
          id: 'active',
          status: 'approved',
          requested_expires_at: 9_000,
          decided_by: 'user:default/ana',
          decided_at: 1_000,
        },
        {
          id: 'revoked',
          status: 'revoked',
          requested_expires_at: null,
          decided_by: 'user:default/ana',
          decided_at: 1_000,
        },
      ]);
      const events = await knex('exemption_events')
        .orderBy([{ column: 'exemption_id' }, { column: 'at' }])
        .select('exemption_id', 'action', 'actor', 'at');
      expect(events.map(e => ({ ...e, at: Number(e.at) }))).toEqual([
        {
          exemption_id: 'active',
          action: 'approved',
          actor: 'user:default/ana',
          at: 1_000,
        },
        {
          exemption_id: 'revoked',
          action: 'approved',
          actor: 'user:default/ana',
          at: 1_000,
        },
        {
          exemption_id: 'revoked',
          action: 'revoked',
          actor: 'system',
          at: 2_000,
        },
      ]);

      // A request made after the migration must not start to apply on the
      // way back down.
      await knex('exemptions').insert({
        ...base,
        id: 'requested',
        status: 'requested',
        created_at: 3_000,
      });
      await knex.migrate.down({ directory });
      expect(await knex.schema.hasTable('exemption_events')).toBe(false);
      expect(await knex.schema.hasColumn('exemptions', 'status')).toBe(false);
      const after = await knex('exemptions')
        .orderBy('id')
        .select('id', 'revoked_at');
      expect(
        after.map(r => [
          r.id,
          r.revoked_at === null ? null : Number(r.revoked_at),
        ]),
      ).toEqual([
        ['active', null],
        ['requested', 3_000],
        ['revoked', 2_000],
      ]);
    },
  );
});
