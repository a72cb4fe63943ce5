import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedEventStore } from '../../__testUtils__/migratedEventStore';
import { deployment, sha } from '../../../testing/testEvents';
import { lacksCommitLinks } from './lacksCommitLinks';

jest.setTimeout(60_000);

const SHOP = 'component:default/shop';

describe('lacksCommitLinks', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'is true only when deployments name commits and no link exists, %p',
    async databaseId => {
      const { knex, store } = await migratedEventStore(databases, databaseId);
      // Nothing stored: nothing to link.
      await expect(lacksCommitLinks(knex)).resolves.toBe(false);
      // A deployment without a commit: nothing to link either.
      await store.ingest([
        deployment(SHOP, 'no-commit', 'production', '03-02 10:00', undefined),
      ]);
      await expect(lacksCommitLinks(knex)).resolves.toBe(false);
      // Ingest links the commits it stores.
      await store.ingest([
        deployment(SHOP, 'P1', 'production', '03-02 11:00', '03-02 11:05', {
          commitSha: sha('a'),
        }),
      ]);
      await expect(lacksCommitLinks(knex)).resolves.toBe(false);
      // As stored before the link tables existed.
      await knex('deployment_commits').delete();
      await expect(lacksCommitLinks(knex)).resolves.toBe(true);
    },
  );
});
