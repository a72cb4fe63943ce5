import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { at, build } from '../../../testing/testEvents';
import { readBuilds } from './readBuilds';

jest.setTimeout(60_000);

const SHOP = 'component:default/shop';
const OTHER = 'component:default/other';

describe('readBuilds', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads the runs started in the window, per entity oldest first, with their steps, %p',
    async databaseId => {
      const {
        knex,
        db: { events },
      } = await migratedDatabase(databases, databaseId);
      await events.ingest([
        build(SHOP, 'B0', 'success', '02-28 23:59', '03-01 00:10'),
        build(SHOP, 'B2', 'failure', '03-03 10:00', '03-03 10:05', {
          steps: ['lint', 'unit-test'],
        }),
        build(SHOP, 'B1', 'success', '03-02 10:00', undefined, {
          steps: ['lint', 'unit-test'],
        }),
        build(SHOP, 'B3', 'success', '04-01 00:00', '04-01 00:05'),
        build(OTHER, 'B4', 'success', '03-02 10:00', '03-02 10:05'),
      ]);

      const builds = await readBuilds(knex, {
        entities: [{ entityRef: SHOP }],
        from: new Date(at('03-01 00:00')),
        to: new Date(at('04-01 00:00')),
      });
      expect(
        builds.map(b => [b.entityRef, b.status, b.startedAt, b.finishedAt]),
      ).toEqual([
        [SHOP, 'success', Date.parse(at('03-02 10:00')), undefined],
        [
          SHOP,
          'failure',
          Date.parse(at('03-03 10:00')),
          Date.parse(at('03-03 10:05')),
        ],
      ]);
      expect(builds[0]).toMatchObject({
        pipeline: 'ci',
        branch: 'main',
        isDefaultBranch: true,
        trigger: 'push',
        steps: ['lint', 'unit-test'],
      });
      // Runs with the same step list share one parsed list.
      expect(builds[0].steps).toBe(builds[1].steps);
    },
  );
});
