import { ResponseError } from '@backstage/errors';
import {
  EntityActivitySummary,
  MaturityEventPage,
} from '@internal/plugin-maturity-common';
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
