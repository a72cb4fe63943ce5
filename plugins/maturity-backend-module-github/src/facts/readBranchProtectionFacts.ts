import { RepoFactValue } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { GithubClient, GithubTarget } from '../api/GithubClient';
import { GithubBranchProtection, GithubBranchRule } from '../api/types';
import { classifyStepNames } from '../events/builds/classifyStepNames';
import { ConditionalReads, readConditionally } from './readConditionally';

/** What a branch requires before a change lands on it. */
interface BranchRequirements {
  pullRequest: boolean;
  /** Names (contexts) of the required status checks. */
  checks: string[];
}

const enc = encodeURIComponent;
const TEST_KINDS = new Set([
  'unit-test',
  'integration-test',
  'e2e-test',
  'performance-test',
]);

/**
 * The branch-protection facts of the default branch, from classic branch
 * protection and the rulesets (repository and organization) that apply to
 * it, together: `branch-protection` (a pull request is required),
 * `branch-protection-required-checks` (status checks are required) and
 * `tests-required-checks` (a required check is a test, by its name).
 *
 * Classic protection needs Administration read: without it (403) a fact is
 * set only when a ruleset shows it true, and `onForbidden` is called. The
 * rules need only Metadata read; a GitHub Enterprise Server without
 * rulesets (404) has none.
 */
export async function readBranchProtectionFacts(
  client: GithubClient,
  target: GithubTarget,
  options: {
    base: string;
    branch: string;
    reads: ConditionalReads;
    onForbidden: () => void;
  },
): Promise<Record<string, RepoFactValue>> {
  const { base, branch, reads } = options;
  const classic = await readConditionally<
    GithubBranchProtection,
    BranchRequirements | 'forbidden'
  >(
    client,
    target,
    `${base}/branches/${enc(branch)}/protection`,
    reads,
    ({ status, body }) => {
      if (status === 403) return 'forbidden';
      if (status === 404 || !body) return { pullRequest: false, checks: [] };
      const required = body.required_status_checks;
      return {
        pullRequest: !!body.required_pull_request_reviews,
        checks: [
          ...(required?.contexts ?? []),
          ...(required?.checks ?? []).map(c => c.context),
        ],
      };
    },
    [403, 404],
  );
  if (classic === 'forbidden') options.onForbidden();

  const rules = await readConditionally<GithubBranchRule[], BranchRequirements>(
    client,
    target,
    `${base}/rules/branches/${enc(branch)}?per_page=100`,
    reads,
    ({ body }) => ({
      pullRequest: (body ?? []).some(rule => rule.type === 'pull_request'),
      checks: (body ?? [])
        .filter(rule => rule.type === 'required_status_checks')
        .flatMap(rule =>
          (rule.parameters?.required_status_checks ?? []).map(c => c.context),
        ),
    }),
    [404],
  );

  const known = classic !== 'forbidden';
  const pullRequest = (known && classic.pullRequest) || rules.pullRequest;
  const checks = [...(known ? classic.checks : []), ...rules.checks];
  const testsRequired = checks.some(check =>
    classifyStepNames([check]).some(kind => TEST_KINDS.has(kind)),
  );
  const facts: Record<string, RepoFactValue> = {};
  if (known || pullRequest) facts['branch-protection'] = pullRequest;
  if (known || checks.length > 0) {
    facts['branch-protection-required-checks'] = checks.length > 0;
  }
  if (known || testsRequired) facts['tests-required-checks'] = testsRequired;
  return facts;
}
