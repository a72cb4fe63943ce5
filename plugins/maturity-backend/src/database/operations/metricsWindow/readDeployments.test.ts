import { TestDatabases } from '@backstage/backend-test-utils';
import { MaturityDatabase } from '../../MaturityDatabase';
import { at, deployment, sha } from '../../../testing/testEvents';
import { deploymentReferencesOf, readDeployments } from './readDeployments';
import { IncidentRecord } from './readIncidents';

jest.setTimeout(60_000);

const SHOP = 'component:default/shop';

describe('readDeployments', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads the successful deployments of the window and the day before, and those incidents name, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { events } = await MaturityDatabase.create({
        database: { getClient: async () => knex },
      });
      await events.ingest([
        // Long before the window: read only because an incident names it.
        deployment(SHOP, 'OLD', 'production', '01-10 10:00', '01-10 10:05', {
          commitSha: sha('old'),
        }),
        // The day before the window (the incident window rule).
        deployment(SHOP, 'EVE', 'production', '02-28 20:00', '02-28 20:05'),
        // Staging first, then production with the same commit.
        deployment(SHOP, 'S1', 'staging', '03-02 09:00', '03-02 09:05', {
          commitSha: sha('a'),
        }),
        deployment(SHOP, 'P1', 'production', '03-02 10:00', '03-02 10:05', {
          commitSha: sha('a'),
          commitShas: [sha('a'), sha('b').toUpperCase()],
        }),
        deployment(SHOP, 'R1', 'production', '03-03 10:00', '03-03 10:05', {
          reason: 'rollback',
          fixesIncidents: ['pagerduty:Q1ABC', 'opsgenie:7'],
        }),
        deployment(SHOP, 'F1', 'production', '03-04 10:00', '03-04 10:05', {
          status: 'failure',
        }),
        // Started at the window's end: not yet happened.
        deployment(SHOP, 'LATE', 'production', '04-01 00:00', '04-01 00:05'),
      ]);
      const window = {
        entities: [{ entityRef: SHOP }],
        from: new Date(at('03-01 00:00')),
        to: new Date(at('04-01 00:00')),
      };

      const plain = await readDeployments(knex, window);
      const byId = new Map(plain.map(d => [d.externalId, d]));
      expect([...byId.keys()].sort()).toEqual(['EVE', 'P1', 'R1', 'S1']);
      expect(byId.get('P1')).toMatchObject({
        isProduction: true,
        deployedToPreproductionFirst: true,
        shas: [sha('a'), sha('b')],
        deployedAt: Date.parse(at('03-02 10:05')),
        fixesIncidents: [],
      });
      expect(byId.get('R1')!.fixesIncidents).toEqual([
        'pagerduty:Q1ABC',
        'opsgenie:7',
      ]);
      expect(byId.get('S1')!.isProduction).toBe(false);
      // The rollback replaced the production deploy before it.
      expect(byId.get('R1')!.rollsBackId).toBe(byId.get('P1')!.id);

      const incident: IncidentRecord = {
        id: 1,
        entityRef: SHOP,
        source: 'pagerduty',
        externalId: 'I1',
        urgency: 'high',
        triggeredAt: Date.parse(at('03-05 10:00')),
        linkedDeploymentIds: ['F1'],
        linkedCommitShas: [sha('old').toUpperCase()],
      };
      const named = await readDeployments(
        knex,
        window,
        deploymentReferencesOf([incident]),
      );
      expect(named.map(d => d.externalId).sort()).toEqual([
        'EVE',
        'F1',
        'OLD',
        'P1',
        'R1',
        'S1',
      ]);
    },
  );
});
