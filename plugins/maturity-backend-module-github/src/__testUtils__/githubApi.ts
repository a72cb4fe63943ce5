import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { GraphQLResponseResolver, HttpResponse, graphql, http } from 'msw';
import { join } from 'path';
import repo from '../__fixtures__/repo.json';
import runsPage1 from '../__fixtures__/runsPage1.json';
import runsPage2 from '../__fixtures__/runsPage2.json';
import jobs from '../__fixtures__/jobs.json';
import deployments from '../__fixtures__/deployments.json';
import statuses1001 from '../__fixtures__/deploymentStatuses1001.json';
import statuses1002 from '../__fixtures__/deploymentStatuses1002.json';
import pulls from '../__fixtures__/pulls.json';
import reviews from '../__fixtures__/reviews.json';
import pullCommits from '../__fixtures__/pullCommits.json';
import commits from '../__fixtures__/commits.json';
import tree from '../__fixtures__/tree.json';
import protection from '../__fixtures__/protection.json';
import pullFiles from '../__fixtures__/pullFiles.json';
import pullRequestNodes from '../__fixtures__/pullRequestNodes.json';
import branchRules from '../__fixtures__/branchRules.json';
import releases from '../__fixtures__/releases.json';
import tags from '../__fixtures__/tags.json';
import branchRefsPage1 from '../__fixtures__/branchRefsPage1.json';
import branchRefsPage2 from '../__fixtures__/branchRefsPage2.json';
import { GithubRepository } from '../catalog/readRepositoryMap';
import { GithubClient } from '../api/GithubClient';

export const API = 'https://api.github.com';
export const GRAPHQL_API = `${API}/graphql`;
export const REPO_API = `${API}/repos/acme/shop`;
export const GITHUB_TOKEN = 'ghp_TestTokenNeverLogged42';
export const ENTITY = 'component:default/checkout-api';

export const integrationsConfig = {
  github: [{ host: 'github.com', token: GITHUB_TOKEN }],
};

export const credentials = DefaultGithubCredentialsProvider.fromIntegrations(
  ScmIntegrations.fromConfig(
    new ConfigReader({ integrations: integrationsConfig }),
  ),
);

/** When the fixtures' rate limit resets, in UTC epoch seconds. */
export const RATE_LIMIT_RESET = 1795180800;

/**
 * A client for tests: short timeouts and backoff, sleeps recorded in
 * `waits` instead of slept, and a clock 30 s before the fixtures' rate-limit
 * reset.
 */
export function testGithubClient(waits: number[] = []) {
  return new GithubClient({
    credentials,
    // Long enough that a loaded CI machine never times out a prompt answer.
    timeoutMs: 1_000,
    backoffMs: 10,
    sleep: async ms => {
      waits.push(ms);
    },
    random: () => 0.5,
    now: () => RATE_LIMIT_RESET * 1000 - 30_000,
  });
}

export const repository: GithubRepository = {
  host: 'github.com',
  owner: 'acme',
  repo: 'shop',
  apiBaseUrl: API,
  url: 'https://github.com/acme/shop',
  scope: 'acme/shop',
  entities: [{ entityRef: ENTITY }],
};

/** Requests the fake API saw, in order. */
export interface SeenRequest {
  path: string;
  query: URLSearchParams;
  headers: Headers;
  status: number;
  /** The operation name of a GraphQL request (path `/graphql`). */
  operation?: string;
  variables?: Record<string, any>;
}

/** The rate-limit headers GitHub sends on every answer. */
export const rateLimitHeaders = (
  remaining = 4999,
  resource: 'core' | 'graphql' = 'core',
  reset = RATE_LIMIT_RESET,
) => ({
  'x-ratelimit-limit': '5000',
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-used': String(5000 - remaining),
  'x-ratelimit-reset': String(reset),
  'x-ratelimit-resource': resource,
});

/**
 * GitHub's refusal when the primary limit is spent: 403 (or 429) with
 * `x-ratelimit-remaining: 0` and the reset time.
 */
export const primaryRateLimited = (
  options: { status?: 403 | 429; reset?: number } = {},
) =>
  HttpResponse.json(
    {
      message: 'API rate limit exceeded for installation ID 1.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
    },
    {
      status: options.status ?? 403,
      headers: rateLimitHeaders(0, 'core', options.reset),
    },
  );

/**
 * GitHub's refusal for a secondary limit: 403 or 429, the primary limit
 * healthy, the message saying so, and `retry-after` only sometimes.
 */
export const secondaryRateLimited = (
  status: 403 | 429,
  options: { retryAfter?: string } = {},
) =>
  HttpResponse.json(
    {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
        'If you reach out to GitHub Support for help, please include the request ID 0A4B:3C2D:1E0F:5A6B:7C8D9E0F.',
      documentation_url:
        'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
    },
    {
      status,
      headers: {
        ...rateLimitHeaders(4990),
        ...(options.retryAfter ? { 'retry-after': options.retryAfter } : {}),
      },
    },
  );

/** GitHub's answer to a request without valid credentials. */
const badCredentials = () =>
  HttpResponse.json(
    {
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
    },
    { status: 401 },
  );

/**
 * A GraphQL resolver for msw that checks the token, records the request
 * and answers `{ data }` (or a full body from `answer`, e.g. with errors).
 */
export function graphqlAnswer(
  seen: SeenRequest[],
  answer: (variables: Record<string, any>) => unknown,
): GraphQLResponseResolver<any, any> {
  return ({ request, variables, operationName }) => {
    const url = new URL(request.url);
    const authorized =
      request.headers.get('authorization') === `Bearer ${GITHUB_TOKEN}`;
    seen.push({
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      status: authorized ? 200 : 401,
      operation: operationName,
      variables,
    });
    if (!authorized) {
      return HttpResponse.json<any>(
        {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/graphql',
        },
        { status: 401 },
      );
    }
    return HttpResponse.json<any>(answer(variables), {
      headers: rateLimitHeaders(4990, 'graphql'),
    });
  };
}

/**
 * `nodes(ids:)` answered from pull request nodes: unknown ids resolve to
 * null with a NOT_FOUND error, as GitHub answers them.
 */
export function pullRequestNodesAnswer(
  nodes: Array<{ id: string; [field: string]: unknown }>,
) {
  return (variables: Record<string, any>) => {
    const ids: string[] = variables.ids;
    const missing = ids.filter(id => !nodes.some(n => n.id === id));
    return {
      data: { nodes: ids.map(id => nodes.find(n => n.id === id) ?? null) },
      ...(missing.length > 0
        ? {
            errors: missing.map(id => ({
              type: 'NOT_FOUND',
              path: ['nodes', ids.indexOf(id)],
              locations: [{ line: 3, column: 3 }],
              message: `Could not resolve to a node with the global id of '${id}'`,
            })),
          }
        : {}),
    };
  };
}

/**
 * An msw REST resolver answering like GitHub: checks the token, records the
 * request in `seen`, gives the payload an ETag and answers a matching
 * If-None-Match with 304.
 */
export function restAnswer(
  seen: SeenRequest[],
  body: (url: URL) => unknown,
  extra?: (url: URL) => Record<string, string>,
) {
  return ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    const record = (status: number) =>
      seen.push({
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        status,
      });
    if (request.headers.get('authorization') !== `Bearer ${GITHUB_TOKEN}`) {
      record(401);
      return badCredentials();
    }
    const payload = body(url);
    const etag = `W/"${createHash('sha1')
      .update(`${url.pathname}?${url.searchParams}`)
      .update(JSON.stringify(payload))
      .digest('hex')}"`;
    if (request.headers.get('if-none-match') === etag) {
      record(304);
      return new HttpResponse(null, {
        status: 304,
        headers: { etag, ...rateLimitHeaders() },
      });
    }
    record(200);
    return HttpResponse.json(payload as any, {
      headers: {
        etag,
        ...rateLimitHeaders(),
        ...(extra ? extra(url) : {}),
      },
    });
  };
}

/** A dependency manifest of `src/__fixtures__/manifests`, as text. */
export const manifestFixture = (name: string) =>
  readFileSync(join(__dirname, '../__fixtures__/manifests', name), 'utf8');

/** The SHA Git gives a file's content (`git hash-object`). */
export const gitBlobSha = (text: string) =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0`)
    .update(text)
    .digest('hex');

/**
 * `GET /repos/{o}/{r}/git/blobs/{sha}` as GitHub answers it: the content in
 * base64, in lines of 60 characters each ending with a newline.
 */
export function blobPayload(text: string, sha = gitBlobSha(text)) {
  const base64 = Buffer.from(text).toString('base64');
  return {
    sha,
    node_id: Buffer.from(`04:Blob${sha}`).toString('base64'),
    size: Buffer.byteLength(text),
    url: `${REPO_API}/git/blobs/${sha}`,
    content: `${base64.match(/.{1,60}/g)?.join('\n') ?? ''}\n`,
    encoding: 'base64',
  };
}

/**
 * The blob SHA the tree fixture gives every file; as a blob it is the root
 * package.json of `acme/shop` (no feature-flag or telemetry SDK).
 */
export const TREE_FIXTURE_BLOB_SHA = '44b4fc6d56897b048c772eb4087f854f46256132';

/**
 * An msw handler for `/git/blobs/{sha}` answering the texts by SHA (a map,
 * or a look-up made at each request), and 404 (as GitHub does) for any
 * other SHA.
 */
export function blobHandler(
  seen: SeenRequest[],
  texts: Record<string, string> | ((sha: string) => string | undefined),
) {
  return http.get(`${REPO_API}/git/blobs/:sha`, ({ request, params }) => {
    const sha = String(params.sha);
    const text = typeof texts === 'function' ? texts(sha) : texts[sha];
    if (text === undefined) {
      const url = new URL(request.url);
      seen.push({
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        status: 404,
      });
      return HttpResponse.json(
        {
          message: 'Not Found',
          documentation_url:
            'https://docs.github.com/rest/git/blobs#get-a-blob',
          status: '404',
        },
        { status: 404, headers: rateLimitHeaders() },
      );
    }
    return restAnswer(seen, () => blobPayload(text, sha))({ request });
  });
}

/**
 * msw handlers answering like GitHub's REST and GraphQL APIs for
 * `acme/shop` with the fixtures: two pages of workflow runs (Link header),
 * two deployments, two pull requests (details by GraphQL, or reviews,
 * commits and files by REST), two default-branch commits, a tree, branch
 * protection, ruleset rules, releases, tags, two pages of branches
 * (GraphQL), and the tree's root package.json as a blob. Every REST answer
 * has an ETag; a matching If-None-Match gets 304.
 */
export function githubHandlers(seen: SeenRequest[] = []) {
  const answer = (
    body: (url: URL) => unknown,
    extra?: (url: URL) => Record<string, string>,
  ) => restAnswer(seen, body, extra);

  const github = graphql.link(GRAPHQL_API);
  return [
    github.query(
      'PullRequestDetails',
      graphqlAnswer(seen, pullRequestNodesAnswer(pullRequestNodes)),
    ),
    github.query(
      'BranchRefs',
      graphqlAnswer(seen, variables =>
        variables.after ? branchRefsPage2 : branchRefsPage1,
      ),
    ),
    http.get(
      REPO_API,
      answer(() => repo),
    ),
    http.get(
      `${REPO_API}/actions/runs`,
      answer(
        url => (url.searchParams.get('page') === '2' ? runsPage2 : runsPage1),
        url => {
          if (url.searchParams.get('page') === '2')
            return {} as Record<string, string>;
          const next = new URL(url);
          next.searchParams.set('page', '2');
          const last = next.toString();
          return { link: `<${next}>; rel="next", <${last}>; rel="last"` };
        },
      ),
    ),
    http.get(
      `${REPO_API}/actions/runs/:id/jobs`,
      answer(() => jobs),
    ),
    http.get(
      `${REPO_API}/deployments`,
      answer(() => deployments),
    ),
    http.get(
      `${REPO_API}/deployments/:id/statuses`,
      answer(url =>
        url.pathname.includes('/1002/') ? statuses1002 : statuses1001,
      ),
    ),
    http.get(
      `${REPO_API}/deployments/:id`,
      answer(url => deployments.find(d => url.pathname.endsWith(`/${d.id}`))),
    ),
    http.get(
      `${REPO_API}/pulls`,
      answer(() => pulls),
    ),
    http.get(
      `${REPO_API}/pulls/:n/reviews`,
      answer(() => reviews),
    ),
    http.get(
      `${REPO_API}/pulls/:n/commits`,
      answer(() => pullCommits),
    ),
    http.get(
      `${REPO_API}/pulls/:n/files`,
      answer(() => pullFiles),
    ),
    http.get(
      `${REPO_API}/commits`,
      answer(() => commits),
    ),
    http.get(
      `${REPO_API}/git/trees/:ref`,
      answer(() => tree),
    ),
    http.get(
      `${REPO_API}/branches/:branch/protection`,
      answer(() => protection),
    ),
    http.get(
      `${REPO_API}/rules/branches/:branch`,
      answer(() => branchRules),
    ),
    http.get(
      `${REPO_API}/releases`,
      answer(() => releases),
    ),
    http.get(
      `${REPO_API}/tags`,
      answer(() => tags),
    ),
    blobHandler(seen, {
      [TREE_FIXTURE_BLOB_SHA]: manifestFixture('shop.package.json'),
    }),
  ];
}
