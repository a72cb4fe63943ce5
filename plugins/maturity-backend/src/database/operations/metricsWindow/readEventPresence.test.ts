import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import {
  at,
  build,
  deployment,
  incident,
  pullRequest,
} from '../../../testing/testEvents';
import { readEventPresence } from './readEventPresence';

jest.setTimeout(60_000);

const SHOP = 'component:default/shop';
const QUIET = 'component:default/quiet';
const PAGED = 'component:default/paged';

describe('readEventPresence', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'tells per entity which kinds of event it had before the end, %p',
    async databaseId => {
      const {
        knex,
        db: { events },
      } = await migratedDatabase(databases, databaseId);
      await events.ingest([
        build(SHOP, 'B1', 'success', '03-01 10:00', '03-01 10:05'),
        pullRequest(SHOP, 'P1', {
          authored: '03-01 08:00',
          opened: '03-01 09:00',
          merged: '03-01 09:30',
        }),
        deployment(SHOP, 'D1', 'production', '03-02 10:00', '03-02 10:10'),
        // Later production deploy, after the end: as of the end not yet.
        deployment(SHOP, 'D2', 'production', '03-20 10:00', '03-20 10:10'),
        deployment(SHOP, 'S1', 'staging', '03-05 10:00', '03-05 10:10'),
        // An incident counts however late: the tool is connected.
        incident(PAGED, 'I1', '03-25 10:00'),
        build(QUIET, 'B2', 'success', '03-25 10:00', '03-25 10:05'),
      ]);

      const presence = await readEventPresence(knex, {
        entities: [
          { entityRef: SHOP },
          { entityRef: QUIET },
          { entityRef: PAGED },
        ],
        to: new Date(at('03-10 00:00')),
      });
      expect(presence.get(SHOP)).toEqual({
        builds: true,
        changes: true,
        repoFacts: false,
        incidents: false,
        productionDeploys: true,
        lastProductionDeployAt: Date.parse(at('03-02 10:10')),
      });
      expect(presence.get(QUIET)).toMatchObject({
        builds: false,
        productionDeploys: false,
        lastProductionDeployAt: undefined,
      });
      expect(presence.get(PAGED)).toMatchObject({
        incidents: true,
        builds: false,
      });

      // Staging is production when the entity's annotation says so.
      const staged = await readEventPresence(knex, {
        entities: [{ entityRef: SHOP, productionEnvironment: 'Staging' }],
        to: new Date(at('03-10 00:00')),
      });
      expect(staged.get(SHOP)!.lastProductionDeployAt).toBe(
        Date.parse(at('03-05 10:10')),
      );
      await expect(readEventPresence(knex, { entities: [] })).resolves.toEqual(
        new Map(),
      );
    },
  );
});
