import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { at, deployment, sha } from '../../../testing/testEvents';
import { deploymentReferencesOf, readDeployments } from './readDeployments';
import { IncidentRecord } from './readIncidents';

jest.setTimeout(60_000);

const SHOP = 'component:default/shop';
const CART = 'component:default/cart';

describe('readDeployments', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads the successful deployments of the window and the day before, and those incidents name, %p',
    async databaseId => {
      const {
        knex,
        db: { events },
      } = await migratedDatabase(databases, databaseId);
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
        // Named by the incident below, yet not read: a failed or
        // non-production deploy of a named commit, another entity's deploy.
        deployment(SHOP, 'OLD-F', 'production', '01-11 10:00', '01-11 10:05', {
          commitSha: sha('old'),
          status: 'failure',
        }),
        deployment(SHOP, 'OLD-S', 'staging', '01-09 10:00', '01-09 10:05', {
          commitSha: sha('old'),
        }),
        deployment(CART, 'C1', 'production', '01-12 10:00', '01-12 10:05', {
          commitSha: sha('old'),
        }),
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
        linkedDeploymentIds: ['F1', 'C1'],
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

  it.each(databases.eachSupportedId())(
    'marks a production deploy bundled when another entity deployed the same commit to the same environment within an hour, %p',
    async databaseId => {
      const {
        knex,
        db: { events },
      } = await migratedDatabase(databases, databaseId);
      const commit = (s: string) => ({ commitSha: sha(s) });
      await events.ingest([
        // Shipped with cart's deploy of the same commit 40 minutes later.
        deployment(
          SHOP,
          'TOGETHER',
          'production',
          '03-02 10:00',
          '03-02 10:05',
          commit('m1'),
        ),
        deployment(
          CART,
          'C1',
          'Production',
          '03-02 10:40',
          '03-02 10:45',
          commit('m1'),
        ),
        // Cart deployed the same commit, but 61 minutes later.
        deployment(
          SHOP,
          'APART',
          'production',
          '03-03 10:00',
          '03-03 10:05',
          commit('m2'),
        ),
        deployment(
          CART,
          'C2',
          'production',
          '03-03 11:01',
          '03-03 11:05',
          commit('m2'),
        ),
        // Cart's deploy of the same commit went to staging, or failed.
        deployment(
          SHOP,
          'STAGED',
          'production',
          '03-04 10:00',
          '03-04 10:05',
          commit('m3'),
        ),
        deployment(
          CART,
          'C3',
          'staging',
          '03-04 10:00',
          '03-04 10:05',
          commit('m3'),
        ),
        deployment(
          SHOP,
          'FAILED',
          'production',
          '03-05 10:00',
          '03-05 10:05',
          commit('m4'),
        ),
        deployment(CART, 'C4', 'production', '03-05 10:00', '03-05 10:05', {
          ...commit('m4'),
          status: 'failure',
        }),
        // The shop's own earlier deploy of the commit is no other entity.
        deployment(
          SHOP,
          'AGAIN1',
          'production',
          '03-06 10:00',
          '03-06 10:05',
          commit('m5'),
        ),
        deployment(
          SHOP,
          'AGAIN2',
          'production',
          '03-06 10:30',
          '03-06 10:35',
          commit('m5'),
        ),
        // Without a commit nothing can be compared.
        deployment(SHOP, 'NOSHA', 'production', '03-07 10:00', '03-07 10:05'),
        deployment(CART, 'C7', 'production', '03-07 10:00', '03-07 10:05'),
        // A staging deploy of a shared commit is no production deploy.
        deployment(
          SHOP,
          'STAGING',
          'staging',
          '03-08 10:00',
          '03-08 10:05',
          commit('m8'),
        ),
        deployment(
          CART,
          'C8',
          'staging',
          '03-08 10:00',
          '03-08 10:05',
          commit('m8'),
        ),
      ]);

      const rows = await readDeployments(knex, {
        entities: [{ entityRef: SHOP }],
        from: new Date(at('03-01 00:00')),
        to: new Date(at('04-01 00:00')),
      });
      expect(
        rows
          .filter(d => d.bundled)
          .map(d => d.externalId)
          .sort(),
      ).toEqual(['TOGETHER']);
      expect(rows.map(d => d.externalId).sort()).toEqual([
        'AGAIN1',
        'AGAIN2',
        'APART',
        'FAILED',
        'NOSHA',
        'STAGED',
        'STAGING',
        'TOGETHER',
      ]);
    },
  );
});
