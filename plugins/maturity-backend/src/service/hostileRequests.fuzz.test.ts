import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { maturitySourcesExtensionPoint } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { maturityPlugin } from '../plugin';

// A seeded fuzz test: a few thousand hostile requests across the ingest and
// read routes, on SQLite. Invariants: no 5xx; every 400 names a field or
// parameter; a refused batch leaves the store as it was; a replay of an
// accepted batch changes nothing. Run again with MATURITY_FUZZ_SEED=<seed>
// to reproduce a failure (the seed is in every failure message).

const SEED = Number(
  process.env.MATURITY_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31),
);
const REQUESTS = Number(process.env.MATURITY_FUZZ_REQUESTS ?? 2500);

jest.setTimeout(120_000);

/** mulberry32: small, fast and good enough to pick hostile inputs. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Random = ReturnType<typeof generator>;

const ENTITIES = ['component:default/fuzz-a', 'component:default/fuzz-b'];
const BASE = '/api/maturity/v1';
const SERVICE = { Authorization: mockCredentials.service.header() };
const USER = { Authorization: mockCredentials.user.header() };
const TABLES = ['builds', 'deployments', 'changes', 'incidents', 'repo_facts'];

const hostileStrings = [
  '',
  ' ',
  '\ud800',
  '\udfff',
  'a\udbffz',
  '\ud83d\ude00',
  'x'.repeat(300),
  'x'.repeat(5000),
  "'; drop table deployments; --",
  '%00',
  '\u0000',
  '__proto__',
  'constructor',
  'Infinity',
  '-Infinity',
  'NaN',
  '0x10',
  '1e3',
  '99999999999999999999',
  '-1',
  '2026-12-31T23:59:60Z',
  '2026-13-01T00:00:00Z',
  '2026-02-30T10:00:00Z',
  '2026-11-20T10:00:00+24:00',
  '2026-11-20',
  '2026-11-20T10:00:00',
  '=HYPERLINK("x")',
  '\uFEFF=1',
  '\uFF1D1',
  'component:default/fuzz-a',
  'Component:Fuzz-B',
  'github',
  'demo',
  'GitHub',
];

function hostileValue(random: Random, depth = 0): unknown {
  switch (random.int(9)) {
    case 0:
      return random.pick([0, -1, 1.5, 1e308, -0, 2 ** 53 + 1, 42]);
    case 1:
      return random.pick([true, false, null]);
    case 2:
      return depth < 3 ? [hostileValue(random, depth + 1)] : [];
    case 3:
      return depth < 3 ? { k: hostileValue(random, depth + 1) } : {};
    case 4:
      return Array.from({ length: random.pick([0, 1, 1001, 2049]) }, () =>
        random.pick(['9fceb02d0ae598e95dc970b74767f19372d61af8', 'zz', 7]),
      );
    default:
      return random.pick(hostileStrings);
  }
}

const hour = (random: Random) =>
  `2026-11-${String(10 + random.int(10)).padStart(2, '0')}T${String(
    random.int(24),
  ).padStart(2, '0')}:00:00Z`;

function validEvent(random: Random): Record<string, unknown> {
  const common = {
    source: random.pick(['jenkins', 'argocd', 'circleci']),
    externalId: `id-${random.int(30)}`,
    entityRef: random.pick(ENTITIES),
  };
  const startedAt = hour(random);
  switch (random.int(5)) {
    case 0:
      return {
        type: 'build',
        ...common,
        status: random.pick(['success', 'failure', 'running']),
        startedAt,
        steps: ['build', 'unit-test'],
      };
    case 1:
      return {
        type: 'deployment',
        ...common,
        environment: random.pick(['production', 'staging']),
        commitSha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
        commitShas: Array.from({ length: random.int(5) }, (_, i) =>
          `${i}abcdef`.padEnd(40, String(random.int(10))),
        ),
        status: 'success',
        startedAt,
        ...(random.chance(0.5) ? { updatedAt: startedAt } : {}),
      };
    case 2:
      return {
        type: 'change',
        ...common,
        kind: 'pull_request',
        state: 'open',
        openedAt: startedAt,
        labels: ['a', 'b'],
      };
    case 3:
      return {
        type: 'incident',
        ...common,
        status: 'triggered',
        urgency: random.pick(['high', 'low']),
        triggeredAt: startedAt,
      };
    default:
      return {
        type: 'repo_fact',
        source: common.source,
        entityRef: common.entityRef,
        fact: random.pick(['readme', 'codeowners']),
        value: random.pick([true, 3, 'text', null]),
        observedAt: startedAt,
      };
  }
}

function hostileEvent(random: Random): Record<string, unknown> {
  const event = validEvent(random);
  const fields = Object.keys(event);
  for (let i = random.int(3); i > 0; i--) {
    switch (random.int(4)) {
      case 0:
        event[random.pick(fields)] = hostileValue(random);
        break;
      case 1:
        delete event[random.pick(fields)];
        break;
      case 2:
        event[random.pick(['extra', '__proto__', 'x'.repeat(100), 'At'])] =
          hostileValue(random);
        break;
      default:
        event[random.pick(fields.filter(f => f.endsWith('At')))] = random.pick(
          hostileStrings.filter(s => s.startsWith('2026')),
        );
    }
  }
  return event;
}

function ingestBody(random: Random): string {
  switch (random.int(12)) {
    case 0:
      return `{"events":[${'['.repeat(20 + random.int(6000))}`;
    case 1:
      return `{"events":[${JSON.stringify(validEvent(random)).slice(0, -3)}`;
    case 2:
      return JSON.stringify(hostileValue(random));
    case 3:
      return JSON.stringify({
        events: Array.from({ length: 21 }, () => validEvent(random)),
      });
    default: {
      const events = Array.from({ length: 1 + random.int(4) }, () =>
        random.chance(0.5) ? validEvent(random) : hostileEvent(random),
      );
      return JSON.stringify({
        ...(random.chance(0.2) ? { source: hostileValue(random) } : {}),
        events,
      });
    }
  }
}

// encodeURIComponent throws on a lone surrogate.
const encodable = hostileStrings.filter(s => !/\p{Cs}/u.test(s));

function readRequest(random: Random): string {
  const entity = random.pick([
    'component/default/fuzz-a',
    'component/default/fuzz-b',
    `component/default/${encodeURIComponent(random.pick(encodable))}`,
  ]);
  const value = () =>
    random.chance(0.05)
      ? random.pick(['%ED%A0%80', '%', '%zz', '%00'])
      : encodeURIComponent(
          random.chance(0.5) ? random.pick(encodable) : hour(random),
        );
  const params = (names: string[]) =>
    Array.from(
      { length: random.int(3) },
      () =>
        `${random.pick(names)}=${
          random.chance(0.5)
            ? value()
            : random.pick(['1', '50', '500', '0', '2026-11-20'])
        }`,
    ).join('&');
  switch (random.int(5)) {
    case 0:
      return `${BASE}/entities/${entity}/events?${params([
        'from',
        'to',
        'limit',
        'type',
        'cursor',
      ])}`;
    case 1:
      return `${BASE}/entities/${entity}/activity?${params(['from', 'to'])}`;
    case 2:
      return `${BASE}/entities/${entity}/history?${params([
        'from',
        'to',
        'asOf',
      ])}`;
    case 3:
      return `${BASE}/scorecards?${params([
        'limit',
        'offset',
        'minLevel',
        'maxLevel',
        'q',
        'owner',
        'format',
        'orderBy',
        'failingCheck',
      ])}`;
    default:
      return `${BASE}/entities/${entity}/exemptions`;
  }
}

// What a 400 says first: the field or parameter it refuses.
const NAMES_A_FIELD =
  /^(body: |events(\[\d+\])?[.: ]|source |[a-zA-Z]+: |Invalid event batch: (body |events|source|\S+ is not a field)|request\/(query|body|params)\/\w+|Failed to decode param|.*[Pp]arameter '\w+')/;

describe('hostile requests, fuzzed', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it(`answers ${REQUESTS} hostile requests without a 5xx, naming fields, without partial writes`, async () => {
    const knex = await databases.init('SQLITE_3');
    const github = createBackendModule({
      pluginId: 'maturity',
      moduleId: 'github-source',
      register(env) {
        env.registerInit({
          deps: { sources: maturitySourcesExtensionPoint },
          async init({ sources }) {
            sources.addSource({ id: 'github', connect: async () => {} });
            // The demo's module, installed as in the demo backend.
            sources.addSource({ id: 'demo', connect: async () => {} });
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        maturityPlugin,
        github,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            maturity: {
              ingest: { maxEventsPerBatch: 20, maxBodyBytes: 100_000 },
            },
          },
        }),
      ],
    });

    const snapshot = async () => {
      const hash = createHash('sha256');
      for (const table of TABLES) {
        const rows = await knex(table)
          .select('id', 'version', 'content_hash', 'ingested_at')
          .orderBy('id');
        hash.update(JSON.stringify(rows));
      }
      return hash.digest('hex');
    };

    const random = generator(SEED);
    const fail = (i: number, what: string, res: request.Response) => {
      throw new Error(
        `fuzz seed ${SEED} (MATURITY_FUZZ_SEED=${SEED}), request ${i}: ${what}; answered ${
          res.status
        } ${JSON.stringify(res.body).slice(0, 500)}`,
      );
    };
    const statuses = new Map<number, number>();
    let before = await snapshot();
    let accepted = 0;

    for (let i = 0; i < REQUESTS; i++) {
      const isIngest = random.chance(0.6);
      let res: request.Response;
      let body = '';
      if (isIngest) {
        body = ingestBody(random);
        res = await request(server)
          .post(`${BASE}/events`)
          .set(random.chance(0.1) ? USER : SERVICE)
          .set('Content-Type', 'application/json')
          .send(body);
      } else {
        const url = readRequest(random);
        res = await request(server).get(url).set(USER);
      }
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) fail(i, 'a 5xx', res);
      if (res.status === 400) {
        const message = String(res.body?.error?.message ?? '');
        if (!NAMES_A_FIELD.test(message)) fail(i, 'a 400 naming no field', res);
      }
      if (!isIngest) continue;

      const after = await snapshot();
      if (res.status !== 200) {
        if (after !== before) fail(i, 'a refused batch changed the store', res);
        continue;
      }
      accepted++;
      before = after;
      const replay = await request(server)
        .post(`${BASE}/events`)
        .set(SERVICE)
        .set('Content-Type', 'application/json')
        .send(body);
      const count = (JSON.parse(body).events as unknown[]).length;
      if (
        replay.status !== 200 ||
        replay.body.created + replay.body.updated !== 0 ||
        replay.body.unchanged !== count
      ) {
        fail(i, 'a replay was not a no-op', replay);
      }
      if ((await snapshot()) !== before)
        fail(i, 'a replay changed the store', replay);
    }

    // The generator must reach both sides of every invariant.
    expect(accepted).toBeGreaterThan(REQUESTS / 50);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(REQUESTS / 5);
    expect(statuses.get(403) ?? 0).toBeGreaterThan(0);
  });
});
