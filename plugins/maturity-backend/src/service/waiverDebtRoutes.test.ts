import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import {
  MATURITY_API as BASE,
  startMaturityTestBackend,
  USER,
} from './__testUtils__/maturityTestBackend';

jest.setTimeout(60_000);

const CHECK = 'information.1.scm-and-ci-connected';

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
    metadata: { name: 'checkout-api', namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'group:default/checkout',
      lifecycle: 'production',
    },
  },
];

/** The plugin; the check connecting SCM and CI is approved on request. */
function startBackend() {
  return startMaturityTestBackend({
    entities,
    config: { maturity: { exemptions: { autoApprove: [CHECK] } } },
    tasksOnRequest: true,
  });
}

describe('waivers as debt, through the routes', () => {
  it('keeps the level without the waiver in the scorecard, the list, the CSV and the rollups', async () => {
    const { server, evaluateAll } = await startBackend();
    // Nothing connected: SCM and CI not connected fails information level
    // 1's required check; the waiver meets it, and level 2 (DORA metrics
    // computable) fails either way.
    const requested = await request(server)
      .post(`${BASE}/entities/component/default/checkout-api/exemptions`)
      .set(USER)
      .send({ checkId: CHECK, reason: 'Connected next sprint' });
    expect(requested.status).toBe(201);
    expect(requested.body.status).toBe('approved');
    await evaluateAll();

    const scorecard = (
      await request(server)
        .get(`${BASE}/entities/component/default/checkout-api/scorecard`)
        .set(USER)
    ).body;
    const check = scorecard.checks.find((c: any) => c.checkId === CHECK);
    expect(check).toMatchObject({
      state: 'exempt',
      stateWithoutWaiver: 'fail',
    });
    const information = scorecard.categories.find(
      (c: any) => c.category === 'information',
    );
    expect(information.level).toBe(1);
    expect(scorecard.levelsWithoutWaivers.categoryLevels.information).toBe(0);

    const list = async (query: Record<string, string | number>) => {
      const res = await request(server)
        .get(`${BASE}/scorecards`)
        .query(query)
        .set(USER);
      expect(res.status).toBe(200);
      return res.body.items;
    };
    const [item] = await list({});
    expect(item.levelsWithoutWaivers).toEqual(scorecard.levelsWithoutWaivers);
    expect(item.waivedCheckStates).toEqual({ [CHECK]: 'fail' });
    expect((await list({ waivedCheck: CHECK })).length).toBe(1);
    expect((await list({ failingCheck: CHECK })).length).toBe(0);
    const without = scorecard.levelsWithoutWaivers.overallLevel;
    expect(
      (await list({ levels: 'withoutWaivers', minLevel: without })).length,
    ).toBe(1);
    // Nothing lifts a bare entity to 5.
    expect(without).toBeLessThan(5);
    expect(
      (await list({ levels: 'withoutWaivers', minLevel: without + 1 })).length,
    ).toBe(0);

    const csv = await request(server)
      .get(`${BASE}/scorecards`)
      .query({ format: 'csv' })
      .set(USER);
    const [header, row] = csv.text.trim().split('\r\n');
    expect(header.split(',').slice(-2)).toEqual([
      'overallLevelWithoutWaivers',
      'waivedChecks',
    ]);
    expect(row.split(',').slice(-2)).toEqual([String(without), '1']);

    const org = (await request(server).get(`${BASE}/rollups/org`).set(USER))
      .body;
    expect(org.checkBands.waived).toBe(1);
    expect(org.mostFailedChecks).toContainEqual({
      checkId: CHECK,
      failed: 0,
      waived: 1,
      applicable: 1,
    });
    expect(org.withoutWaivers.categories.information.distribution).toEqual([
      1, 0, 0, 0, 0, 0,
    ]);
    expect(org.categories.information.distribution).toEqual([0, 1, 0, 0, 0, 0]);
    const team = (
      await request(server)
        .get(`${BASE}/rollups/group/default/checkout`)
        .set(USER)
    ).body;
    expect(team.withoutWaivers.children).toEqual([
      expect.objectContaining({
        scopeRef: 'component:default/checkout-api',
        overallMedian: without,
      }),
    ]);
  });

  it('refuses an unknown waived check or levels value, naming the parameter', async () => {
    const { server } = await startBackend();
    const unknown = await request(server)
      .get(`${BASE}/scorecards`)
      .query({ waivedCheck: 'test.9.nothing' })
      .set(USER);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      "waivedCheck: unknown check 'test.9.nothing'",
    );
    const levels = await request(server)
      .get(`${BASE}/scorecards`)
      .query({ levels: 'raw' })
      .set(USER);
    expect(levels.status).toBe(400);
    expect(levels.body.error.message).toBe(
      'request/query/levels must be equal to one of the allowed values: asScored, withoutWaivers',
    );
  });
});
