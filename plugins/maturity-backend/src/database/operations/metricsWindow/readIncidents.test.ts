import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { at, incident, sha } from '../../../testing/testEvents';
import { readIncidents } from './readIncidents';

jest.setTimeout(60_000);

const SHOP = 'component:default/shop';
const OTHER = 'component:default/other';

describe('readIncidents', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads the incidents triggered or resolved in the window, %p',
    async databaseId => {
      const {
        knex,
        db: { events },
      } = await migratedDatabase(databases, databaseId);
      await events.ingest([
        // Triggered before, resolved in the window: its recovery counts.
        incident(SHOP, 'I1', '02-27 10:00', { resolved: '03-01 02:00' }),
        incident(SHOP, 'I2', '03-05 10:00', {
          acknowledged: '03-05 10:05',
          resolved: '03-05 11:00',
          postmortem: '03-07 09:00',
          responderTeam: 'group:default/platform',
          linkedDeploymentIds: ['D7'],
          linkedCommitShas: [sha('x').toUpperCase()],
        }),
        // Neither triggered nor resolved in the window.
        incident(SHOP, 'I3', '02-01 10:00', { resolved: '02-01 11:00' }),
        incident(SHOP, 'I4', '04-01 00:00'),
        incident(OTHER, 'I5', '03-05 10:00'),
      ]);

      const incidents = await readIncidents(knex, {
        entities: [{ entityRef: SHOP }],
        from: new Date(at('03-01 00:00')),
        to: new Date(at('04-01 00:00')),
      });
      expect(incidents.map(i => i.triggeredAt)).toEqual([
        Date.parse(at('02-27 10:00')),
        Date.parse(at('03-05 10:00')),
      ]);
      expect(incidents[1]).toMatchObject({
        entityRef: SHOP,
        urgency: 'high',
        acknowledgedAt: Date.parse(at('03-05 10:05')),
        resolvedAt: Date.parse(at('03-05 11:00')),
        postmortemAt: Date.parse(at('03-07 09:00')),
        responderTeam: 'group:default/platform',
        linkedDeploymentIds: ['D7'],
        linkedCommitShas: [sha('x')],
      });
    },
  );
});
