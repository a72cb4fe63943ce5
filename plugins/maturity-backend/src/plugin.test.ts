import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  MaturityEventSink,
  MaturityEventSource,
  maturitySourcesExtensionPoint,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import YAML from 'yaml';
import fs from 'node:fs';
import path from 'node:path';
import { BuildEvent } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { maturityPlugin } from './plugin';
import { spec } from './schema/openapi.generated';

const ENTITY = 'component:default/checkout-api';
const EVENTS_URL =
  '/api/maturity/v1/entities/component/default/checkout-api/events';

const deployment = {
  type: 'deployment',
  externalId: 'deploy-1842',
  entityRef: ENTITY,
  environment: 'production',
  commitSha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
  status: 'success',
  automated: true,
  startedAt: '2026-11-20T14:02:11Z',
  finishedAt: '2026-11-20T14:06:40Z',
};

const build: Omit<BuildEvent, 'source'> = {
  type: 'build',
  externalId: 'jenkins-checkout-api-981',
  entityRef: ENTITY,
  status: 'failure',
  branch: 'main',
  isDefaultBranch: true,
  startedAt: '2026-11-20T13:40:00Z',
  finishedAt: '2026-11-20T13:52:00Z',
  steps: ['build', 'unit-test'],
};

async function startBackend(
  options: {
    permissions?: ReturnType<typeof mockServices.permissions.mock>;
    modules?: Parameters<typeof startTestBackend>[0]['features'];
    entities?: Entity[];
  } = {},
) {
  const { server } = await startTestBackend({
    features: [
      maturityPlugin,
      ...(options.modules ?? []),
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      mockServices.rootConfig.factory({
        data: {
          maturity: { ingest: { maxEventsPerBatch: 10, maxBodyBytes: 20_000 } },
        },
      }),
      ...(options.permissions ? [options.permissions.factory] : []),
    ],
  });
  return server;
}

const ingest = (
  server: Awaited<ReturnType<typeof startBackend>>,
  body: unknown,
) =>
  request(server)
    .post('/api/maturity/v1/events')
    .set('Authorization', mockCredentials.service.header())
    .send(body as object);

const storedEvents = async (
  server: Awaited<ReturnType<typeof startBackend>>,
) => {
  const res = await request(server)
    .get(EVENTS_URL)
    .set('Authorization', mockCredentials.user.header());
  expect(res.status).toBe(200);
  return res.body.items as Array<Record<string, unknown>>;
};

describe('maturity plugin API', () => {
  it('ingests a batch with a service token and serves it back', async () => {
    const server = await startBackend();
    const res = await ingest(server, {
      source: 'jenkins',
      events: [deployment, build],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 2, updated: 0, unchanged: 0 });

    const items = await storedEvents(server);
    expect(items.map(e => e.externalId)).toEqual([
      'deploy-1842',
      'jenkins-checkout-api-981',
    ]);
    expect(items[0]).toMatchObject({
      ...deployment,
      source: 'jenkins',
      startedAt: '2026-11-20T14:02:11.000Z',
      finishedAt: '2026-11-20T14:06:40.000Z',
      id: expect.stringMatching(/^deployment:/),
    });

    const activity = await request(server)
      .get('/api/maturity/v1/entities/component/default/checkout-api/activity')
      .query({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' })
      .set('Authorization', mockCredentials.user.header());
    expect(activity.status).toBe(200);
    expect(activity.body.counts).toEqual({
      build: 1,
      deployment: 1,
      change: 0,
      incident: 0,
      repo_fact: 0,
    });
  });

  it('treats a replay as a no-op and a newer version as an update', async () => {
    const server = await startBackend();
    await ingest(server, { source: 'jenkins', events: [deployment] });
    const replay = await ingest(server, {
      source: 'jenkins',
      events: [deployment],
    });
    expect(replay.body).toEqual({ created: 0, updated: 0, unchanged: 1 });

    const incident = {
      type: 'incident',
      source: 'pagerduty',
      externalId: 'Q2W3E4R5',
      entityRef: ENTITY,
      status: 'triggered',
      urgency: 'high',
      triggeredAt: '2026-11-20T15:00:00Z',
    };
    await ingest(server, { events: [incident] });
    const resolved = await ingest(server, {
      events: [
        { ...incident, status: 'resolved', resolvedAt: '2026-11-20T15:40:00Z' },
      ],
    });
    expect(resolved.body).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const items = await storedEvents(server);
    expect(items.find(e => e.type === 'incident')).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-11-20T15:40:00.000Z',
    });
  });

  it('normalizes entity refs so reads find events whatever their spelling', async () => {
    const server = await startBackend();
    await ingest(server, {
      source: 'jenkins',
      events: [{ ...deployment, entityRef: 'Component:checkout-API' }],
    });
    const items = await storedEvents(server);
    expect(items).toHaveLength(1);
    expect(items[0].entityRef).toBe(ENTITY);
  });

  it('pages reads with a cursor and filters by type', async () => {
    const server = await startBackend();
    const builds = Array.from({ length: 5 }, (_, i) => ({
      ...build,
      externalId: `b-${i}`,
      startedAt: `2026-11-2${i}T10:00:00Z`,
      finishedAt: undefined,
    }));
    await ingest(server, {
      source: 'jenkins',
      events: [...builds, deployment],
    });
    const first = await request(server)
      .get(EVENTS_URL)
      .query({ type: 'build', limit: 3 })
      .set('Authorization', mockCredentials.user.header());
    expect(first.status).toBe(200);
    expect(first.body.items.map((e: any) => e.externalId)).toEqual([
      'b-4',
      'b-3',
      'b-2',
    ]);
    const second = await request(server)
      .get(EVENTS_URL)
      .query({ type: 'build', limit: 3, cursor: first.body.nextCursor })
      .set('Authorization', mockCredentials.user.header());
    expect(second.body.items.map((e: any) => e.externalId)).toEqual([
      'b-1',
      'b-0',
    ]);
    expect(second.body.nextCursor).toBeUndefined();
  });

  describe('bad input answers 400 naming the item and field, and writes nothing', () => {
    const valid = { ...deployment, source: 'jenkins' };
    const cases: Array<[string, unknown, RegExp]> = [
      [
        'a field of the wrong type',
        { events: [valid, { ...valid, externalId: 'x', automated: 'yes' }] },
        /events\[1\]\.automated must be boolean/,
      ],
      [
        'a missing field',
        {
          events: [
            valid,
            valid,
            { ...valid, externalId: 'y', environment: undefined },
          ],
        },
        /events\[2\]\.environment is required/,
      ],
      [
        'an unparsable time',
        { events: [{ ...valid, startedAt: 'yesterday afternoon' }] },
        /events\[0\]\.startedAt must be an RFC 3339 date-time/,
      ],
      [
        'an impossible calendar time',
        {
          events: [
            valid,
            { ...valid, externalId: 'z', startedAt: '2026-02-30T10:00:00Z' },
          ],
        },
        /events\[1\]\.startedAt must be an RFC 3339 date-time/,
      ],
      [
        'a malformed entity ref',
        {
          events: [
            valid,
            { ...valid, externalId: 'w', entityRef: 'checkout-api' },
          ],
        },
        /events\[1\]\.entityRef.*entity reference/,
      ],
      [
        'an unknown event type',
        { events: [{ ...valid, type: 'release' }] },
        /events\[0\]\.type must be one of build, deployment, change, incident, repo_fact/,
      ],
      [
        'an unknown field',
        { events: [{ ...valid, startAt: '2026-11-20T14:02:11Z' }] },
        /events\[0\]\.startAt is not a field of a deployment event/,
      ],
      [
        'an event without a source',
        { events: [deployment] },
        /events\[0\]\.source/,
      ],
      [
        'an oversize batch',
        {
          events: Array.from({ length: 11 }, (_, i) => ({
            ...valid,
            externalId: `d${i}`,
          })),
        },
        /events: a batch holds at most 10 events, got 11/,
      ],
      [
        'an empty batch',
        { events: [] },
        /events must NOT have fewer than 1 items/,
      ],
      ['a body without events', { source: 'jenkins' }, /events is required/],
      [
        'times out of order',
        { events: [{ ...valid, finishedAt: '2026-11-20T13:00:00Z' }] },
        /events\[0\]\.finishedAt must not be before startedAt/,
      ],
      [
        'a merged change without mergedAt',
        {
          events: [
            {
              type: 'change',
              source: 'github',
              externalId: 'pr-1',
              entityRef: ENTITY,
              kind: 'pull_request',
              state: 'merged',
              openedAt: '2026-11-20T10:00:00Z',
            },
          ],
        },
        /events\[0\]\.mergedAt is required when state is merged/,
      ],
      [
        'a resolved incident without resolvedAt',
        {
          events: [
            {
              type: 'incident',
              source: 'pd',
              externalId: 'Q1',
              entityRef: ENTITY,
              status: 'resolved',
              urgency: 'high',
              triggeredAt: '2026-11-20T10:00:00Z',
            },
          ],
        },
        /events\[0\]\.resolvedAt/,
      ],
      [
        'a malformed commit sha',
        { events: [{ ...valid, commitSha: 'not-a-sha' }] },
        /events\[0\]\.commitSha must match pattern/,
      ],
    ];

    it.each(cases)('%s', async (_name, body, message) => {
      const server = await startBackend();
      const res = await ingest(server, body);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(message);
      expect(await storedEvents(server)).toEqual([]);
    });

    it('refuses a body above the size limit with 413', async () => {
      const server = await startBackend();
      const res = await ingest(server, {
        events: [
          { ...valid, url: `https://ci.example.com/${'x'.repeat(30_000)}` },
        ],
      });
      expect(res.status).toBe(413);
      expect(await storedEvents(server)).toEqual([]);
    });

    it('refuses a malformed JSON body', async () => {
      const server = await startBackend();
      const res = await request(server)
        .post('/api/maturity/v1/events')
        .set('Authorization', mockCredentials.service.header())
        .set('Content-Type', 'application/json')
        .send('{"events": [');
      expect(res.status).toBe(400);
    });

    it('refuses bad read parameters', async () => {
      const server = await startBackend();
      const auth = { Authorization: mockCredentials.user.header() };
      expect(
        (await request(server).get(EVENTS_URL).query({ limit: 0 }).set(auth))
          .status,
      ).toBe(400);
      expect(
        (
          await request(server)
            .get(EVENTS_URL)
            .query({ type: 'release' })
            .set(auth)
        ).status,
      ).toBe(400);
      expect(
        (
          await request(server)
            .get(EVENTS_URL)
            .query({ from: 'monday' })
            .set(auth)
        ).status,
      ).toBe(400);
      const reversed = await request(server)
        .get(EVENTS_URL)
        .query({ from: '2026-11-20T00:00:00Z', to: '2026-11-01T00:00:00Z' })
        .set(auth);
      expect(reversed.status).toBe(400);
      expect(reversed.body.error.message).toMatch(/from: must be before to/);
      const cursor = await request(server)
        .get(EVENTS_URL)
        .query({ cursor: 'abc' })
        .set(auth);
      expect(cursor.status).toBe(400);
      expect(cursor.body.error.message).toMatch(/cursor/);
    });
  });

  describe('auth', () => {
    it('answers 401 without a token', async () => {
      // The test backend signs requests without a header in as a user unless
      // told otherwise; a real backend rejects them.
      const server = await startBackend({
        modules: [
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
      });
      const responses = [
        await request(server)
          .post('/api/maturity/v1/events')
          .send({ source: 'jenkins', events: [deployment] }),
        await request(server).get(EVENTS_URL),
        await request(server).get(
          '/api/maturity/v1/entities/component/default/checkout-api/activity',
        ),
        await request(server).get('/api/maturity/openapi.json'),
      ];
      expect(responses.map(r => r.status)).toEqual([401, 401, 401, 401]);
      const items = await request(server)
        .get(EVENTS_URL)
        .set('Authorization', mockCredentials.user.header());
      expect(items.body.items).toEqual([]);
    });

    it('answers 403 to ingestion without the create permission, and writes nothing', async () => {
      const permissions = mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(r => ({
            result:
              'permission' in r && r.permission.name === 'maturity.events.read'
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          })),
      });
      const server = await startBackend({ permissions });
      const res = await ingest(server, {
        source: 'jenkins',
        events: [deployment],
      });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/maturity\.events\.create/);
      expect(await storedEvents(server)).toEqual([]);
    });

    it('answers 403 to reads without the read permission', async () => {
      const server = await startBackend({
        permissions: mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(() => ({ result: AuthorizeResult.DENY })),
        }),
      });
      const res = await request(server)
        .get(EVENTS_URL)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(403);
    });
  });

  it('lets source modules write through the same validated, idempotent path', async () => {
    let sink: MaturityEventSink | undefined;
    const circleci = createBackendModule({
      pluginId: 'maturity',
      moduleId: 'circleci-source',
      register(env) {
        env.registerInit({
          deps: { sources: maturitySourcesExtensionPoint },
          async init({ sources }) {
            sources.addSource({
              id: 'circleci',
              connect: async s => {
                sink = s;
              },
            });
          },
        });
      },
    });
    const server = await startBackend({ modules: [circleci] });
    expect(sink).toBeDefined();

    const { type: _t, ...fields } = build;
    const event = {
      type: 'build' as const,
      ...fields,
      status: 'success' as const,
    };
    await expect(sink!.write([event])).resolves.toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
    });
    await expect(sink!.write([event])).resolves.toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
    });
    await expect(
      sink!.write([{ ...event, externalId: 'bad', entityRef: 'checkout-api' }]),
    ).rejects.toThrow(/events\[0\]\.entityRef/);
    await sink!.setCursor(ENTITY, 'page-7');
    await expect(sink!.getCursor(ENTITY)).resolves.toBe('page-7');

    const items = await storedEvents(server);
    expect(items).toEqual([
      expect.objectContaining({
        source: 'circleci',
        externalId: build.externalId,
      }),
    ]);
  });

  const sourceModule = (source: MaturityEventSource) =>
    createBackendModule({
      pluginId: 'maturity',
      moduleId: `${source.id}-source`,
      register(env) {
        env.registerInit({
          deps: { sources: maturitySourcesExtensionPoint },
          async init({ sources }) {
            sources.addSource(source);
          },
        });
      },
    });

  it('counts an entity mapped by an incident source as connected to an incident tool', async () => {
    const entity = (name: string, annotations: Record<string, string>) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default', annotations },
      spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
    });
    const server = await startBackend({
      modules: [
        sourceModule({
          id: 'incident-io',
          collects: ['incident'],
          entityAnnotations: ['incident.io/service'],
          connect: async () => {},
        }),
      ],
      entities: [
        entity('mapped', { 'incident.io/service': 'svc-1' }),
        entity('unmapped', {}),
      ],
    });
    const check = async (name: string) => {
      const res = await request(server)
        .post(`/api/maturity/v1/entities/component/default/${name}/refresh`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      return res.body.checks.find(
        (c: { checkId: string }) =>
          c.checkId === 'culture.3.incident-service-mapped',
      ).state;
    };
    await expect(check('mapped')).resolves.toBe('pass');
    await expect(check('unmapped')).resolves.toBe('fail');
  });

  it('refuses a source that declares an unknown event type', async () => {
    await expect(
      startBackend({
        modules: [
          sourceModule({
            id: 'odd',
            collects: ['alert' as 'incident'],
            connect: async () => {},
          }),
        ],
      }),
    ).rejects.toThrow(
      "Maturity source 'odd' collects unknown event types: alert",
    );
  });

  it('serves its OpenAPI spec, which matches openapi.yaml', async () => {
    const yamlSpec = YAML.parse(
      fs.readFileSync(path.resolve(__dirname, 'schema/openapi.yaml'), 'utf8'),
    );
    // The generated constant must not drift from the YAML it comes from.
    expect(spec).toEqual(yamlSpec);

    const server = await startBackend();
    const res = await request(server)
      .get('/api/maturity/openapi.json')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.info.title).toBe('maturity');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/maturity/v1/events']),
    );
  });
});
