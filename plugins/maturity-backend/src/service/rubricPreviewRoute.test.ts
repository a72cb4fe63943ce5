import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CheckResult,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import request from 'supertest';
import {
  MATURITY_API as BASE,
  startMaturityTestBackend,
  USER,
} from './__testUtils__/maturityTestBackend';

jest.setTimeout(60_000);

const PREVIEW = `${BASE}/rubric/preview`;

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
      tags: ['java'],
    },
    spec: {
      type: 'service',
      owner: 'group:default/checkout',
      lifecycle: 'production',
      system: 'shop',
    },
  },
];

async function startBackend(
  permissions?: ReturnType<typeof mockServices.permissions.mock>,
) {
  return (await startMaturityTestBackend({ entities, permissions })).server;
}

describe('POST /v1/rubric/preview', () => {
  it('previews a change of which check a level requires from the stored results', async () => {
    const server = await startBackend();
    const refreshed = await request(server)
      .post(`${BASE}/entities/component/default/checkout-api/refresh`)
      .set(USER);
    expect(refreshed.status).toBe(200);
    const scorecard: Scorecard = refreshed.body;

    // The active rubric against itself changes nothing.
    const same = await request(server)
      .post(PREVIEW)
      .set(USER)
      .send({ rubric: {} });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({
      currentRubricVersion: scorecard.rubricVersion,
      proposedRubricVersion: scorecard.rubricVersion,
      entitiesCompared: 1,
      entitiesChanged: 0,
      notPreviewable: 0,
      changedChecks: [],
      levelChanges: [],
      entities: { items: [], totalCount: 0, limit: 50, offset: 0 },
    });

    // A category at level 1 or above and its level-1 required check:
    // requiring instead an added check that fails (no incident tool is
    // connected) leaves level 1 unmet, so the category drops to 0. The
    // added check is evaluated from the inputs stored with the metrics.
    const category = scorecard.categories.find(c => c.level >= 1)!;
    expect(category).toBeDefined();
    const required = scorecard.checks.find(
      (c: CheckResult) =>
        c.category === category.category && c.level === 1 && c.required,
    )!;
    const added = `${category.category}.1.incident-tool-connected`;
    const response = await request(server)
      .post(`${PREVIEW}?limit=10`)
      .set(USER)
      .send({
        rubric: {
          checks: { [required.checkId]: { required: false } },
          addChecks: [
            {
              id: added,
              category: category.category,
              level: 1,
              title: 'Incident tool connected',
              howToFix: 'Connect an incident tool.',
              required: true,
              rule: { kind: 'connection', connections: ['incidents'] },
            },
          ],
        },
      });
    expect(response.status).toBe(200);
    expect(response.body.entitiesChanged).toBe(1);
    expect(
      response.body.changedChecks
        .map((c: { checkId: string }) => c.checkId)
        .sort(),
    ).toEqual([required.checkId, added].sort());
    expect(response.body.levelChanges).toContainEqual({
      scope: category.category,
      kind: 'component',
      from: category.level,
      to: 0,
      count: 1,
    });
    expect(response.body.teams).toEqual([
      expect.objectContaining({
        ownerRef: 'group:default/checkout',
        changed: 1,
      }),
    ]);
    expect(response.body.entities).toMatchObject({
      totalCount: 1,
      limit: 10,
      items: [
        {
          entityRef: 'component:default/checkout-api',
          ownerRef: 'group:default/checkout',
          kind: 'component',
        },
      ],
    });
    expect(response.body.entities.items[0].changes).toContainEqual({
      scope: category.category,
      from: category.level,
      to: 0,
    });
    // Both changed checks are of level 1, between 0 and the old level.
    expect(response.body.entities.items[0].checks.sort()).toEqual(
      [required.checkId, added].sort(),
    );
  });

  it('refuses an invalid override with a 400 naming the path of the field', async () => {
    const server = await startBackend();
    const send = (body: object) =>
      request(server).post(PREVIEW).set(USER).send(body);

    const threshold = await send({
      rubric: { checks: { 'test.3.e2e-tests': { threshold: 'high' } } },
    });
    expect(threshold.status).toBe(400);
    expect(threshold.body.error.message).toMatch(
      /^rubric\.checks\.test\.3\.e2e-tests\.threshold: must be a number/,
    );

    const unknown = await send({ rubric: { checks: { 'no.such': {} } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(
      /^rubric\.checks\.no\.such: unknown check id 'no\.such'/,
    );

    const rule = await send({
      rubric: {
        addChecks: [
          {
            id: 'test.2.mine',
            category: 'test',
            level: 2,
            title: 'Mine',
            howToFix: 'Do it.',
            rule: {
              kind: 'metric',
              metric: 'deploy_freq',
              op: '>=',
              threshold: 1,
            },
          },
        ],
      },
    });
    expect(rule.status).toBe(400);
    expect(rule.body.error.message).toMatch(
      /^rubric\.addChecks\[0\]\.rule\.metric: unknown metric 'deploy_freq'/,
    );

    // The body itself is checked against the spec.
    expect((await send({})).status).toBe(400);
    expect((await send({ rubric: {}, extra: 1 })).status).toBe(400);
  });

  it('needs the rubric preview permission, not only the read permission', async () => {
    const server = await startBackend(
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
    const denied = await request(server)
      .post(PREVIEW)
      .set(USER)
      .send({ rubric: {} });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('maturity.rubric.preview');
  });
});
