import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { HttpResponse, http } from 'msw';
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
import { GithubRepository } from '../catalog/readRepositoryMap';

export const API = 'https://api.github.com';
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
}

/** The rate-limit headers GitHub sends on every answer. */
export const rateLimitHeaders = (remaining = 4999) => ({
  'x-ratelimit-limit': '5000',
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-used': String(5000 - remaining),
  'x-ratelimit-reset': '1795180800',
  'x-ratelimit-resource': 'core',
});

/**
 * msw handlers answering like GitHub's REST API for `acme/shop` with the
 * fixtures: two pages of workflow runs (Link header), two deployments, two
 * pull requests, two default-branch commits, a tree and branch protection.
 * Every answer has an ETag; a matching If-None-Match gets 304.
 */
export function githubHandlers(seen: SeenRequest[] = []) {
  const answer =
    (
      body: (url: URL) => unknown,
      extra?: (url: URL) => Record<string, string>,
    ) =>
    ({ request }: { request: Request }) => {
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
        return HttpResponse.json(
          {
            message: 'Bad credentials',
            documentation_url: 'https://docs.github.com/rest',
          },
          { status: 401 },
        );
      }
      const payload = body(url);
      const etag = `W/"${url.pathname}${url.searchParams.get('page') ?? ''}-${
        JSON.stringify(payload).length
      }"`;
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

  return [
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
  ];
}
