import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  MATURITY_API as BASE,
  startMaturityTestBackend,
} from './__testUtils__/maturityTestBackend';

jest.setTimeout(60_000);

const CHECKOUT = 'component:default/checkout-api';
const ENTITY_URL = `${BASE}/entities/component/default/checkout-api`;
const as = (userEntityRef: string) => ({
  Authorization: mockCredentials.user.header(userEntityRef),
});
const ANA = as('user:default/ana');
const BO = as('user:default/bo');
const SERVICE = { Authorization: mockCredentials.service.header() };

const entities: Entity[] = [
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

const inDays = (n: number) => new Date(Date.now() + n * 86400000).toISOString();

/**
 * The plugin with a policy: everyone reads; only `deciders` decide, and the
 * resource refs the decide permission was asked for are recorded.
 */
async function startBackend(
  options: {
    deciders?: string[];
    autoApprove?: string[];
  } = {},
) {
  const decideRefs: string[] = [];
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, { credentials }) =>
      (requests as AuthorizePermissionRequest[]).map(r => {
        if (r.permission.name !== 'maturity.exemption.decide') {
          return { result: AuthorizeResult.ALLOW };
        }
        decideRefs.push(r.resourceRef!);
        const user = (credentials.principal as { userEntityRef?: string })
          .userEntityRef;
        return {
          result: options.deciders?.includes(user ?? '')
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        };
      }),
  });
  const { server } = await startMaturityTestBackend({
    entities,
    permissions,
    config: {
      maturity: { exemptions: { autoApprove: options.autoApprove ?? [] } },
    },
    tasksOnRequest: true,
  });
  return { server, decideRefs };
}

describe('exemption routes', () => {
  it('lets a reader request, a decider approve with a shorter expiry, and keeps the audit list', async () => {
    const { server, decideRefs } = await startBackend({
      deciders: ['user:default/bo', 'user:default/ana'],
    });
    const requested = await request(server)
      .post(`${ENTITY_URL}/exemptions`)
      .set(ANA)
      .send({
        checkId: 'test.3.e2e-tests',
        reason: ' E2E suite runs in the storefront repository ',
        expiresAt: inDays(30),
      });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      entityRef: CHECKOUT,
      checkId: 'test.3.e2e-tests',
      reason: 'E2E suite runs in the storefront repository',
      status: 'requested',
      author: 'user:default/ana',
    });
    expect(requested.body.requestedExpiresAt).toBe(requested.body.expiresAt);
    const id = requested.body.id;

    // The requester holds the decide permission, yet never decides their own.
    const own = await request(server)
      .post(`${BASE}/exemptions/${id}/approve`)
      .set(ANA)
      .send({});
    expect(own.status).toBe(403);
    expect(own.body.error.message).toBe(
      'A requester may not decide their own exemption request',
    );

    // Approval may shorten the expiry, never lengthen it.
    const longer = await request(server)
      .post(`${BASE}/exemptions/${id}/approve`)
      .set(BO)
      .send({ expiresAt: inDays(60) });
    expect(longer.status).toBe(400);
    expect(longer.body.error.message).toMatch(
      /^expiresAt: must not be after the requested expiry /,
    );
    const shorter = inDays(7);
    const approved = await request(server)
      .post(`${BASE}/exemptions/${id}/approve`)
      .set(BO)
      .send({ expiresAt: shorter, comment: 'A week, then we talk' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      expiresAt: shorter,
      requestedExpiresAt: requested.body.expiresAt,
      decidedBy: 'user:default/bo',
      decisionComment: 'A week, then we talk',
    });
    expect(decideRefs).toEqual([CHECKOUT, CHECKOUT, CHECKOUT]);

    // State machine: a decided request is decided once; only a waiting
    // request is withdrawn.
    for (const [action, body] of [
      ['approve', {}],
      ['deny', { comment: 'Too late' }],
      ['withdraw', {}],
    ] as const) {
      const res = await request(server)
        .post(`${BASE}/exemptions/${id}/${action}`)
        .set(action === 'withdraw' ? ANA : BO)
        .send(body);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toBe(
        `Exemption ${id} is approved, not requested`,
      );
    }

    const revoked = await request(server)
      .post(`${BASE}/exemptions/${id}/revoke`)
      .set(BO)
      .send({ comment: 'Suite moved here' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    expect(
      (
        await request(server)
          .post(`${BASE}/exemptions/${id}/revoke`)
          .set(BO)
          .send({})
      ).status,
    ).toBe(409);

    const listed = await request(server)
      .get(`${ENTITY_URL}/exemptions`)
      .set(BO);
    expect(listed.body.items.map((e: any) => [e.id, e.status])).toEqual([
      [id, 'revoked'],
    ]);
    const audit = await request(server)
      .get(`${ENTITY_URL}/exemption-events`)
      .set(BO);
    expect(audit.status).toBe(200);
    expect(
      audit.body.items.map((e: any) => [e.action, e.actor, e.comment]),
    ).toEqual([
      ['revoked', 'user:default/bo', 'Suite moved here'],
      ['approved', 'user:default/bo', 'A week, then we talk'],
      ['requested', 'user:default/ana', undefined],
    ]);
  });

  it('denies with a comment, withdraws only for the requester, and refuses non-deciders', async () => {
    const { server } = await startBackend({ deciders: ['user:default/bo'] });
    const ask = async () =>
      (
        await request(server)
          .post(`${ENTITY_URL}/exemptions`)
          .set(ANA)
          .send({ checkId: 'test.3.e2e-tests', reason: 'Storefront runs it' })
      ).body.id as string;
    const first = await ask();

    // Ana may read and request but not decide; Cy may not decide either.
    for (const [who, action] of [
      [ANA, 'revoke'],
      [as('user:default/cy'), 'approve'],
      [as('user:default/cy'), 'deny'],
    ] as const) {
      const res = await request(server)
        .post(`${BASE}/exemptions/${first}/${action}`)
        .set(who)
        .send({ comment: 'x' });
      expect(res.status).toBe(403);
    }

    const noComment = await request(server)
      .post(`${BASE}/exemptions/${first}/deny`)
      .set(BO)
      .send({});
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.message).toMatch(/comment/);
    const blank = await request(server)
      .post(`${BASE}/exemptions/${first}/deny`)
      .set(BO)
      .send({ comment: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toBe('comment: must not be blank');
    const denied = await request(server)
      .post(`${BASE}/exemptions/${first}/deny`)
      .set(BO)
      .send({ comment: 'Run the suite here' });
    expect(denied.body).toMatchObject({
      status: 'denied',
      decidedBy: 'user:default/bo',
      decisionComment: 'Run the suite here',
    });

    const second = await ask();
    const notMine = await request(server)
      .post(`${BASE}/exemptions/${second}/withdraw`)
      .set(BO)
      .send({});
    expect(notMine.status).toBe(403);
    const withdrawn = await request(server)
      .post(`${BASE}/exemptions/${second}/withdraw`)
      .set(ANA)
      .send({ comment: 'Fixed it instead' });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });
    expect(withdrawn.body.endedAt).toBeDefined();

    expect(
      (
        await request(server)
          .post(`${BASE}/exemptions/no-such-id/approve`)
          .set(BO)
          .send({})
      ).status,
    ).toBe(404);
    // Exemptions are requested by people, never by services.
    expect(
      (
        await request(server)
          .post(`${ENTITY_URL}/exemptions`)
          .set(SERVICE)
          .send({ checkId: 'test.3.e2e-tests', reason: 'x' })
      ).status,
    ).toBe(403);
    for (const [body, message] of [
      [{ checkId: 'test.3.nope', reason: 'x' }, /^checkId: unknown check/],
      [
        { checkId: 'test.3.e2e-tests', reason: '   ' },
        /^reason: must not be blank/,
      ],
      [
        {
          checkId: 'test.3.e2e-tests',
          reason: 'x',
          expiresAt: '2020-01-01T00:00:00Z',
        },
        /^expiresAt: must be in the future/,
      ],
    ] as const) {
      const res = await request(server)
        .post(`${ENTITY_URL}/exemptions`)
        .set(ANA)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
  });

  it('approves requests for auto-approved checks at once, as system, and they count', async () => {
    const { server } = await startBackend({
      autoApprove: ['build-deploy.2.deployment-recorded'],
    });
    const res = await request(server)
      .post(`${ENTITY_URL}/exemptions`)
      .set(ANA)
      .send({
        checkId: 'build-deploy.2.deployment-recorded',
        reason: 'Deploys are recorded by the vendor',
      });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'approved', decidedBy: 'system' });
    const audit = await request(server)
      .get(`${ENTITY_URL}/exemption-events`)
      .set(ANA);
    expect(audit.body.items.map((e: any) => [e.action, e.actor])).toEqual([
      ['approved', 'system'],
      ['requested', 'user:default/ana'],
    ]);
    // A waiting request does not count; the approved one does.
    await request(server)
      .post(`${ENTITY_URL}/exemptions`)
      .set(ANA)
      .send({ checkId: 'test.3.e2e-tests', reason: 'Waiting' })
      .expect(201);
    const scorecard = await request(server)
      .post(`${ENTITY_URL}/refresh`)
      .set(ANA);
    const stateOf = (checkId: string) =>
      scorecard.body.checks.find((c: any) => c.checkId === checkId).state;
    expect(stateOf('build-deploy.2.deployment-recorded')).toBe('exempt');
    expect(stateOf('test.3.e2e-tests')).not.toBe('exempt');
  });
});
