import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { DatabaseEventStore } from '../database/DatabaseEventStore';
import { createEventSink } from '../ingest/createEventSink';
import { DEMO_SOURCE, writeDemoActivity } from './scheduleDemoActivity';

jest.setTimeout(120_000);

const component = (name: string, owner: string, type: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type, owner: `group:default/${owner}`, lifecycle: 'production' },
});

const TABLES = ['builds', 'deployments', 'changes', 'incidents', 'repo_facts'];

describe('writeDemoActivity', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('writes a year once, and a restart or a later run repeats nothing', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseEventStore.create({
      database: { getClient: async () => knex },
    });
    const options = {
      sink: createEventSink(store, DEMO_SOURCE),
      catalog: catalogServiceMock({
        entities: [
          component('checkout-api', 'checkout', 'service'),
          component('ledger-service', 'billing-legacy', 'service'),
          component('http-client-lib', 'platform', 'library'),
        ],
      }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      catalogWaitMs: 0,
    };
    const countRows = async () => {
      let total = 0;
      for (const table of TABLES) {
        const [{ n }] = await knex(table).count({ n: '*' });
        total += Number(n);
      }
      return total;
    };

    const now = new Date('2026-11-23T12:00:00Z');
    const first = await writeDemoActivity({ ...options, now });
    expect(first.entities).toBe(3);
    expect(first.created).toBeGreaterThan(1000);
    expect(await countRows()).toBe(first.created);

    // A restart the same day: nothing new, nothing duplicated.
    const restart = await writeDemoActivity({ ...options, now });
    expect(restart.created).toBe(0);
    expect(await countRows()).toBe(first.created);

    // The next day adds that day's events only; ids stay unique.
    const nextDay = await writeDemoActivity({
      ...options,
      now: new Date('2026-11-24T12:00:00Z'),
    });
    expect(nextDay.created).toBeLessThan(first.created / 50);
    expect(await countRows()).toBe(first.created + nextDay.created);
    const [{ n: distinct }] = await knex('deployments').countDistinct({
      n: 'external_id',
    });
    const [{ n: all }] = await knex('deployments').count({ n: '*' });
    expect(Number(distinct)).toBe(Number(all));

    await expect(
      store.getSyncCursor(DEMO_SOURCE, 'component:default/checkout-api'),
    ).resolves.toBe(
      String(Math.floor(Date.parse('2026-11-24T12:00:00Z') / 86400000)),
    );
  });
});
