import { HttpResponse, http } from 'msw';
import commits from '../__fixtures__/commits.json';
import pulls from '../__fixtures__/pulls.json';
import {
  GITHUB_TOKEN,
  REPO_API,
  SeenRequest,
  rateLimitHeaders,
} from './githubApi';

/** The commit of pushDefaultBranch.json that pull request #42 brought by a rebase merge. */
export const REBASE_MERGED_SHA = '9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d';

/** A commit as `GET /commits/{sha}` gives it: with its stats and files. */
function withFiles(commit: (typeof commits)[number]) {
  const filename = 'src/price.ts';
  return {
    ...commit,
    stats: { total: 2, additions: 1, deletions: 1 },
    files: [
      {
        sha: 'bbcd538c8e72b8c175046e27cc8f907076331401',
        filename,
        status: 'modified',
        additions: 1,
        deletions: 1,
        changes: 2,
        blob_url: `https://github.com/acme/shop/blob/${commit.sha}/${filename}`,
        raw_url: `https://github.com/acme/shop/raw/${commit.sha}/${filename}`,
        contents_url: `${REPO_API}/contents/${filename}?ref=${commit.sha}`,
        patch:
          '@@ -1 +1 @@\n-export const cents = 100;\n+export const cents = 1;',
      },
    ],
  };
}

/**
 * msw handlers for the look-ups of push deliveries, answering like GitHub's
 * REST API for `acme/shop`: `/commits/{sha}/pulls` names merged pull request
 * #42 for {@link REBASE_MERGED_SHA} and none for other commits;
 * `/commits/{sha}` answers with commits.json, each commit changing
 * `src/price.ts`.
 */
export function webhookLookupHandlers(seen: SeenRequest[] = []) {
  const record = (request: Request, status: number) => {
    const url = new URL(request.url);
    seen.push({
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      status,
    });
  };
  const unauthorized = (request: Request) => {
    if (request.headers.get('authorization') === `Bearer ${GITHUB_TOKEN}`) {
      return undefined;
    }
    record(request, 401);
    return HttpResponse.json(
      {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      },
      { status: 401 },
    );
  };
  return [
    http.get(`${REPO_API}/commits/:sha/pulls`, ({ request, params }) => {
      const refused = unauthorized(request);
      if (refused) return refused;
      record(request, 200);
      return HttpResponse.json(
        params.sha === REBASE_MERGED_SHA ? [pulls[0]] : [],
        {
          headers: rateLimitHeaders(),
        },
      );
    }),
    http.get(`${REPO_API}/commits/:sha`, ({ request, params }) => {
      const refused = unauthorized(request);
      if (refused) return refused;
      const commit = commits.find(c => c.sha === params.sha);
      record(request, commit ? 200 : 404);
      return commit
        ? HttpResponse.json(withFiles(commit), { headers: rateLimitHeaders() })
        : HttpResponse.json(
            {
              message: 'Not Found',
              documentation_url:
                'https://docs.github.com/rest/commits/commits#get-a-commit',
              status: '404',
            },
            { status: 404 },
          );
    }),
  ];
}
