import { TestDatabases } from '@backstage/backend-test-utils';
import { RepoFactEvent } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { migratedEventStore } from '../../__testUtils__/migratedEventStore';
import { ENTITY, OTHER } from '../../__testUtils__/sampleEvents';
import { readLatestRepoFacts } from './readLatestRepoFacts';

jest.setTimeout(60_000);

const fact = (
  entityRef: string,
  source: string,
  name: string,
  value: RepoFactEvent['value'],
  observedAt: string,
): RepoFactEvent => ({
  type: 'repo_fact',
  source,
  entityRef,
  fact: name,
  value,
  observedAt,
});

describe('readLatestRepoFacts', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "gives each asked entity's latest value of every fact, whichever source observed it, %p",
    async databaseId => {
      const { knex, store } = await migratedEventStore(databases, databaseId);
      await store.ingest([
        // The newer observation stored first: the time decides, not the order.
        fact(ENTITY, 'gitlab', 'codeowners', false, '2026-11-22T00:00:00Z'),
        fact(ENTITY, 'github', 'codeowners', true, '2026-11-20T00:00:00Z'),
        fact(ENTITY, 'github', 'coverage', 81.5, '2026-11-21T00:00:00Z'),
        fact(ENTITY, 'sonar', 'coverage', 79, '2026-11-19T00:00:00Z'),
        fact(
          ENTITY,
          'github',
          'default_branch',
          'main',
          '2026-11-20T00:00:00Z',
        ),
        fact(ENTITY, 'github', 'license', null, '2026-11-20T00:00:00Z'),
        // Not asked for.
        fact(OTHER, 'github', 'codeowners', true, '2026-11-20T00:00:00Z'),
      ]);

      const facts = await readLatestRepoFacts(knex, [
        ENTITY,
        'component:default/no-facts',
      ]);

      expect(Object.fromEntries(facts)).toEqual({
        [ENTITY]: {
          codeowners: false,
          coverage: 81.5,
          default_branch: 'main',
          license: null,
        },
      });
    },
  );
});
