import { DEMO_REQUESTS, requestAll } from './demoExemptionRequests';

const discovery = {
  getBaseUrl: async (plugin: string) => `http://backend/api/${plugin}`,
  getExternalBaseUrl: async (plugin: string) => `http://backend/api/${plugin}`,
};
const leila = 'user:default/leila-haddad';

/** A backend answering the calls requestAll makes; records the requests. */
function fakeBackend(options: {
  existing?: Array<{ author: string; checkId: string }>;
  members?: boolean;
}) {
  const posted: Array<{ url: string; body: unknown }> = [];
  const answer = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status });
  const fetchMock = jest.fn(async (url: string, init?: RequestInit) => {
    if (url === 'http://backend/api/auth/demoColleague/refresh') {
      return answer({
        backstageIdentity: { token: 't', identity: { userEntityRef: leila } },
      });
    }
    if (
      url.startsWith('http://backend/api/catalog/entities/by-name/component/')
    ) {
      return answer({
        relations: [{ type: 'ownedBy', targetRef: 'group:default/checkout' }],
      });
    }
    if (
      url ===
      'http://backend/api/catalog/entities/by-name/group/default/checkout'
    ) {
      return answer({
        relations: options.members
          ? [{ type: 'hasMember', targetRef: 'user:default/guest' }]
          : [],
      });
    }
    if (url.endsWith('/exemptions') && init?.method === 'POST') {
      posted.push({ url, body: JSON.parse(String(init.body)) });
      return answer({ status: 'requested' }, 201);
    }
    if (url.endsWith('/exemptions')) {
      return answer({ items: options.existing ?? [] });
    }
    return answer({}, 404);
  });
  return { fetchMock, posted };
}

describe('requestAll', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('requests each demo waiver as the colleague, through the REST API', async () => {
    const { fetchMock, posted } = fakeBackend({ members: true });
    global.fetch = fetchMock as unknown as typeof fetch;

    await expect(requestAll(discovery)).resolves.toEqual({
      userEntityRef: leila,
      made: 2,
    });
    expect(posted).toEqual([
      {
        url: 'http://backend/api/maturity/v1/entities/component/default/cart-service/exemptions',
        body: {
          checkId: 'culture.4.feature-flags',
          reason: DEMO_REQUESTS[0].reason,
        },
      },
      {
        url: 'http://backend/api/maturity/v1/entities/component/default/inventory-reservation-service/exemptions',
        body: {
          checkId: 'culture.4.feature-flags',
          reason: DEMO_REQUESTS[1].reason,
        },
      },
    ]);
    const postInit = fetchMock.mock.calls.find(
      ([, init]) => init?.method === 'POST' && init.body,
    )?.[1];
    expect(postInit?.headers).toMatchObject({ Authorization: 'Bearer t' });
  });

  it('does not ask again for a waiver the colleague asked for before', async () => {
    const { fetchMock, posted } = fakeBackend({
      members: true,
      existing: [{ author: leila, checkId: 'culture.4.feature-flags' }],
    });
    global.fetch = fetchMock as unknown as typeof fetch;

    await expect(requestAll(discovery)).resolves.toEqual({
      userEntityRef: leila,
      made: 0,
    });
    expect(posted).toEqual([]);
  });

  it('waits (throws) until the owning group has members to notify', async () => {
    const { fetchMock, posted } = fakeBackend({ members: false });
    global.fetch = fetchMock as unknown as typeof fetch;

    await expect(requestAll(discovery)).rejects.toThrow(
      'group:default/checkout has no members yet',
    );
    expect(posted).toEqual([]);
  });
});
