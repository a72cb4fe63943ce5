import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
// The real plugin gives the real sink: validation, idempotent store, cursors.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maturityPlugin from '@maturity-for-backstage/backstage-plugin-maturity-backend';
import {
  MaturityEventSink,
  maturitySourcesExtensionPoint,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import {
  DEMO_ACTIVE_DAYS_ANNOTATION,
  writeDemoActivity,
} from './writeDemoActivity';

jest.setTimeout(120_000);

const component = (name: string, owner: string, type: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type, owner: `group:default/${owner}`, lifecycle: 'production' },
});

const TABLES = ['builds', 'deployments', 'changes', 'incidents', 'repo_facts'];

/** The sink the plugin hands the demo source, on the given database. */
async function demoSinkOn(
  knex: Awaited<ReturnType<TestDatabases['init']>>,
): Promise<MaturityEventSink> {
  let sink: MaturityEventSink | undefined;
  await startTestBackend({
    features: [
      maturityPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: [] }),
      createBackendModule({
        pluginId: 'maturity',
        moduleId: 'demo-sink',
        register(env) {
          env.registerInit({
            deps: { sources: maturitySourcesExtensionPoint },
            async init({ sources }) {
              sources.addSource({
                id: 'demo',
                connect: async given => {
                  sink = given;
                },
              });
            },
          });
        },
      }),
    ],
  });
  return sink!;
}

describe('writeDemoActivity', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('writes a year once, and a restart or a later run repeats nothing', async () => {
    const knex = await databases.init('SQLITE_3');
    const sink = await demoSinkOn(knex);
    const options = {
      sink,
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
      sink.getCursor('component:default/checkout-api'),
    ).resolves.toBe(
      String(Math.floor(Date.parse('2026-11-24T12:00:00Z') / 86400000)),
    );
  });

  it('begins an annotated component’s activity that many days ago', async () => {
    const knex = await databases.init('SQLITE_3');
    const sink = await demoSinkOn(knex);
    const young = component('payment-links', 'payments', 'service');
    young.metadata.annotations = { [DEMO_ACTIVE_DAYS_ANNOTATION]: '30' };
    await writeDemoActivity({
      sink,
      catalog: catalogServiceMock({
        entities: [young, component('ledger-service', 'payments', 'service')],
      }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      catalogWaitMs: 0,
      now: new Date('2026-11-23T12:00:00Z'),
    });
    const firstDayOf = async (name: string) => {
      let first = Infinity;
      for (const table of TABLES) {
        const [{ t }] = await knex(table)
          .where('entity_ref', `component:default/${name}`)
          .min({ t: 'occurred_at' });
        if (t !== null) first = Math.min(first, Number(t));
      }
      return new Date(first).toISOString().slice(0, 10);
    };
    // 30 days before 2026-11-23 is 2026-10-24; its first pull request may
    // have been opened a day or two before.
    expect(await firstDayOf('payment-links')).toMatch(/^2026-10-2[1-4]$/);
    expect(await firstDayOf('ledger-service')).toMatch(/^2025-11-/);
  });
});
