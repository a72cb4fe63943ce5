import { createHash } from 'crypto';
import { HttpResponse, http } from 'msw';
import {
  API,
  REPO_API,
  SeenRequest,
  rateLimitHeaders,
  restAnswer,
} from './githubApi';

/** The id GitHub gives `acme/shop` (repo.json), which its `Link` URLs name. */
export const REPOSITORY_ID = 1296269;

/** A 40-digit SHA made from a name, so tests read `sha('M1')`. */
export const sha = (name: string) =>
  createHash('sha1').update(name).digest('hex');

/**
 * A deployment as `GET /repos/{o}/{r}/deployments` lists it (API version
 * 2022-11-28), created by GitHub Actions.
 */
export function deploymentPayload(
  id: number,
  commit: string,
  environment: string,
  createdAt: string,
) {
  return {
    url: `${REPO_API}/deployments/${id}`,
    id,
    node_id: `DE_${id}`,
    sha: commit,
    ref: 'main',
    task: 'deploy',
    payload: {},
    original_environment: environment,
    environment,
    description: '',
    creator: {
      login: 'github-actions[bot]',
      id: 41898282,
      node_id: 'MDM6Qm90NDE4OTgyODI=',
      type: 'Bot',
      site_admin: false,
    },
    created_at: createdAt,
    updated_at: createdAt,
    statuses_url: `${REPO_API}/deployments/${id}/statuses`,
    repository_url: REPO_API,
    transient_environment: false,
    production_environment: environment === 'production',
    performed_via_github_app: null,
  };
}

/** A deployment status as `GET .../deployments/{id}/statuses` lists it. */
export function deploymentStatusPayload(
  deploymentId: number,
  id: number,
  state: string,
  createdAt: string,
) {
  return {
    url: `${REPO_API}/deployments/${deploymentId}/statuses/${id}`,
    id,
    node_id: `DES_${id}`,
    state,
    creator: {
      login: 'github-actions[bot]',
      id: 41898282,
      node_id: 'MDM6Qm90NDE4OTgyODI=',
      type: 'Bot',
      site_admin: false,
    },
    description: '',
    environment: 'production',
    target_url: '',
    created_at: createdAt,
    updated_at: createdAt,
    deployment_url: `${REPO_API}/deployments/${deploymentId}`,
    repository_url: REPO_API,
    environment_url: '',
    log_url: `https://github.com/acme/shop/actions/runs/${deploymentId}`,
  };
}

const octocat = {
  login: 'octocat',
  id: 1,
  node_id: 'MDQ6VXNlcjE=',
  avatar_url: 'https://github.com/images/error/octocat_happy.gif',
  gravatar_id: '',
  url: 'https://api.github.com/users/octocat',
  html_url: 'https://github.com/octocat',
  type: 'User',
  site_admin: false,
};

/**
 * A commit as the compare API lists it (GitHub's `commit` schema): authored
 * and committed at `date`, on top of `parent`.
 */
export function comparisonCommit(
  commit: string,
  options: { message: string; date: string; parent: string },
) {
  const person = {
    name: 'Monalisa Octocat',
    email: 'mona@github.com',
    date: options.date,
  };
  return {
    url: `${REPO_API}/commits/${commit}`,
    sha: commit,
    node_id: Buffer.from(`06:Commit${commit}`).toString('base64'),
    html_url: `https://github.com/acme/shop/commit/${commit}`,
    comments_url: `${REPO_API}/commits/${commit}/comments`,
    commit: {
      url: `${REPO_API}/git/commits/${commit}`,
      author: person,
      committer: { ...person, name: 'GitHub', email: 'noreply@github.com' },
      message: options.message,
      tree: {
        url: `${REPO_API}/tree/${sha(`tree ${commit}`)}`,
        sha: sha(`tree ${commit}`),
      },
      comment_count: 0,
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    author: octocat,
    committer: octocat,
    parents: [
      {
        url: `${REPO_API}/commits/${options.parent}`,
        sha: options.parent,
        html_url: `https://github.com/acme/shop/commit/${options.parent}`,
      },
    ],
  };
}

type Commit = ReturnType<typeof comparisonCommit>;

/**
 * Merge commits of the pull requests `numbers`, in a row on top of `base`,
 * as GitHub writes them ("Merge pull request #n ..."), `sha('M<n>')` each,
 * committed at `mergedAt(n)`.
 */
export function mergeCommits(
  base: string,
  numbers: number[],
  mergedAt: (n: number) => string,
): Commit[] {
  let parent = base;
  return numbers.map(n => {
    const commit = comparisonCommit(sha(`M${n}`), {
      message: `Merge pull request #${n} from acme/feature-${n}\n\nFeature ${n}`,
      date: mergedAt(n),
      parent,
    });
    parent = commit.sha;
    return commit;
  });
}

/**
 * `GET /repos/{o}/{r}/compare/{base}...{head}` as GitHub documents it
 * (`commit-comparison`): the commits of the requested page, and the files
 * on the first page only.
 */
export function comparisonPayload(options: {
  base: string;
  head: string;
  status: 'ahead' | 'behind' | 'identical' | 'diverged';
  aheadBy: number;
  behindBy: number;
  commits: Commit[];
  firstPage: boolean;
}) {
  const { base, head } = options;
  const baseCommit = comparisonCommit(base, {
    message: 'Release',
    date: '2026-11-01T00:00:00Z',
    parent: sha(`parent ${base}`),
  });
  return {
    url: `${REPO_API}/compare/${base}...${head}`,
    html_url: `https://github.com/acme/shop/compare/${base}...${head}`,
    permalink_url: `https://github.com/acme/shop/compare/acme:${base}...acme:${head}`,
    diff_url: `https://github.com/acme/shop/compare/${base}...${head}.diff`,
    patch_url: `https://github.com/acme/shop/compare/${base}...${head}.patch`,
    base_commit: baseCommit,
    merge_base_commit: baseCommit,
    status: options.status,
    ahead_by: options.aheadBy,
    behind_by: options.behindBy,
    total_commits: options.aheadBy,
    commits: options.commits,
    files: options.firstPage
      ? [
          {
            sha: 'bbcd538c8e72b8c175046e27cc8f907076331401',
            filename: 'src/cart.ts',
            status: 'modified',
            additions: 103,
            deletions: 21,
            changes: 124,
            blob_url: `https://github.com/acme/shop/blob/${head}/src/cart.ts`,
            raw_url: `https://github.com/acme/shop/raw/${head}/src/cart.ts`,
            contents_url: `${REPO_API}/contents/src/cart.ts?ref=${head}`,
            patch: '@@ -132,7 +132,7 @@ module Test @@ -1000,7 +1000,7 @@',
          },
        ]
      : [],
  };
}

/** A comparison GitHub answers: its status and every commit, oldest first. */
export interface Comparison {
  status: 'ahead' | 'behind' | 'identical' | 'diverged';
  behindBy?: number;
  commits: Commit[];
}

/**
 * msw handlers for `acme/shop`'s compare API: answers `base...head` from
 * `comparisons` (`per_page` commits a page, GitHub's `Link` header with
 * next/last and prev/first, its URLs by repository id as GitHub writes
 * them), 404 with GitHub's body for any other pair.
 */
export function compareHandlers(
  seen: SeenRequest[],
  comparisons: Record<string, Comparison>,
) {
  const answer = restAnswer(
    seen,
    url => {
      const basehead = decodeURIComponent(url.pathname.split('/compare/')[1]);
      const [base, head] = basehead.split('...');
      const found = comparisons[basehead]!;
      const { perPage, page } = paging(url);
      return comparisonPayload({
        base,
        head,
        status: found.status,
        aheadBy: found.commits.length,
        behindBy: found.behindBy ?? 0,
        commits: found.commits.slice((page - 1) * perPage, page * perPage),
        firstPage: page === 1,
      });
    },
    url => {
      const basehead = decodeURIComponent(url.pathname.split('/compare/')[1]);
      const { perPage, page } = paging(url);
      const pages = Math.max(
        1,
        Math.ceil(comparisons[basehead]!.commits.length / perPage),
      );
      const link = (n: number, rel: string) =>
        `<${API}/repositories/${REPOSITORY_ID}/compare/${basehead}?per_page=${perPage}&page=${n}>; rel="${rel}"`;
      const links = [
        ...(page < pages ? [link(page + 1, 'next'), link(pages, 'last')] : []),
        ...(page > 1 ? [link(page - 1, 'prev'), link(1, 'first')] : []),
      ];
      const headers: Record<string, string> = {};
      if (links.length > 0) headers.link = links.join(', ');
      return headers;
    },
  );
  const handle = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    const basehead = decodeURIComponent(url.pathname.split('/compare/')[1]);
    if (!comparisons[basehead]) {
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
            'https://docs.github.com/rest/commits/commits#compare-two-commits',
          status: '404',
        },
        { status: 404, headers: rateLimitHeaders() },
      );
    }
    return answer({ request });
  };
  return [
    http.get(`${REPO_API}/compare/:basehead`, handle),
    http.get(`${API}/repositories/${REPOSITORY_ID}/compare/:basehead`, handle),
  ];
}

/**
 * `per_page` and `page` as GitHub reads them: 30 and 1 by default, at most
 * 100 a page. (Without either, GitHub lists up to 250 commits unpaginated;
 * the module always asks for pages.)
 */
function paging(url: URL) {
  const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
  const page = Number(url.searchParams.get('page') ?? 1);
  return { perPage, page };
}

/**
 * msw handlers for `acme/shop`'s deployments: the list newest first (by
 * `environment` when asked, 100 a page) and each one's statuses.
 */
export function deploymentHandlers(
  seen: SeenRequest[],
  deployments: Array<ReturnType<typeof deploymentPayload>>,
  statuses: Record<number, Array<ReturnType<typeof deploymentStatusPayload>>>,
) {
  const newestFirst = [...deployments].sort(
    (a, b) =>
      Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id,
  );
  return [
    http.get(
      `${REPO_API}/deployments`,
      restAnswer(seen, url => {
        const environment = url.searchParams.get('environment');
        return newestFirst.filter(
          d => !environment || d.environment === environment,
        );
      }),
    ),
    http.get(
      `${REPO_API}/deployments/:id/statuses`,
      restAnswer(
        seen,
        url => statuses[Number(url.pathname.split('/')[5])] ?? [],
      ),
    ),
    http.get(
      `${REPO_API}/deployments/:id`,
      restAnswer(seen, url =>
        deployments.find(d => url.pathname.endsWith(`/${d.id}`)),
      ),
    ),
  ];
}
