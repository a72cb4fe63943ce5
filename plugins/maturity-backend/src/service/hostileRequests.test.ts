import { mockCredentials } from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { maturitySourcesExtensionPoint } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import request from 'supertest';
import {
  MATURITY_API as BASE,
  startMaturityTestBackend,
  USER,
} from './__testUtils__/maturityTestBackend';

// The requests of issue 12, each answered with a 4xx naming what is wrong.

jest.setTimeout(60_000);

const ENTITY = 'component:default/checkout-api';
const ENTITY_URL = `${BASE}/entities/component/default/checkout-api`;
const SERVICE = { Authorization: mockCredentials.service.header() };

const deployment = {
  type: 'deployment',
  source: 'jenkins',
  externalId: 'deploy-1842',
  entityRef: ENTITY,
  environment: 'production',
  commitSha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
  status: 'success',
  startedAt: '2026-11-20T14:02:11Z',
  finishedAt: '2026-11-20T14:06:40Z',
};

const installedSource = (id: string) =>
  createBackendModule({
    pluginId: 'maturity',
    moduleId: `${id}-source`,
    register(env) {
      env.registerInit({
        deps: { sources: maturitySourcesExtensionPoint },
        async init({ sources }) {
          sources.addSource({ id, connect: async () => {} });
        },
      });
    },
  });

async function startBackend(
  options: { ingest?: JsonObject; sources?: string[] } = {},
) {
  const { server } = await startMaturityTestBackend({
    config: {
      maturity: {
        ingest: { maxBodyBytes: 6 * 1024 * 1024, ...options.ingest },
      },
    },
    features: (options.sources ?? []).map(installedSource),
  });
  return server;
}

type Server = Awaited<ReturnType<typeof startBackend>>;

const ingest = (server: Server, body: unknown, auth = SERVICE) =>
  request(server)
    .post(`${BASE}/events`)
    .set(auth)
    .set('Content-Type', 'application/json')
    .send(typeof body === 'string' ? body : JSON.stringify(body));

const stored = async (server: Server) => {
  const res = await request(server)
    .get(`${ENTITY_URL}/events`)
    .query({ limit: 500 })
    .set(USER);
  expect(res.status).toBe(200);
  return res.body.items as Array<Record<string, unknown>>;
};

describe('hostile requests', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startBackend();
  });

  it('refuses deeply nested JSON with 400 naming the body, not a stack overflow', async () => {
    for (const depth of [17, 3000, 5000, 100_000]) {
      const type = `${'['.repeat(depth)}"build"${']'.repeat(depth)}`;
      const res = await ingest(
        server,
        `{"events":[{"type":${type},"externalId":"x"}]}`,
      );
      expect([depth, res.status]).toEqual([depth, 400]);
      expect(res.body.error.message).toMatch(
        /^body: nests arrays and objects deeper than 16 levels/,
      );
    }
    expect(await stored(server)).toEqual([]);
  });

  it('refuses unparsable JSON and other charsets, naming the body', async () => {
    const broken = await ingest(server, '{"events": [');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/^body: not valid JSON/);
    const utf16 = await request(server)
      .post(`${BASE}/events`)
      .set(SERVICE)
      .set('Content-Type', 'application/json; charset=utf-16')
      .send('{"events":[]}');
    expect(utf16.status).toBe(415);
    const latin1 = await request(server)
      .post(`${BASE}/events`)
      .set(SERVICE)
      .set('Content-Type', 'application/json; charset=iso-8859-1')
      .send('{"events":[]}');
    expect(latin1.status).toBe(415);
    expect(latin1.body.error.message).toMatch(/^body: /);
  });

  it.each([
    ['activity', 'from', '2026-12-31T23:59:60Z'],
    ['activity', 'from', '2026-13-01T00:00:00Z'],
    ['activity', 'to', '2026-11-20T10:00:00+24:00'],
    ['events', 'from', '2026-02-30T00:00:00Z'],
    ['events', 'to', '2026-12-31T23:59:60Z'],
    ['history', 'from', '2026-02-30T00:00:00Z'],
    ['history', 'to', '2026-13-01T00:00:00Z'],
    ['history', 'asOf', '2026-02-30'],
    ['history', 'asOf', '2026-12-31T23:59:60Z'],
  ])(
    'GET %s?%s=%s answers 400 naming the parameter',
    async (route, name, value) => {
      const res = await request(server)
        .get(`${ENTITY_URL}/${route}`)
        .query({ [name]: value })
        .set(USER);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(new RegExp(`^${name}: `));
    },
  );

  it.each([
    [`${ENTITY_URL}/events`, 'limit', 'Infinity'],
    [`${ENTITY_URL}/events`, 'limit', '-Infinity'],
    [`${ENTITY_URL}/events`, 'limit', '0x10'],
    [`${ENTITY_URL}/events`, 'limit', '1e3'],
    [`${ENTITY_URL}/events`, 'limit', '501'],
    [`${BASE}/scorecards`, 'offset', '99999999999999999999'],
    [`${BASE}/scorecards`, 'offset', 'Infinity'],
    [`${BASE}/scorecards`, 'offset', '1000001'],
    [`${BASE}/scorecards`, 'maxLevel', 'Infinity'],
    [`${BASE}/scorecards`, 'minLevel', '-1'],
    [`${BASE}/scorecards`, 'limit', '2.5'],
  ])(
    'GET %s?%s=%s answers 400 naming the parameter',
    async (url, name, value) => {
      const res = await request(server)
        .get(url)
        .query({ [name]: value })
        .set(USER);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        new RegExp(`^${name}: must be a decimal integer`),
      );
      expect(JSON.stringify(res.body)).not.toMatch(/select|from "/i);
    },
  );

  it('refuses a repeated integer parameter', async () => {
    const res = await request(server)
      .get(`${ENTITY_URL}/events?limit=1&limit=2`)
      .set(USER);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^limit: /);
  });

  it('refuses an exemption expiring on a leap second or an impossible day', async () => {
    for (const expiresAt of ['2026-12-31T23:59:60Z', '2027-02-30T00:00:00Z']) {
      const res = await request(server)
        .post(`${ENTITY_URL}/exemptions`)
        .set(USER)
        .send({ checkId: 'test.3.e2e-tests', reason: 'Migrating', expiresAt });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/expiresAt/);
    }
  });

  it('refuses an event whose array is 2.5 million items long before parsing it', async () => {
    const huge = `{"events":[{"type":"build","source":"jenkins","externalId":"b","entityRef":"${ENTITY}","status":"success","startedAt":"2026-11-20T10:00:00Z","steps":[${'1,'.repeat(
      2_500_000,
    )}1]}]}`;
    expect(huge.length).toBeGreaterThan(5_000_000);
    const res = await ingest(server, huge);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^body: holds an array of more than 2048 items/,
    );
    expect(res.body.error.message.length).toBeLessThan(2000);
  });

  it('refuses a batch of 2.5 million events before looking at any', async () => {
    const res = await ingest(server, `{"events":[${'1,'.repeat(2_500_000)}1]}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^body: holds an array of more than 2048 items/,
    );
    const over = await ingest(server, `{"events":[${'1,'.repeat(1_500)}1]}`);
    expect(over.status).toBe(400);
    expect(over.body.error.message).toMatch(
      /events: a batch holds at most 1000 events/,
    );
  });

  it('stops listing problems after 20', async () => {
    const events = Array.from({ length: 200 }, (_, i) => ({
      ...deployment,
      externalId: `d${i}`,
      automated: 'yes',
      startedAt: 'soon',
    }));
    const res = await ingest(server, { events });
    expect(res.status).toBe(400);
    const message: string = res.body.error.message;
    expect(message.split('; ')).toHaveLength(21);
    expect(message).toMatch(/; and more$/);
  });

  it.each([
    [
      'a 4.9 MB repo_fact value',
      {
        type: 'repo_fact',
        source: 'jenkins',
        entityRef: ENTITY,
        fact: 'readme',
        value: 'x'.repeat(4_900_000),
        observedAt: '2026-11-20T10:00:00Z',
      },
      /^body: holds a string of more than 30000 bytes/,
    ],
    [
      'a 5,000-character repo_fact value',
      {
        type: 'repo_fact',
        source: 'jenkins',
        entityRef: ENTITY,
        fact: 'readme',
        value: 'x'.repeat(5000),
        observedAt: '2026-11-20T10:00:00Z',
      },
      /events\[0\]\.value must NOT have more than 4096 characters/,
    ],
    [
      '600,000 build steps',
      {
        type: 'build',
        source: 'jenkins',
        externalId: 'b1',
        entityRef: ENTITY,
        status: 'success',
        startedAt: '2026-11-20T10:00:00Z',
        steps: Array(600_000).fill('lint'),
      },
      /^body: holds an array of more than 2048 items/,
    ],
    [
      '2,049 commitShas',
      { ...deployment, commitShas: Array(2049).fill('9fceb02') },
      /^body: holds an array of more than 2048 items/,
    ],
    [
      '1,001 build steps',
      {
        type: 'build',
        source: 'jenkins',
        externalId: 'b1',
        entityRef: ENTITY,
        status: 'success',
        startedAt: '2026-11-20T10:00:00Z',
        steps: Array(1001).fill('lint'),
      },
      /events\[0\]\.steps must NOT have more than 1000 items/,
    ],
    [
      'an event with 100,000 fields',
      Object.fromEntries([
        ...Object.entries(deployment),
        ...Array.from({ length: 100_000 }, (_, i) => [`f${i}`, 1]),
      ]),
      /events\[0\] has more fields than the \d+ of its type/,
    ],
    [
      '101 fixesIncidents',
      {
        ...deployment,
        fixesIncidents: Array.from(
          { length: 101 },
          (_, i) => `pagerduty:P${i}`,
        ),
      },
      /events\[0\]\.fixesIncidents must NOT have more than 100 items/,
    ],
    [
      'a fixesIncidents entry without its source',
      { ...deployment, fixesIncidents: ['Q1ABC'] },
      /events\[0\]\.fixesIncidents\[0\] must match pattern/,
    ],
    [
      'a time 41 characters long',
      { ...deployment, startedAt: `2026-11-20T10:00:00.${'1'.repeat(20)}Z` },
      /events\[0\]\.startedAt must NOT have more than 40 characters/,
    ],
  ])('refuses %s naming the field', async (_name, event, message) => {
    const res = await ingest(server, { events: [event] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.message.length).toBeLessThan(2000);
  });

  it('accepts the incidents a deployment fixes, stored once each', async () => {
    const fix = {
      ...deployment,
      externalId: 'deploy-fix',
      fixesIncidents: ['pagerduty:Q1ABC', 'opsgenie:a:b', 'pagerduty:Q1ABC'],
    };
    const res = await ingest(server, { events: [fix] });
    expect(res.status).toBe(200);
    const item = (await stored(server)).find(
      e => e.externalId === 'deploy-fix',
    );
    expect(item).toMatchObject({
      fixesIncidents: ['pagerduty:Q1ABC', 'opsgenie:a:b'],
    });
  });

  it.each(['\ud800', '\udfff', 'a\ud800b', '\udc00\ud800'])(
    'refuses an externalId holding a lone surrogate (%j)',
    async externalId => {
      const res = await ingest(server, {
        events: [{ ...deployment, externalId }],
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /events\[0\]\.externalId must be well-formed Unicode/,
      );
    },
  );

  it('keeps ids exact: a surrogate pair and other ids are records of their own', async () => {
    const own = await startBackend();
    const ids = [
      '\ud83d\ude00',
      '\ud83d\ude01',
      'A',
      'a',
      'a ',
      '\u00e9',
      'e\u0301',
    ];
    const first = await ingest(own, {
      events: ids.map(externalId => ({ ...deployment, externalId })),
    });
    expect(first.body).toEqual({
      created: ids.length,
      updated: 0,
      unchanged: 0,
    });
    const replay = await ingest(own, {
      events: ids.map(externalId => ({ ...deployment, externalId })),
    });
    expect(replay.body).toEqual({
      created: 0,
      updated: 0,
      unchanged: ids.length,
    });
    expect((await stored(own)).map(e => e.externalId).sort()).toEqual(
      [...ids].sort(),
    );
  });

  it('refuses a reason holding a lone surrogate', async () => {
    const res = await request(server)
      .post(`${ENTITY_URL}/exemptions`)
      .set(USER)
      .send({ checkId: 'test.3.e2e-tests', reason: 'x\ud800' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^reason: /);
  });
});

describe('sources belong to their writers', () => {
  it('refuses the ids of installed source modules and the demo, whatever their case, and writes nothing', async () => {
    const server = await startBackend({
      sources: ['github', 'pagerduty', 'demo'],
    });
    for (const source of ['github', 'pagerduty', 'demo', 'GitHub']) {
      const res = await ingest(server, {
        events: [
          { ...deployment, externalId: 'ok' },
          { ...deployment, source },
        ],
      });
      expect([source, res.status]).toEqual([source, 403]);
      expect(res.body.error.message).toMatch(/^events\[1\]\.source: /);
    }
    const batchDefault = await ingest(server, {
      source: 'github',
      events: [{ ...deployment, source: undefined }],
    });
    expect(batchDefault.status).toBe(403);
    expect(await stored(server)).toEqual([]);
  });

  it('lets a bound static token write its own sources only, and no one else write them', async () => {
    const bound = await startBackend({
      ingest: {
        writers: [{ subject: 'external:test-service', sources: ['jenkins'] }],
      },
    });
    expect((await ingest(bound, { events: [deployment] })).status).toBe(200);
    const other = await ingest(bound, {
      events: [{ ...deployment, source: 'argocd' }],
    });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(
      /^events\[0\]\.source: .*may write only 'jenkins'/,
    );

    const claimed = await startBackend({
      ingest: { writers: [{ subject: 'jenkins-ci', sources: ['Jenkins'] }] },
    });
    const res = await ingest(claimed, { events: [deployment] });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(
      /^events\[0\]\.source: 'jenkins' is bound to other writers/,
    );
    expect(
      (await ingest(claimed, { events: [{ ...deployment, source: 'argocd' }] }))
        .status,
    ).toBe(200);
  });

  it('lets a user write only the sources bound to that user', async () => {
    const server = await startBackend({
      ingest: {
        writers: [{ user: 'user:default/mock', sources: ['mock-scripts'] }],
      },
    });
    const unbound = await ingest(server, { events: [deployment] }, USER);
    expect(unbound.status).toBe(403);
    expect(unbound.body.error.message).toMatch(
      /^events\[0\]\.source: the user user:default\/mock may write only 'mock-scripts'/,
    );
    const own = await ingest(
      server,
      { events: [{ ...deployment, source: 'mock-scripts' }] },
      USER,
    );
    expect(own.status).toBe(200);

    const none = await startBackend();
    const res = await ingest(none, { events: [deployment] }, USER);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/may write only no source/);
  });

  it('stops start-up when a binding names an installed module', async () => {
    await expect(
      startBackend({
        sources: ['github'],
        ingest: { writers: [{ subject: 'ci', sources: ['github'] }] },
      }),
    ).rejects.toThrow(/maturity\.ingest\.writers\[0\]\.sources: 'github'/);
  });

  it('answers 409 to a resend with the same updatedAt and other content, writing nothing of the batch', async () => {
    const server = await startBackend();
    const versioned = { ...deployment, updatedAt: '2026-11-20T14:07:00Z' };
    expect((await ingest(server, { events: [versioned] })).body).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
    });
    const conflict = await ingest(server, {
      events: [
        { ...deployment, externalId: 'new-one' },
        { ...versioned, status: 'failure' },
      ],
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.message).toMatch(
      /^updatedAt: the deployment .*deploy-1842.* same updatedAt/,
    );
    const items = await stored(server);
    expect(items.map(e => [e.externalId, e.status])).toEqual([
      ['deploy-1842', 'success'],
    ]);

    const twice = await ingest(server, {
      events: [
        { ...versioned, externalId: 'twice' },
        { ...versioned, externalId: 'twice', status: 'failure' },
      ],
    });
    expect(twice.status).toBe(409);

    // A later updatedAt replaces; the identical resend changes nothing.
    const later = {
      ...versioned,
      status: 'failure',
      updatedAt: '2026-11-20T15:00:00Z',
    };
    expect((await ingest(server, { events: [later] })).body).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
    });
    expect((await ingest(server, { events: [later] })).body).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
    });
  });
});
