import { ResponseError } from '@backstage/errors';
import {
  EntityActivitySummary,
  MaturityEventPage,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { MaturityClient } from './MaturityClient';

const baseUrl = 'http://localhost:7007/api/maturity';

function jsonResponse(body: unknown, status = 200, statusText = 'OK') {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText,
    headers: new Headers({ 'content-type': 'application/json' }),
    json: async () => body,
    text: async () => JSON.stringify(body),
  } as unknown as Response;
}

function setup(response: Response) {
  const discoveryApi = { getBaseUrl: jest.fn(async () => baseUrl) };
  const fetchApi = {
    fetch: jest.fn(
      async (_input: RequestInfo | URL, _init?: RequestInit) => response,
    ),
  };
  const client = new MaturityClient({ discoveryApi, fetchApi });
  return { client, discoveryApi, fetchApi };
}

const summary: EntityActivitySummary = {
  entityRef: 'component:default/checkout-api',
  from: '2026-08-25T12:00:00.000Z',
  to: '2026-11-23T12:00:00.000Z',
  counts: { build: 3, deployment: 2, change: 5, incident: 1, repo_fact: 0 },
  latest: { build: '2026-11-23T11:50:00.000Z' },
};

const page: MaturityEventPage = {
  items: [
    {
      id: '17',
      type: 'deployment',
      source: 'argocd',
      entityRef: 'component:default/checkout-api',
      externalId: 'checkout-api-prod-412',
      environment: 'production',
      status: 'success',
      startedAt: '2026-11-23T09:00:00.000Z',
      occurredAt: '2026-11-23T09:00:00.000Z',
      ingestedAt: '2026-11-23T09:01:00.000Z',
      updatedAt: '2026-11-23T09:00:00.000Z',
    },
  ],
  nextCursor: 'eyJpZCI6MTd9',
};

describe('MaturityClient', () => {
  describe('getEntityActivity', () => {
    it('reads the activity of the entity from the maturity backend', async () => {
      const { client, discoveryApi, fetchApi } = setup(jsonResponse(summary));

      await expect(
        client.getEntityActivity('component:default/checkout-api'),
      ).resolves.toEqual(summary);

      expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('maturity');
      expect(fetchApi.fetch).toHaveBeenCalledTimes(1);
      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/v1/entities/component/default/checkout-api/activity`,
      );
    });

    it('passes the window', async () => {
      const { client, fetchApi } = setup(jsonResponse(summary));

      await client.getEntityActivity('component:default/checkout-api', {
        from: '2026-10-01T00:00:00.000Z',
        to: '2026-11-01T00:00:00+01:00',
      });

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/v1/entities/component/default/checkout-api/activity` +
          '?from=2026-10-01T00%3A00%3A00.000Z&to=2026-11-01T00%3A00%3A00%2B01%3A00',
      );
    });

    it('encodes the parts of the entity reference, in lowercase', async () => {
      const { client, fetchApi } = setup(jsonResponse(summary));

      await client.getEntityActivity({
        kind: 'Component',
        namespace: 'Team A',
        name: 'Checkout#API?v=2',
      });

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/v1/entities/component/team%20a/checkout%23api%3Fv%3D2/activity`,
      );
    });

    it('defaults the namespace of a short reference', async () => {
      const { client, fetchApi } = setup(jsonResponse(summary));

      await client.getEntityActivity('component:checkout-api');

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/v1/entities/component/default/checkout-api/activity`,
      );
    });
  });

  describe('getEntityEvents', () => {
    it('repeats type and passes window, limit and cursor', async () => {
      const { client, fetchApi } = setup(jsonResponse(page));

      await expect(
        client.getEntityEvents('component:default/checkout-api', {
          types: ['deployment', 'build'],
          from: '2026-10-01T00:00:00.000Z',
          to: '2026-11-01T00:00:00.000Z',
          limit: 10,
          cursor: 'eyJpZCI6MTd9',
        }),
      ).resolves.toEqual(page);

      const url = new URL(String(fetchApi.fetch.mock.calls[0][0]));
      expect(url.origin + url.pathname).toBe(
        `${baseUrl}/v1/entities/component/default/checkout-api/events`,
      );
      expect(url.searchParams.getAll('type')).toEqual(['deployment', 'build']);
      expect(url.searchParams.get('from')).toBe('2026-10-01T00:00:00.000Z');
      expect(url.searchParams.get('to')).toBe('2026-11-01T00:00:00.000Z');
      expect(url.searchParams.get('limit')).toBe('10');
      expect(url.searchParams.get('cursor')).toBe('eyJpZCI6MTd9');
    });

    it('sends no query string without options', async () => {
      const { client, fetchApi } = setup(jsonResponse({ items: [] }));

      await expect(
        client.getEntityEvents('component:default/checkout-api'),
      ).resolves.toEqual({ items: [] });

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/v1/entities/component/default/checkout-api/events`,
      );
    });
  });

  describe('getEntityEventsById', () => {
    it('repeats id once per id and passes the window', async () => {
      const { client, fetchApi } = setup(jsonResponse(page));

      await expect(
        client.getEntityEventsById(
          'component:default/checkout-api',
          ['deployment:3', 'change:7', 'deployment:3'],
          { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' },
        ),
      ).resolves.toEqual({ items: page.items });

      expect(fetchApi.fetch).toHaveBeenCalledTimes(1);
      const url = new URL(String(fetchApi.fetch.mock.calls[0][0]));
      expect(url.origin + url.pathname).toBe(
        `${baseUrl}/v1/entities/component/default/checkout-api/events/by-id`,
      );
      expect(url.searchParams.getAll('id')).toEqual([
        'deployment:3',
        'change:7',
      ]);
      expect(url.searchParams.get('from')).toBe('2026-10-01T00:00:00.000Z');
      expect(url.searchParams.get('to')).toBe('2026-11-01T00:00:00.000Z');
    });

    it('asks for at most 100 ids a request and joins the answers in order', async () => {
      const { client, fetchApi } = setup(jsonResponse({ items: [] }));
      fetchApi.fetch.mockImplementation(async input => {
        const ids = new URL(String(input)).searchParams.getAll('id');
        return jsonResponse({ items: ids.map(id => ({ id })) });
      });
      const ids = Array.from({ length: 250 }, (_, i) => `build:${i + 1}`);

      const { items } = await client.getEntityEventsById(
        'component:default/checkout-api',
        ids,
      );

      expect(fetchApi.fetch).toHaveBeenCalledTimes(3);
      expect(
        fetchApi.fetch.mock.calls.map(
          ([input]) => new URL(String(input)).searchParams.getAll('id').length,
        ),
      ).toEqual([100, 100, 50]);
      expect(items.map(e => e.id)).toEqual(ids);
    });
  });

  describe('scorecards of one entity', () => {
    it.each([
      ['getScorecard', 'scorecard'],
      ['getMetrics', 'metrics'],
      ['listExemptions', 'exemptions'],
      ['listExemptionEvents', 'exemption-events'],
    ] as const)('%s reads .../%s', async (method, path) => {
      const body = { entityRef: 'component:default/checkout-api' };
      const { client, fetchApi } = setup(jsonResponse(body));

      await expect(
        client[method]({
          kind: 'Component',
          namespace: 'Team A',
          name: 'Checkout API',
        }),
      ).resolves.toEqual(body);

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/v1/entities/component/team%20a/checkout%20api/${path}`,
      );
    });

    it('passes the window of the history', async () => {
      const { client, fetchApi } = setup(jsonResponse({ items: [] }));

      await client.getHistory('component:default/checkout-api', {
        from: '2026-05-27T00:00:00.000Z',
      });

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/v1/entities/component/default/checkout-api/history` +
          '?from=2026-05-27T00%3A00%3A00.000Z',
      );
    });

    it('posts a refresh', async () => {
      const body = { entityRef: 'component:default/checkout-api' };
      const { client, fetchApi } = setup(jsonResponse(body));

      await expect(
        client.refreshScorecard('component:default/checkout-api'),
      ).resolves.toEqual(body);

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/v1/entities/component/default/checkout-api/refresh`,
        { method: 'POST' },
      );
    });

    it('posts a new exemption as JSON', async () => {
      const exemption = {
        id: 'ex-1',
        entityRef: 'component:default/checkout-api',
        checkId: 'culture.codeowners',
        reason: 'Single-maintainer library',
        author: 'user:default/jane',
        createdAt: '2026-11-23T12:00:00.000Z',
      };
      const { client, fetchApi } = setup(jsonResponse(exemption, 201));

      await expect(
        client.createExemption('component:default/checkout-api', {
          checkId: 'culture.codeowners',
          reason: 'Single-maintainer library',
        }),
      ).resolves.toEqual(exemption);

      const [url, init] = fetchApi.fetch.mock.calls[0];
      expect(url).toBe(
        `${baseUrl}/v1/entities/component/default/checkout-api/exemptions`,
      );
      expect(init?.method).toBe('POST');
      expect(init?.headers).toEqual({ 'Content-Type': 'application/json' });
      expect(JSON.parse(String(init?.body))).toEqual({
        checkId: 'culture.codeowners',
        reason: 'Single-maintainer library',
      });
    });

    it('revokes an exemption by its encoded id', async () => {
      const { client, fetchApi } = setup(jsonResponse({ id: 'ex/1' }));

      await expect(client.revokeExemption('ex/1')).resolves.toBeUndefined();

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/v1/exemptions/ex%2F1/revoke`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        },
      );
    });

    it.each([
      [
        'approve',
        (c: MaturityClient) =>
          c.approveExemption('ex/1', { expiresAt: '2027-01-01T00:00:00Z' }),
        '{"expiresAt":"2027-01-01T00:00:00Z"}',
      ],
      [
        'deny',
        (c: MaturityClient) => c.denyExemption('ex/1', { comment: 'No' }),
        '{"comment":"No"}',
      ],
      ['withdraw', (c: MaturityClient) => c.withdrawExemption('ex/1'), '{}'],
    ] as const)('posts a decision: %s', async (action, call, body) => {
      const { client, fetchApi } = setup(
        jsonResponse({ id: 'ex/1', status: 'approved' }),
      );
      await expect(call(client)).resolves.toEqual({
        id: 'ex/1',
        status: 'approved',
      });
      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/v1/exemptions/ex%2F1/${action}`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
        },
      );
    });

    it('throws a ResponseError when a refresh is forbidden', async () => {
      const { client } = setup(
        jsonResponse(
          {
            error: { name: 'NotAllowedError', message: 'Unauthorized' },
            request: { method: 'POST', url: '/refresh' },
            response: { statusCode: 403 },
          },
          403,
          'Forbidden',
        ),
      );

      const error = await client
        .refreshScorecard('component:default/checkout-api')
        .catch(e => e);

      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(403);
    });
  });

  describe('listScorecards', () => {
    it('repeats owner and leaves out unset filters', async () => {
      const body = { items: [], totalCount: 0 };
      const { client, fetchApi } = setup(jsonResponse(body));

      await expect(
        client.listScorecards({
          owner: ['group:default/payments', 'group:default/checkout'],
          includeSubgroups: true,
          kind: 'component',
          lifecycle: '',
          minLevel: 0,
          minMlopsLevel: 0,
          maxMlopsLevel: 1,
          q: 'check out',
          failingCheck: 'test.3.e2e-tests',
          waivedCheck: 'culture.3.codeowners',
          deliveryBand: 'unknown',
          levels: 'withoutWaivers',
          orderBy: 'mlopsLevel',
          order: 'desc',
          limit: 20,
          offset: 40,
        }),
      ).resolves.toEqual(body);

      const url = new URL(String(fetchApi.fetch.mock.calls[0][0]));
      expect(url.origin + url.pathname).toBe(`${baseUrl}/v1/scorecards`);
      expect(url.searchParams.getAll('owner')).toEqual([
        'group:default/payments',
        'group:default/checkout',
      ]);
      expect(Object.fromEntries(url.searchParams)).toEqual({
        owner: 'group:default/checkout',
        includeSubgroups: 'true',
        kind: 'component',
        minLevel: '0',
        minMlopsLevel: '0',
        maxMlopsLevel: '1',
        q: 'check out',
        failingCheck: 'test.3.e2e-tests',
        waivedCheck: 'culture.3.codeowners',
        deliveryBand: 'unknown',
        levels: 'withoutWaivers',
        orderBy: 'mlopsLevel',
        order: 'desc',
        limit: '20',
        offset: '40',
      });
    });

    it('reads CSV as text', async () => {
      const csv = 'entityRef,overallLevel\ncomponent:default/checkout-api,3\n';
      const { client, fetchApi } = setup({
        ok: true,
        status: 200,
        statusText: 'OK',
        headers: new Headers({ 'content-type': 'text/csv' }),
        text: async () => csv,
      } as unknown as Response);

      await expect(
        client.exportScorecardsCsv({ system: 'system:default/shop' }),
      ).resolves.toBe(csv);

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/v1/scorecards?system=system%3Adefault%2Fshop&format=csv`,
      );
    });
  });

  describe('rollups and rubric', () => {
    it('reads the org rollup', async () => {
      const { client, fetchApi } = setup(jsonResponse({ scopeRef: 'org' }));

      await client.getOrgRollup();

      expect(fetchApi.fetch).toHaveBeenCalledWith(`${baseUrl}/v1/rollups/org`);
    });

    it('reads the rollup of a scope by its encoded parts', async () => {
      const { client, fetchApi } = setup(jsonResponse({ scopeRef: 'x' }));

      await client.getRollup('Group:Default/Team Payments');

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/v1/rollups/group/default/team%20payments`,
      );
    });

    it('reads the rubric', async () => {
      const { client, fetchApi } = setup(jsonResponse({ version: 'abc' }));

      await expect(client.getRubric()).resolves.toEqual({ version: 'abc' });

      expect(fetchApi.fetch).toHaveBeenCalledWith(`${baseUrl}/v1/rubric`);
    });

    it('posts a proposed rubric override for a preview, with its page', async () => {
      const preview = { entitiesCompared: 3, entitiesChanged: 1 };
      const { client, fetchApi } = setup(jsonResponse(preview));
      const rubric = { checks: { 'test.3.e2e-tests': { enabled: false } } };

      await expect(
        client.previewRubric(rubric, { limit: 20, offset: 40 }),
      ).resolves.toEqual(preview);

      const [url, init] = fetchApi.fetch.mock.calls[0];
      expect(url).toBe(`${baseUrl}/v1/rubric/preview?limit=20&offset=40`);
      expect(init?.method).toBe('POST');
      expect(JSON.parse(String(init?.body))).toEqual({ rubric });
    });
  });

  describe('campaigns', () => {
    const input = {
      title: 'Tests as required checks',
      ownerRef: 'group:default/platform',
      scope: { owners: ['group:default/acme'], includeSubgroups: true },
      goal: { type: 'checks' as const, checkIds: ['test.2.unit-tests'] },
      startsOn: '2026-12-01',
      deadline: '2027-03-31',
    };

    it('lists campaigns, for one team, of some statuses and a page when asked', async () => {
      const { client, fetchApi } = setup(
        jsonResponse({ items: [], totalCount: 0 }),
      );

      await expect(client.listCampaigns()).resolves.toEqual({
        items: [],
        totalCount: 0,
      });
      await client.listCampaigns({ team: 'group:default/payments' });
      await client.listCampaigns({
        team: 'group:default/payments',
        status: ['active', 'upcoming'],
        limit: 25,
        offset: 50,
      });
      await client.listCampaigns({ status: [], offset: 0 });

      expect(fetchApi.fetch.mock.calls.map(call => call[0])).toEqual([
        `${baseUrl}/v1/campaigns`,
        `${baseUrl}/v1/campaigns?team=group%3Adefault%2Fpayments`,
        `${baseUrl}/v1/campaigns?team=group%3Adefault%2Fpayments&status=active&status=upcoming&limit=25&offset=50`,
        `${baseUrl}/v1/campaigns?offset=0`,
      ]);
    });

    it('reads a campaign by its encoded id', async () => {
      const { client, fetchApi } = setup(jsonResponse({ days: [] }));

      await expect(client.getCampaign('a/b c')).resolves.toEqual({ days: [] });

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/v1/campaigns/a%2Fb%20c`,
      );
    });

    it('posts a new campaign and puts a changed one as JSON', async () => {
      const { client, fetchApi } = setup(jsonResponse({ id: 'c1' }));

      await expect(client.createCampaign(input)).resolves.toEqual({
        id: 'c1',
      });
      await client.updateCampaign('c1', { ...input, title: 'Renamed' });

      const [[createUrl, create], [updateUrl, update]] =
        fetchApi.fetch.mock.calls;
      expect(createUrl).toBe(`${baseUrl}/v1/campaigns`);
      expect(create?.method).toBe('POST');
      expect(JSON.parse(String(create?.body))).toEqual(input);
      expect(updateUrl).toBe(`${baseUrl}/v1/campaigns/c1`);
      expect(update?.method).toBe('PUT');
      expect(new Headers(update?.headers).get('content-type')).toBe(
        'application/json',
      );
      expect(JSON.parse(String(update?.body)).title).toBe('Renamed');
    });

    it('deletes a campaign', async () => {
      const { client, fetchApi } = setup(jsonResponse(undefined, 204));

      await expect(client.deleteCampaign('c1')).resolves.toBeUndefined();

      const [url, init] = fetchApi.fetch.mock.calls[0];
      expect(url).toBe(`${baseUrl}/v1/campaigns/c1`);
      expect(init?.method).toBe('DELETE');
      expect(init?.body).toBeUndefined();
    });

    it('reads a page of a campaign’s entities with its filters', async () => {
      const { client, fetchApi } = setup(
        jsonResponse({ items: [], totalCount: 0 }),
      );

      await client.listCampaignEntities('c1', {
        meetsGoal: false,
        owner: 'group:default/payments',
        limit: 20,
        offset: 40,
      });
      await client.listCampaignEntities('c1');

      expect(fetchApi.fetch.mock.calls.map(call => call[0])).toEqual([
        `${baseUrl}/v1/campaigns/c1/entities?meetsGoal=false&owner=group%3Adefault%2Fpayments&limit=20&offset=40`,
        `${baseUrl}/v1/campaigns/c1/entities`,
      ]);
    });

    it('reads the campaigns of an entity', async () => {
      const { client, fetchApi } = setup(jsonResponse({ items: [] }));

      await client.listEntityCampaigns('Component:default/Checkout-API');

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${baseUrl}/v1/entities/component/default/checkout-api/campaigns`,
      );
    });

    it('rejects with the server’s message when a campaign is refused', async () => {
      const { client } = setup(
        jsonResponse(
          {
            error: {
              name: 'InputError',
              message: 'deadline: must not be before startsOn',
            },
            response: { statusCode: 400 },
          },
          400,
          'Bad Request',
        ),
      );

      const error = await client.createCampaign(input).catch(e => e);

      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(400);
      expect(error.body.error.message).toBe(
        'deadline: must not be before startsOn',
      );
    });
  });

  describe('errors', () => {
    it.each([
      [400, 'Bad Request', 'InputError', 'Invalid from: not-a-date'],
      [404, 'Not Found', 'NotFoundError', 'No such entity'],
      [500, 'Internal Server Error', 'Error', 'Database unavailable'],
    ])(
      'throws a ResponseError on %i',
      async (statusCode, statusText, name, message) => {
        const { client } = setup(
          jsonResponse(
            {
              error: { name, message },
              request: {
                method: 'GET',
                url: '/api/maturity/v1/entities/component/default/checkout-api/events',
              },
              response: { statusCode },
            },
            statusCode,
            statusText,
          ),
        );

        const error = await client
          .getEntityEvents('component:default/checkout-api')
          .catch(e => e);

        expect(error).toBeInstanceOf(ResponseError);
        expect(error.statusCode).toBe(statusCode);
        expect(error.message).toBe(
          `Request failed with ${statusCode} ${statusText}`,
        );
        expect(error.cause).toMatchObject({ name, message });
      },
    );

    it('throws a ResponseError when the body is not JSON', async () => {
      const { client } = setup({
        ok: false,
        status: 502,
        statusText: 'Bad Gateway',
        headers: new Headers({ 'content-type': 'text/html' }),
        text: async () => '<html>upstream down</html>',
      } as unknown as Response);

      const error = await client
        .getEntityActivity('component:default/checkout-api')
        .catch(e => e);

      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(502);
    });
  });
});
