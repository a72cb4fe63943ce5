import { HttpResponse, http } from 'msw';
import {
  REPO_API,
  repository,
  restAnswer,
  testGithubClient,
} from '../__testUtils__/githubApi';
import { ConditionalReads } from './readConditionally';
import { readBranchProtectionFacts } from './readBranchProtectionFacts';
import { setupGithubApiServer } from '../__testUtils__/setupGithubApiServer';

const { server, seen } = setupGithubApiServer();

const client = testGithubClient();
const emptyReads = (): ConditionalReads => ({
  previous: { etags: {}, derived: {} },
  next: { etags: {}, derived: {} },
});
const read = (reads = emptyReads(), onForbidden = jest.fn()) =>
  readBranchProtectionFacts(client, repository, {
    base: '/repos/acme/shop',
    branch: 'main',
    reads,
    onForbidden,
  });

/** Rules as `GET /rules/branches/{branch}` lists them. */
const rulesetRules = [
  {
    type: 'pull_request',
    ruleset_source_type: 'Organization',
    ruleset_source: 'acme',
    ruleset_id: 7,
    parameters: {
      dismiss_stale_reviews_on_push: true,
      require_code_owner_review: false,
      require_last_push_approval: false,
      required_approving_review_count: 1,
      required_review_thread_resolution: false,
    },
  },
  {
    type: 'required_status_checks',
    ruleset_source_type: 'Repository',
    ruleset_source: 'acme/shop',
    ruleset_id: 42,
    parameters: {
      strict_required_status_checks_policy: true,
      required_status_checks: [
        { context: 'build', integration_id: 15368 },
        { context: 'Integration tests', integration_id: 15368 },
      ],
    },
  },
];
const forbidden = () =>
  HttpResponse.json(
    {
      message: 'Resource not accessible by integration',
      documentation_url:
        'https://docs.github.com/rest/branches/branch-protection#get-branch-protection',
    },
    { status: 403 },
  );
const notProtected = () =>
  HttpResponse.json(
    {
      message: 'Branch not protected',
      documentation_url:
        'https://docs.github.com/rest/branches/branch-protection#get-branch-protection',
    },
    { status: 404 },
  );

describe('readBranchProtectionFacts', () => {
  it('reads classic protection, with rules that protect nothing', async () => {
    expect(await read()).toEqual({
      'branch-protection': true,
      'branch-protection-required-checks': true,
      'tests-required-checks': true,
    });
    expect(seen.map(r => r.path)).toEqual([
      '/repos/acme/shop/branches/main/protection',
      '/repos/acme/shop/rules/branches/main',
    ]);
  });

  it('counts rulesets where classic protection is not readable', async () => {
    server.use(
      http.get(`${REPO_API}/branches/:branch/protection`, forbidden),
      http.get(
        `${REPO_API}/rules/branches/:branch`,
        restAnswer(seen, () => rulesetRules),
      ),
    );
    const onForbidden = jest.fn();
    expect(await read(emptyReads(), onForbidden)).toEqual({
      'branch-protection': true,
      'branch-protection-required-checks': true,
      'tests-required-checks': true,
    });
    expect(onForbidden).toHaveBeenCalledTimes(1);
  });

  it('leaves facts unset that neither source can show', async () => {
    server.use(http.get(`${REPO_API}/branches/:branch/protection`, forbidden));
    expect(await read()).toEqual({});
  });

  it('tells required checks that are not tests', async () => {
    server.use(
      http.get(`${REPO_API}/branches/:branch/protection`, notProtected),
      http.get(
        `${REPO_API}/rules/branches/:branch`,
        restAnswer(seen, () => [
          {
            ...rulesetRules[1],
            parameters: {
              strict_required_status_checks_policy: false,
              required_status_checks: [{ context: 'build' }],
            },
          },
        ]),
      ),
    );
    expect(await read()).toEqual({
      'branch-protection': false,
      'branch-protection-required-checks': true,
      'tests-required-checks': false,
    });
  });

  it('has no rules on a GitHub Enterprise Server without rulesets', async () => {
    server.use(
      http.get(`${REPO_API}/branches/:branch/protection`, notProtected),
      http.get(`${REPO_API}/rules/branches/:branch`, () =>
        HttpResponse.json({ message: 'Not Found' }, { status: 404 }),
      ),
    );
    expect(await read()).toEqual({
      'branch-protection': false,
      'branch-protection-required-checks': false,
      'tests-required-checks': false,
    });
  });

  it('reads both conditionally: unchanged answers 304 and give the same facts', async () => {
    const first = emptyReads();
    const facts = await read(first);
    seen.length = 0;
    const again = await read({
      previous: first.next,
      next: { etags: {}, derived: {} },
    });
    expect(again).toEqual(facts);
    expect(seen.map(r => r.status)).toEqual([304, 304]);
    expect(seen[0].headers.get('if-none-match')).toMatch(/^W\//);
  });
});
