import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import request from 'supertest';
import { spec } from '../schema/openapi.generated';
import {
  startMaturityTestBackend,
  USER,
} from './__testUtils__/maturityTestBackend';

// Issue 12: every route requires Backstage auth. A caller without credentials
// is answered 401 before anything of its request is read, whatever is wrong
// with its body or query, also where the backend's default auth policy is
// turned off. The routes come from the spec, so a new one is covered.

jest.setTimeout(60_000);

const BASE = '/api/maturity';
const PARAMETERS: Record<string, string> = {
  kind: 'component',
  namespace: 'default',
  name: 'checkout-api',
  id: 'no-such-id',
};
const BAD_QUERY = 'limit=lots&from=yesterday&notAParameter=1';
const BAD_BODIES = ['{"events": [', '{"notAField":[[[true]]]}', '[]'];

const routes = Object.entries(spec.paths).flatMap(([path, operations]) =>
  Object.keys(operations)
    .filter(method =>
      ['get', 'post', 'put', 'patch', 'delete'].includes(method),
    )
    .map(method => ({
      method: method as 'get' | 'post' | 'put' | 'patch' | 'delete',
      path,
      url: `${BASE}${path.replace(/\{(\w+)\}/g, (_, parameter: string) => {
        if (!(parameter in PARAMETERS)) {
          throw new Error(`no value for path parameter ${parameter}`);
        }
        return PARAMETERS[parameter];
      })}`,
    })),
);

/** Each route's bad requests: a bad query, and bad bodies where one is sent. */
const badRequests = routes.flatMap(route => [
  { ...route, query: BAD_QUERY, body: undefined },
  ...(route.method === 'get' || route.method === 'delete'
    ? []
    : BAD_BODIES.map(body => ({ ...route, query: '', body }))),
]);

const describeRequest = ({
  method,
  path,
  query,
  body,
}: (typeof badRequests)[number]) =>
  `${method.toUpperCase()} ${path}?${query} ${body ?? ''}`;

/**
 * The requests above that are not bad for their route, and what a user gets
 * for them instead: refreshing takes no body, so it ignores one that is
 * well-formed JSON and answers for the entity (not in the test catalog).
 * Malformed JSON is refused there too.
 */
const NOT_BAD_WITH_CREDENTIALS: Record<
  string,
  { status: number; error: string }
> = Object.fromEntries(
  ['{"notAField":[[[true]]]}', '[]'].map(body => [
    `POST /v1/entities/{kind}/{namespace}/{name}/refresh? ${body}`,
    { status: 404, error: 'NotFoundError' },
  ]),
);

async function startBackend(dangerouslyDisableDefaultAuthPolicy: boolean) {
  const { server } = await startMaturityTestBackend({
    config: { backend: { auth: { dangerouslyDisableDefaultAuthPolicy } } },
    // A request without a token is unauthenticated, as in a real backend.
    features: [
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  return server;
}

function send(
  server: Awaited<ReturnType<typeof startBackend>>,
  { method, url, query, body }: (typeof badRequests)[number],
  headers: Record<string, string> = {},
) {
  const req = request(server)
    [method](query ? `${url}?${query}` : url)
    .set(headers);
  return body === undefined
    ? req
    : req.set('Content-Type', 'application/json').send(body);
}

/** Sends every bad request in turn; what each was answered. */
async function answersTo(
  server: Awaited<ReturnType<typeof startBackend>>,
  headers?: Record<string, string>,
) {
  const answers = [];
  for (const bad of badRequests) {
    const res = await send(server, bad, headers);
    answers.push({
      request: describeRequest(bad),
      status: res.status,
      error: res.body?.error?.name,
    });
  }
  return answers;
}

it('covers every operation of the spec', () => {
  expect(routes.length).toBeGreaterThanOrEqual(25);
  expect(routes).toContainEqual(
    expect.objectContaining({ method: 'post', path: '/v1/rubric/preview' }),
  );
  expect(routes).toContainEqual(
    expect.objectContaining({ method: 'put', path: '/v1/campaigns/{id}' }),
  );
});

describe.each([
  ['the default auth policy', false],
  ['the default auth policy turned off', true],
])('without credentials, with %s', (_, disableDefaultAuthPolicy) => {
  let server: Awaited<ReturnType<typeof startBackend>>;
  beforeAll(async () => {
    server = await startBackend(disableDefaultAuthPolicy);
  });

  it('answers every bad request of every route 401', async () => {
    const answers = await answersTo(server);
    expect(answers).toEqual(
      answers.map(answer => ({
        ...answer,
        status: 401,
        error: 'AuthenticationError',
      })),
    );
  });

  it('refuses the same requests from a user for what is wrong with them', async () => {
    // So the requests above are bad ones: with credentials (and, no policy
    // installed, every permission) each is answered 400 for its bad body or
    // query, not 401, 403 or 404; NOT_BAD_WITH_CREDENTIALS lists the others.
    const answers = await answersTo(server, USER);
    expect(answers).toEqual(
      answers.map(answer => ({
        ...answer,
        ...(NOT_BAD_WITH_CREDENTIALS[answer.request] ?? {
          status: 400,
          error: 'InputError',
        }),
      })),
    );
  });
});
