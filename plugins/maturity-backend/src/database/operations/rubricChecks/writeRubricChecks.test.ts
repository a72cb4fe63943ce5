import { TestDatabases } from '@backstage/backend-test-utils';
import { MaturityLevel } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { CheckDefinition } from '../../storedScorecard';
import { readRubricChecks } from './readRubricChecks';
import { writeRubricChecks } from './writeRubricChecks';

jest.setTimeout(60_000);

const definition = (title: string, level: MaturityLevel): CheckDefinition => ({
  title,
  category: 'build-deploy',
  level,
  required: true,
  source: 'heuristic',
  howToFix: `Fix ${title}`,
});

describe('writeRubricChecks', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "stores a version's check definitions once, keeping the first, %p",
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const ci = definition('CI runs', 1);
      await writeRubricChecks(knex, 'v1', new Map([['build-deploy.1.ci', ci]]));
      // Another replica writes the same check again, and one more.
      const ciAgain = definition('CI runs (again)', 1);
      const deploys = definition('Automated deploys', 2);
      await writeRubricChecks(
        knex,
        'v1',
        new Map([
          ['build-deploy.1.ci', ciAgain],
          ['build-deploy.2.deploys', deploys],
        ]),
      );
      // Another version keeps its own.
      await writeRubricChecks(
        knex,
        'v2',
        new Map([['build-deploy.1.ci', ciAgain]]),
      );
      await writeRubricChecks(knex, 'v3', new Map());

      await expect(readRubricChecks(knex, 'v1')).resolves.toEqual(
        new Map([
          ['build-deploy.1.ci', ci],
          ['build-deploy.2.deploys', deploys],
        ]),
      );
      await expect(readRubricChecks(knex, 'v2')).resolves.toEqual(
        new Map([['build-deploy.1.ci', ciAgain]]),
      );
      await expect(readRubricChecks(knex, 'v3')).resolves.toEqual(new Map());
    },
  );
});
