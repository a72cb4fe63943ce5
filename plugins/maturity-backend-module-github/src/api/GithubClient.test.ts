import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { HttpResponse, graphql, http } from 'msw';
import { setupServer } from 'msw/node';
import {
  API,
  GITHUB_TOKEN,
  GRAPHQL_API,
  REPO_API,
  rateLimitHeaders,
  repository,
  secondaryRateLimited,
  testGithubClient,
} from '../__testUtils__/githubApi';
import { GithubClient, graphqlUrlOf } from './GithubClient';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const QUERY = 'query Viewer { viewer { login } }';
const viewer = { viewer: { login: 'maturity-bot' } };

describe('GithubClient.graphql', () => {
  it('posts to the GraphQL endpoint of github.com and of GitHub Enterprise Server', async () => {
    expect(graphqlUrlOf('https://api.github.com')).toBe(
      'https://api.github.com/graphql',
    );
    expect(graphqlUrlOf('https://ghe.example.com/api/v3')).toBe(
      'https://ghe.example.com/api/graphql',
    );
    const seen: Array<{ url: string; auth: string | null; body: any }> = [];
    server.use(
      graphql
        .link('https://ghe.example.com/api/graphql')
        .query('Viewer', async ({ request, variables }) => {
          seen.push({
            url: request.url,
            auth: request.headers.get('authorization'),
            body: variables,
          });
          return HttpResponse.json({ data: viewer });
        }),
    );
    const client = new GithubClient({
      credentials: {
        getCredentials: async () => ({
          type: 'token',
          token: 'ghe_test',
          headers: { Authorization: 'Bearer ghe_test' },
        }),
      },
    });
    const data = await client.graphql(
      {
        apiBaseUrl: 'https://ghe.example.com/api/v3',
        url: 'https://ghe.example.com/acme/shop',
      },
      QUERY,
      { first: 1 },
    );
    expect(data).toEqual(viewer);
    expect(seen).toEqual([
      {
        url: 'https://ghe.example.com/api/graphql',
        auth: 'Bearer ghe_test',
        body: { first: 1 },
      },
    ]);
  });

  it('waits for the GraphQL limit reset on a 200 with a RATE_LIMITED error, then retries', async () => {
    let calls = 0;
    server.use(
      graphql.link(GRAPHQL_API).query('Viewer', () => {
        calls++;
        if (calls === 1) {
          return HttpResponse.json<any>(
            {
              errors: [
                {
                  type: 'RATE_LIMITED',
                  message: 'API rate limit exceeded for user ID 1.',
                },
              ],
            },
            { headers: rateLimitHeaders(0, 'graphql') },
          );
        }
        return HttpResponse.json({ data: viewer });
      }),
    );
    const waits: number[] = [];
    const client = testGithubClient(waits);
    await expect(client.graphql(repository, QUERY, {})).resolves.toEqual(
      viewer,
    );
    // The reset is 30 s after the client's clock, plus a second of margin.
    expect(waits).toEqual([31_000]);
    expect(calls).toBe(2);
  });

  it('waits a minute for a rate-limit message without type or reset header', async () => {
    let calls = 0;
    server.use(
      graphql.link(GRAPHQL_API).query('Viewer', () => {
        calls++;
        return calls === 1
          ? HttpResponse.json({
              errors: [
                {
                  message: 'API rate limit already exceeded for user ID 1.',
                },
              ],
            })
          : HttpResponse.json({ data: viewer });
      }),
    );
    const waits: number[] = [];
    await testGithubClient(waits).graphql(repository, QUERY, {});
    expect(waits).toEqual([60_000]);
  });

  it('keeps the REST and GraphQL primary limits apart', async () => {
    server.use(
      graphql
        .link(GRAPHQL_API)
        .query('Viewer', () =>
          HttpResponse.json(
            { data: viewer },
            { headers: rateLimitHeaders(0, 'graphql') },
          ),
        ),
      http.get(REPO_API, () =>
        HttpResponse.json(
          { full_name: 'acme/shop', default_branch: 'main' },
          { headers: rateLimitHeaders(4000) },
        ),
      ),
    );
    const waits: number[] = [];
    const client = testGithubClient(waits);
    await client.graphql(repository, QUERY, {});
    // The spent GraphQL limit does not hold REST requests back...
    await client.get(repository, '/repos/acme/shop');
    expect(waits).toEqual([]);
    // ...but does hold the next GraphQL request until its reset.
    await client.graphql(repository, QUERY, {});
    expect(waits).toEqual([31_000]);
  });

  it('waits as a secondary limit asks (403 with retry-after)', async () => {
    let calls = 0;
    server.use(
      graphql.link(GRAPHQL_API).query('Viewer', () => {
        calls++;
        return calls === 1
          ? HttpResponse.json<any>(
              { message: 'You have exceeded a secondary rate limit.' },
              { status: 403, headers: { 'retry-after': '5' } },
            )
          : HttpResponse.json({ data: viewer });
      }),
    );
    const waits: number[] = [];
    await testGithubClient(waits).graphql(repository, QUERY, {});
    expect(waits).toEqual([5_000]);
  });

  it('waits a minute for a secondary limit without retry-after (403)', async () => {
    let calls = 0;
    server.use(
      graphql.link(GRAPHQL_API).query('Viewer', () => {
        calls++;
        return calls === 1
          ? (secondaryRateLimited(403) as any)
          : HttpResponse.json({ data: viewer });
      }),
    );
    const waits: number[] = [];
    await testGithubClient(waits).graphql(repository, QUERY, {});
    expect(waits).toEqual([60_000]);
  });

  it('fails on errors, except NOT_FOUND ones when allowed', async () => {
    const notFound = {
      data: { node: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['node'],
          message: "Could not resolve to a node with the global id of 'X'.",
        },
      ],
    };
    server.use(
      graphql
        .link(GRAPHQL_API)
        .query('Node', () => HttpResponse.json<any>(notFound)),
      graphql.link(GRAPHQL_API).query('Broken', () =>
        HttpResponse.json({
          errors: [
            {
              message: "Field 'nope' doesn't exist on type 'Query'",
              locations: [{ line: 1, column: 16 }],
            },
          ],
        }),
      ),
    );
    const client = testGithubClient();
    const nodeQuery = 'query Node { node(id: "X") { id } }';
    await expect(
      client.graphql(repository, nodeQuery, {}, { allowNotFound: true }),
    ).resolves.toEqual({ node: null });
    await expect(client.graphql(repository, nodeQuery, {})).rejects.toThrow(
      "GitHub GraphQL Node answered with errors: Could not resolve to a node with the global id of 'X'.",
    );
    await expect(
      client.graphql(repository, 'query Broken { nope }', {}),
    ).rejects.toThrow(
      "GitHub GraphQL Broken answered with errors: Field 'nope' doesn't exist on type 'Query'",
    );
  });

  it('retries a 502 and names the operation, never the token, when it persists', async () => {
    server.use(
      graphql.link(GRAPHQL_API).query(
        'Viewer',
        () =>
          new HttpResponse('<html>Bad gateway</html>', {
            status: 502,
          }) as any,
      ),
    );
    const waits: number[] = [];
    await expect(
      testGithubClient(waits).graphql(repository, QUERY, {}),
    ).rejects.toThrow(
      /^GitHub GraphQL Viewer answered 502 Bad Gateway \(4 attempts\)$/,
    );
    expect(waits).toHaveLength(3);
  });
});

describe('GithubClient.get', () => {
  it('still reads REST with the version header on the REST endpoint', async () => {
    let headers: Headers | undefined;
    server.use(
      http.get(`${API}/repos/acme/shop`, ({ request }) => {
        headers = request.headers;
        return HttpResponse.json({ full_name: 'acme/shop' });
      }),
    );
    await testGithubClient().get(repository, '/repos/acme/shop');
    expect(headers?.get('x-github-api-version')).toBe('2022-11-28');
    expect(headers?.get('accept')).toBe('application/vnd.github+json');
  });

  it.each([403, 429] as const)(
    'waits a minute for a secondary limit without retry-after (%s), then retries',
    async status => {
      let calls = 0;
      server.use(
        http.get(REPO_API, () => {
          calls++;
          return calls === 1
            ? secondaryRateLimited(status)
            : HttpResponse.json({ full_name: 'acme/shop' });
        }),
      );
      const waits: number[] = [];
      await expect(
        testGithubClient(waits).get(repository, '/repos/acme/shop'),
      ).resolves.toMatchObject({ status: 200 });
      // GitHub: "wait for at least one minute before retrying".
      expect(waits).toEqual([60_000]);
      expect(calls).toBe(2);
    },
  );

  it('doubles the wait while a secondary limit persists, then fails naming it', async () => {
    let calls = 0;
    server.use(
      http.get(REPO_API, () => {
        calls++;
        return secondaryRateLimited(403);
      }),
    );
    const waits: number[] = [];
    await expect(
      testGithubClient(waits).get(repository, '/repos/acme/shop'),
    ).rejects.toThrow(
      /^GitHub GET \/repos\/acme\/shop answered 403: You have exceeded a secondary rate limit\..* \(4 attempts\)$/,
    );
    expect(waits).toEqual([60_000, 120_000, 240_000]);
    expect(calls).toBe(4);
  });

  it('waits as retry-after asks before anything else, and gives up when that is too long', async () => {
    server.use(
      http.get(REPO_API, () =>
        secondaryRateLimited(429, { retryAfter: '1200' }),
      ),
    );
    const waits: number[] = [];
    await expect(
      testGithubClient(waits).get(repository, '/repos/acme/shop'),
    ).rejects.toThrow(
      'GitHub GET /repos/acme/shop is rate limited for 1200 s, longer than the 900 s allowed; the next sync resumes',
    );
    expect(waits).toEqual([]);
  });

  it('fails a 403 that is not a rate limit at once', async () => {
    let calls = 0;
    server.use(
      http.get(REPO_API, () => {
        calls++;
        return HttpResponse.json(
          {
            message: 'Resource not accessible by integration',
            documentation_url:
              'https://docs.github.com/rest/repos/repos#get-a-repository',
          },
          { status: 403, headers: rateLimitHeaders(4990) },
        );
      }),
    );
    const waits: number[] = [];
    await expect(
      testGithubClient(waits).get(repository, '/repos/acme/shop'),
    ).rejects.toThrow(
      'GitHub GET /repos/acme/shop answered 403: Resource not accessible by integration',
    );
    expect(waits).toEqual([]);
    expect(calls).toBe(1);
  });

  it('sends nothing for a host without credentials, naming integrations.github', async () => {
    let calls = 0;
    server.use(
      http.get(REPO_API, () => {
        calls++;
        return HttpResponse.json({ full_name: 'acme/shop' });
      }),
    );
    // A token for GitHub Enterprise only: github.com is left anonymous.
    const credentials = DefaultGithubCredentialsProvider.fromIntegrations(
      ScmIntegrations.fromConfig(
        new ConfigReader({
          integrations: {
            github: [{ host: 'ghe.example.com', token: GITHUB_TOKEN }],
          },
        }),
      ),
    );
    const client = new GithubClient({ credentials });
    const failure = client.get(repository, '/repos/acme/shop');
    await expect(failure).rejects.toThrow(
      'No GitHub credentials for https://github.com/acme/shop: add a token, or a GitHub App installed on acme, for host github.com under integrations.github',
    );
    await expect(client.graphql(repository, QUERY, {})).rejects.toThrow(
      /integrations\.github/,
    );
    expect(calls).toBe(0);
  });
});
