import { TestDatabases } from '@backstage/backend-test-utils';
import { MaturityDatabase } from '../database/MaturityDatabase';
import { readDeployments } from '../database/operations/metricsWindow/readDeployments';
import { MAX_BATCH_SIZE } from './readEvaluationConfig';

jest.setTimeout(60_000);

describe('MAX_BATCH_SIZE', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads a batch of the largest configurable size in the shape that binds the most parameters, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { metricsWindow } = await MaturityDatabase.create({
        database: { getClient: async () => knex, migrations: { skip: false } },
      });
      const window = {
        // Every entity but one names a production environment of its own:
        // the production conditions then bind each annotated ref twice (in
        // its own term and in the others' exclusion) and each environment.
        entities: Array.from({ length: MAX_BATCH_SIZE }, (_, i) => ({
          entityRef: `component:default/service-${i}`,
          productionEnvironment: i === 0 ? undefined : `production-${i}`,
          owner: 'group:default/team',
        })),
        from: new Date('2026-08-25T00:00:00Z'),
        to: new Date('2026-11-23T00:00:00Z'),
      };
      await expect(metricsWindow.readWindow(window)).resolves.toMatchObject({
        deployments: [],
        changes: [],
        builds: [],
      });
      // With deployments that incidents name, by id and by commit.
      await expect(
        readDeployments(knex, window, {
          externalIds: ['deploy-1'],
          shas: ['0123abcd'],
        }),
      ).resolves.toEqual([]);
    },
  );
});
