import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  MATURITY_API as BASE,
  startMaturityTestBackend,
  USER,
} from './__testUtils__/maturityTestBackend';

jest.setTimeout(60_000);

const SERVICE = { Authorization: mockCredentials.service.header() };

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'checkout', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout-api',
      namespace: 'default',
      description: 'Checkout',
    },
    spec: {
      type: 'service',
      owner: 'group:default/checkout',
      lifecycle: 'production',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'cart-service', namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'group:default/checkout',
      lifecycle: 'experimental',
    },
  },
];

const day = (n: number) => new Date(Date.now() - n * 86400000).toISOString();
const events = Array.from({ length: 6 }, (_, i) => ({
  type: 'deployment',
  source: 'argocd',
  externalId: `deploy-${i}`,
  entityRef: 'component:default/checkout-api',
  environment: 'production',
  commitSha: `${i}`
    .repeat(40)
    .slice(0, 40)
    .replace(/[^0-9]/g, 'a'),
  status: 'success',
  automated: true,
  startedAt: day(10 - i),
}));

/** The plugin; its scheduled tasks run when a test says so. */
function startBackend(
  permissions?: ReturnType<typeof mockServices.permissions.mock>,
  catalogEntities: Entity[] = entities,
) {
  return startMaturityTestBackend({
    entities: catalogEntities,
    permissions,
    tasksOnRequest: true,
  });
}

describe('scorecard routes', () => {
  it('serves scorecards, metrics, history, lists, CSV, rollups and the rubric', async () => {
    const { server, evaluateAll } = await startBackend();
    const scorecardUrl = `${BASE}/entities/component/default/checkout-api/scorecard`;
    expect((await request(server).get(scorecardUrl).set(USER)).status).toBe(
      404,
    );

    expect(
      (
        await request(server)
          .post(`${BASE}/events`)
          .set(SERVICE)
          .send({ events })
      ).status,
    ).toBe(200);
    const refreshed = await request(server)
      .post(`${BASE}/entities/component/default/checkout-api/refresh`)
      .set(USER);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.entityRef).toBe('component:default/checkout-api');
    expect(refreshed.body.categories).toHaveLength(5);

    const scorecard = await request(server).get(scorecardUrl).set(USER);
    expect(scorecard.body).toEqual(refreshed.body);
    const recorded = scorecard.body.checks.find(
      (c: any) => c.checkId === 'build-deploy.2.deployment-recorded',
    );
    expect(recorded.state).toBe('pass');
    expect(recorded.evidence).toHaveLength(6);

    const metrics = await request(server)
      .get(`${BASE}/entities/component/default/checkout-api/metrics`)
      .set(USER);
    expect(metrics.body.metrics.production_deploys).toMatchObject({
      value: 6,
      status: 'ok',
      sampleSize: 6,
    });
    // Five deploys across the weeks is the minimum; six is enough.
    expect(metrics.body.metrics.deployment_frequency.status).toBe('ok');
    expect(metrics.body.metrics.change_failure_rate.status).toBe(
      'not-applicable',
    );
    // Evidence ids resolve through the events API.
    const [evidenceId] = metrics.body.metrics.production_deploys.evidence;
    const page = await request(server)
      .get(`${BASE}/entities/component/default/checkout-api/events`)
      .query({ type: 'deployment', limit: 10 })
      .set(USER);
    expect(page.body.items.map((e: any) => e.id)).toContain(evidenceId);

    const history = await request(server)
      .get(`${BASE}/entities/component/default/checkout-api/history`)
      .set(USER);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0].overallLevel).toBe(
      scorecard.body.overallLevel,
    );
    // As of a date: the point that stood then; nothing before the first.
    const today = new Date().toISOString().slice(0, 10);
    const asOf = await request(server)
      .get(`${BASE}/entities/component/default/checkout-api/history`)
      .query({ asOf: new Date(Date.now() + 86400000).toISOString() })
      .set(USER);
    expect(asOf.body.items.map((p: any) => p.day)).toEqual([today]);
    const beforeAny = await request(server)
      .get(`${BASE}/entities/component/default/checkout-api/history`)
      .query({ asOf: '2020-01-01' })
      .set(USER);
    expect(beforeAny.body).toEqual({ items: [] });
    const both = await request(server)
      .get(`${BASE}/entities/component/default/checkout-api/history`)
      .query({ asOf: today, from: '2020-01-01T00:00:00Z' })
      .set(USER);
    expect(both.status).toBe(400);
    expect(both.body.error.message).toContain('asOf');
    const notADate = await request(server)
      .get(`${BASE}/entities/component/default/checkout-api/history`)
      .query({ asOf: 'last tuesday' })
      .set(USER);
    expect(notADate.status).toBe(400);
    expect(notADate.body.error.message).toContain('asOf');

    await request(server)
      .post(`${BASE}/entities/component/default/cart-service/refresh`)
      .set(USER);
    const list = await request(server)
      .get(`${BASE}/scorecards`)
      .query({
        owner: 'group:default/checkout',
        orderBy: 'entityRef',
        limit: 1,
      })
      .set(USER);
    expect(list.body.totalCount).toBe(2);
    expect(list.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/cart-service',
    ]);
    const filtered = await request(server)
      .get(`${BASE}/scorecards`)
      .query({ lifecycle: 'production' })
      .set(USER);
    expect(filtered.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/checkout-api',
    ]);

    // checkout-api recorded deployments, cart-service none.
    const cart = await request(server)
      .get(`${BASE}/entities/component/default/cart-service/scorecard`)
      .set(USER);
    expect(
      cart.body.checks.find(
        (c: any) => c.checkId === 'build-deploy.2.deployment-recorded',
      ).state,
    ).toBe('fail');
    const failing = await request(server)
      .get(`${BASE}/scorecards`)
      .query({ failingCheck: 'build-deploy.2.deployment-recorded' })
      .set(USER);
    expect(failing.status).toBe(200);
    expect(failing.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/cart-service',
    ]);
    const banded = await request(server)
      .get(`${BASE}/scorecards`)
      .query({ deliveryBand: 'unknown', owner: 'group:default/checkout' })
      .set(USER);
    expect(banded.body.totalCount).toBe(
      [scorecard.body, cart.body].filter(s => s.delivery.overallBand === null)
        .length,
    );
    const elite = await request(server)
      .get(`${BASE}/scorecards`)
      .query({ deliveryBand: 'elite' })
      .set(USER);
    expect(elite.body).toEqual({ items: [], totalCount: 0 });
    const failingCsv = await request(server)
      .get(`${BASE}/scorecards`)
      .query({
        format: 'csv',
        failingCheck: 'build-deploy.2.deployment-recorded',
      })
      .set(USER);
    expect(failingCsv.text.trim().split('\r\n')).toHaveLength(2);

    const csv = await request(server)
      .get(`${BASE}/scorecards`)
      .query({ format: 'csv' })
      .set(USER);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^entityRef,title,kind,type,lifecycle,owner/);
    expect(lines).toHaveLength(3);

    // Rollups follow a full run (and, debounced, evaluations in between).
    await evaluateAll();
    const group = await request(server)
      .get(`${BASE}/rollups/group/default/checkout`)
      .set(USER);
    expect(group.status).toBe(200);
    expect(group.body.entityCount).toBe(2);
    const org = await request(server).get(`${BASE}/rollups/org`).set(USER);
    expect(org.body.entityCount).toBe(2);
    expect(
      (
        await request(server)
          .get(`${BASE}/rollups/group/default/nobody`)
          .set(USER)
      ).status,
    ).toBe(404);

    const rubric = await request(server).get(`${BASE}/rubric`).set(USER);
    expect(rubric.body.version).toBe(scorecard.body.rubricVersion);
  });

  it('exports CSV from offset, at most limit rows, and says how many matched', async () => {
    const { server } = await startBackend();
    for (const name of ['checkout-api', 'cart-service']) {
      const res = await request(server)
        .post(`${BASE}/entities/component/default/${name}/refresh`)
        .set(USER);
      expect(res.status).toBe(200);
    }
    const csv = async (query: Record<string, string | number>) => {
      const res = await request(server)
        .get(`${BASE}/scorecards`)
        .query({ format: 'csv', ...query })
        .set(USER);
      expect(res.status).toBe(200);
      return {
        refs: res.text
          .trim()
          .split('\r\n')
          .slice(1)
          .map(line => line.split(',')[0]),
        total: res.headers['x-total-count'],
      };
    };
    await expect(csv({})).resolves.toEqual({
      refs: [
        'component:default/cart-service',
        'component:default/checkout-api',
      ],
      total: '2',
    });
    await expect(csv({ limit: 1 })).resolves.toEqual({
      refs: ['component:default/cart-service'],
      total: '2',
    });
    await expect(csv({ limit: 1, offset: 1 })).resolves.toEqual({
      refs: ['component:default/checkout-api'],
      total: '2',
    });
  });

  it('filters the list by type and by catalog tag, exactly', async () => {
    const component = (
      name: string,
      type: string,
      tags?: string[],
    ): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default', ...(tags ? { tags } : {}) },
      spec: { type, owner: 'group:default/checkout', lifecycle: 'production' },
    });
    const { server } = await startBackend(undefined, [
      entities[0],
      component('payments-api', 'service', ['java', 'pci']),
      component('storefront', 'website', ['java']),
      component('ledger', 'service'),
    ]);
    for (const name of ['payments-api', 'storefront', 'ledger']) {
      const res = await request(server)
        .post(`${BASE}/entities/component/default/${name}/refresh`)
        .set(USER);
      expect(res.status).toBe(200);
    }
    const refs = async (query: Record<string, string>) => {
      const res = await request(server)
        .get(`${BASE}/scorecards`)
        .query(query)
        .set(USER);
      expect(res.status).toBe(200);
      return res.body.items.map((i: any) => i.entityRef.slice(18));
    };

    await expect(refs({ type: 'service' })).resolves.toEqual([
      'ledger',
      'payments-api',
    ]);
    await expect(refs({ tag: 'java' })).resolves.toEqual([
      'payments-api',
      'storefront',
    ]);
    // Tags compare in lower case, as the catalog writes them.
    await expect(refs({ tag: 'PCI' })).resolves.toEqual(['payments-api']);
    // A tag matches whole, never a part of another.
    await expect(refs({ tag: 'jav' })).resolves.toEqual([]);
    await expect(refs({ tag: 'java', type: 'website' })).resolves.toEqual([
      'storefront',
    ]);
    const tooLong = await request(server)
      .get(`${BASE}/scorecards`)
      .query({ tag: 'x'.repeat(256) })
      .set(USER);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain('tag');
  });

  it('rejects bad list parameters', async () => {
    const { server } = await startBackend();
    for (const query of [
      { minLevel: 6 },
      { orderBy: 'name' },
      { limit: 0 },
      { minLevel: 3, maxLevel: 1 },
      { failingCheck: 'test.9.no-such-check' },
      { failingCheck: 'test.3."e2e"' },
      { deliveryBand: 'great' },
      { minMlopsLevel: 3 },
      { maxMlopsLevel: -1 },
      { minMlopsLevel: 2, maxMlopsLevel: 1 },
    ]) {
      const res = await request(server)
        .get(`${BASE}/scorecards`)
        .query(query)
        .set(USER);
      expect(res.status).toBe(400);
      // The message names the parameter at fault.
      expect(res.body.error.message).toContain(Object.keys(query)[0]);
    }
    const unknownCheck = await request(server)
      .get(`${BASE}/scorecards`)
      .query({ failingCheck: 'test.9.no-such-check' })
      .set(USER);
    expect(unknownCheck.body.error.message).toBe(
      "failingCheck: unknown check 'test.9.no-such-check'",
    );
  });

  describe('an ML entity', () => {
    const mlEntities: Entity[] = [
      ...entities,
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'churn-training', namespace: 'default' },
        spec: {
          type: 'ml-pipeline',
          owner: 'group:default/checkout',
          lifecycle: 'production',
        },
      },
    ];
    const scorecardUrl = `${BASE}/entities/component/default/churn-training/scorecard`;
    const refresh = async (
      server: Awaited<ReturnType<typeof startBackend>>['server'],
    ) =>
      request(server)
        .post(`${BASE}/entities/component/default/churn-training/refresh`)
        .set(USER);
    const stateOf = (scorecard: any, checkId: string) =>
      scorecard.checks.find((c: any) => c.checkId === checkId)?.state;

    /** Every MLOps level 1 fact but experiment tracking, and a pipeline run. */
    async function ingestLevelOneButTracking(
      server: Awaited<ReturnType<typeof startBackend>>['server'],
    ) {
      const fact = (name: string) => ({
        type: 'repo_fact',
        source: 'github',
        entityRef: 'component:default/churn-training',
        fact: name,
        value: true,
        observedAt: day(1),
      });
      const res = await request(server)
        .post(`${BASE}/events`)
        .set(SERVICE)
        .send({
          events: [
            fact('ml-pipeline-definition'),
            fact('data-validation'),
            fact('model-validation'),
            {
              type: 'build',
              source: 'github-actions',
              externalId: 'train-1',
              entityRef: 'component:default/churn-training',
              commitSha: 'b'.repeat(40),
              status: 'success',
              startedAt: day(2),
              finishedAt: day(2),
            },
          ],
        });
      expect(res.status).toBe(200);
    }

    it('is exempted from an MLOps check like from any other, which then counts as met', async () => {
      const { server } = await startBackend(undefined, mlEntities);
      await ingestLevelOneButTracking(server);
      const before = await refresh(server);
      expect(before.status).toBe(200);
      // Experiment tracking is the one level-1 check that fails.
      expect(stateOf(before.body, 'mlops.1.experiment-tracking')).toBe('fail');
      expect(
        before.body.checks
          .filter((c: any) => c.category === 'mlops' && c.level === 1)
          .map((c: any) => [c.checkId, c.state]),
      ).toEqual([
        ['mlops.1.pipeline-definition', 'pass'],
        ['mlops.1.training-runs', 'pass'],
        ['mlops.1.data-and-model-validation', 'pass'],
        ['mlops.1.experiment-tracking', 'fail'],
      ]);
      expect(before.body.mlops).toEqual({ level: 0 });

      const url = `${BASE}/entities/component/default/churn-training/exemptions`;
      const created = await request(server).post(url).set(USER).send({
        checkId: 'mlops.1.experiment-tracking',
        reason: 'Runs are tracked in the notebook platform',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        entityRef: 'component:default/churn-training',
        checkId: 'mlops.1.experiment-tracking',
      });
      // A request counts once someone else approved it.
      expect(
        stateOf((await refresh(server)).body, 'mlops.1.experiment-tracking'),
      ).toBe('fail');
      await request(server)
        .post(`${BASE}/exemptions/${created.body.id}/approve`)
        .set({
          Authorization: mockCredentials.user.header('user:default/lead'),
        })
        .send({})
        .expect(200);

      const after = await refresh(server);
      expect(stateOf(after.body, 'mlops.1.experiment-tracking')).toBe('exempt');
      expect(after.body.mlops).toEqual({ level: 1 });

      // Revoked, the check fails again and the level drops back.
      await request(server)
        .delete(`${BASE}/exemptions/${created.body.id}`)
        .set(USER)
        .expect(204);
      expect((await refresh(server)).body.mlops).toEqual({ level: 0 });

      const unknown = await request(server)
        .post(url)
        .set(USER)
        .send({ checkId: 'mlops.9.nothing', reason: 'x' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toBe(
        "checkId: unknown check 'mlops.9.nothing'",
      );
    });

    it('is listed, exported and rolled up by its MLOps level', async () => {
      const { server, evaluateAll } = await startBackend(undefined, mlEntities);
      await ingestLevelOneButTracking(server);
      await evaluateAll();
      const level = (await request(server).get(scorecardUrl).set(USER)).body
        .mlops.level;
      expect(level).toBe(0);

      const list = async (query: Record<string, string | number>) => {
        const res = await request(server)
          .get(`${BASE}/scorecards`)
          .query(query)
          .set(USER);
        expect(res.status).toBe(200);
        return res.body.items.map((i: any) => [
          i.entityRef.split('/')[1],
          i.mlopsLevel,
        ]);
      };
      await expect(list({ minMlopsLevel: 0 })).resolves.toEqual([
        ['churn-training', 0],
      ]);
      await expect(list({ minMlopsLevel: 1 })).resolves.toEqual([]);
      await expect(
        list({ orderBy: 'mlopsLevel', order: 'desc' }),
      ).resolves.toEqual([
        ['churn-training', 0],
        ['cart-service', null],
        ['checkout-api', null],
      ]);

      const csv = await request(server)
        .get(`${BASE}/scorecards`)
        .query({ format: 'csv', orderBy: 'mlopsLevel' })
        .set(USER);
      const [header, ...rows] = csv.text.trim().split('\r\n');
      const column = header.split(',').indexOf('mlopsLevel');
      expect(column).toBeGreaterThan(0);
      expect(rows.map(row => row.split(',')[column])).toEqual(['0', '', '']);

      const group = await request(server)
        .get(`${BASE}/rollups/group/default/checkout`)
        .set(USER);
      expect(group.body.entityCount).toBe(3);
      expect(group.body.mlops).toEqual({
        entityCount: 1,
        distribution: [1, 0, 0],
        median: 0,
        mostFailedChecks: expect.arrayContaining([
          {
            checkId: 'mlops.1.experiment-tracking',
            failed: 1,
            waived: 0,
            applicable: 1,
          },
        ]),
      });
    });
  });

  it('guards refresh and exemption decisions with their own permissions', async () => {
    const { server } = await startBackend(
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(r => ({
            result:
              'permission' in r &&
              r.permission.name === 'maturity.scorecard.read'
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          })),
      }),
    );
    expect(
      (
        await request(server)
          .post(`${BASE}/entities/component/default/checkout-api/refresh`)
          .set(USER)
      ).status,
    ).toBe(403);
    // Readers request exemptions; deciding needs maturity.exemption.decide.
    const requested = await request(server)
      .post(`${BASE}/entities/component/default/checkout-api/exemptions`)
      .set(USER)
      .send({ checkId: 'test.3.e2e-tests', reason: 'x' });
    expect(requested.status).toBe(201);
    expect(
      (
        await request(server)
          .delete(`${BASE}/exemptions/${requested.body.id}`)
          .set(USER)
      ).status,
    ).toBe(403);
    expect(
      (await request(server).get(`${BASE}/scorecards`).set(USER)).status,
    ).toBe(200);
  });

  it('guards every read with the read permission', async () => {
    const { server } = await startBackend(
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(() => ({ result: AuthorizeResult.DENY })),
      }),
    );
    const entity = `${BASE}/entities/component/default/checkout-api`;
    for (const path of [
      `${entity}/scorecard`,
      `${entity}/metrics`,
      `${entity}/history`,
      `${entity}/exemptions`,
      `${BASE}/scorecards`,
      `${BASE}/scorecards?format=csv`,
      `${BASE}/rollups/org`,
      `${BASE}/rollups/group/default/checkout`,
    ]) {
      const response = await request(server).get(path).set(USER);
      expect([path, response.status]).toEqual([path, 403]);
    }
  });
});
