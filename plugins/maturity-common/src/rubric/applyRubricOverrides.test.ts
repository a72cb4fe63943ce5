import { applyRubricOverrides } from './applyRubricOverrides';
import { defaultRubric } from './defaultRubric';
import { evaluateCheck } from './evaluateCheck';
import { evaluateScorecard } from './evaluateScorecard';
import {
  checkById,
  eliteInput,
  okMetric,
} from './__testUtils__/evaluationInputs';

const AUTOMATED = 'build-deploy.3.automated-prod-deploys';

const customCheck = (overrides: Record<string, unknown> = {}) => ({
  id: 'acme.build-deploy.2.sbom',
  category: 'build-deploy',
  level: 2,
  title: 'SBOM published',
  howToFix: 'Publish an SBOM with every release.',
  rule: { kind: 'fact', fact: 'sbom' },
  ...overrides,
});

describe('applyRubricOverrides', () => {
  it('changes a threshold so a passing check fails', () => {
    const input = eliteInput();
    input.metrics.deploy_automation_share = okMetric(
      'deploy_automation_share',
      0.82,
      50,
    );
    expect(
      evaluateCheck(checkById(defaultRubric, AUTOMATED), input).state,
    ).toBe('pass');
    const rubric = applyRubricOverrides(defaultRubric, {
      checks: { [AUTOMATED]: { threshold: 0.85 } },
    });
    const result = evaluateCheck(checkById(rubric, AUTOMATED), input);
    expect(result.state).toBe('fail');
    expect(result.threshold).toBe('>= 0.85');
    expect(result.message).toBe(
      '0.82 < 0.85 of production deploys automated (41 of 50)',
    );
  });

  it('changes the threshold of a numeric fact, of history, and inside a composite', () => {
    const rubric = applyRubricOverrides(defaultRubric, {
      checks: {
        'design.3.few-stale-branches': { threshold: 0 },
        'information.4.scorecard-history': { threshold: 365 },
        'culture.3.protected-default-branch': { threshold: 2 },
      },
    });
    const input = eliteInput();
    input.metrics.direct_pushes = okMetric('direct_pushes', 2, 2);
    const scorecard = evaluateScorecard(rubric, input);
    const state = (id: string) =>
      scorecard.checks.find(c => c.checkId === id)?.state;
    expect(state('design.3.few-stale-branches')).toBe('fail');
    expect(state('information.4.scorecard-history')).toBe('fail');
    expect(state('culture.3.protected-default-branch')).toBe('pass');
  });

  it('disables a check', () => {
    const rubric = applyRubricOverrides(defaultRubric, {
      checks: { 'test.4.performance-tests': { enabled: false } },
    });
    expect(checkById(rubric, 'test.4.performance-tests').enabled).toBe(false);
    const input = eliteInput();
    input.repoFacts['performance-tests-in-ci'] = false;
    // Without the performance-test check, test level 4 is R plus SAST: 1 of
    // 1 applicable scored checks instead of 1 of 2.
    const scorecard = evaluateScorecard(rubric, input);
    expect(scorecard.categories.find(c => c.category === 'test')!.level).toBe(
      5,
    );
  });

  it('adds checks to their level, defaulting to scored, enabled and heuristic', () => {
    const rubric = applyRubricOverrides(defaultRubric, {
      addChecks: [customCheck()],
    });
    expect(checkById(rubric, 'acme.build-deploy.2.sbom')).toEqual({
      id: 'acme.build-deploy.2.sbom',
      category: 'build-deploy',
      level: 2,
      title: 'SBOM published',
      howToFix: 'Publish an SBOM with every release.',
      source: 'heuristic',
      required: false,
      enabled: true,
      rule: { kind: 'fact', fact: 'sbom' },
    });
    const level2 = rubric.categories
      .find(c => c.id === 'build-deploy')!
      .levels.find(l => l.level === 2)!;
    expect(level2.checks.map(c => c.id).slice(-1)).toEqual([
      'acme.build-deploy.2.sbom',
    ]);
    const input = eliteInput();
    input.repoFacts.sbom = true;
    const scorecard = evaluateScorecard(rubric, input);
    expect(
      scorecard.checks.find(c => c.checkId === 'acme.build-deploy.2.sbom')
        ?.state,
    ).toBe('pass');
  });

  it('moves the required check of a level to an added check', () => {
    const rubric = applyRubricOverrides(defaultRubric, {
      checks: { 'build-deploy.2.commits-built': { required: false } },
      addChecks: [customCheck({ required: true, source: 'CDMM' })],
    });
    expect(checkById(rubric, 'acme.build-deploy.2.sbom').required).toBe(true);
    expect(checkById(rubric, 'build-deploy.2.commits-built').required).toBe(
      false,
    );
  });

  it('gives an overridden rubric a new, stable version and leaves the base alone', () => {
    const before = JSON.stringify(defaultRubric);
    const overrides = { checks: { [AUTOMATED]: { threshold: 0.9 } } };
    const first = applyRubricOverrides(defaultRubric, overrides);
    const second = applyRubricOverrides(defaultRubric, overrides);
    expect(first.version).not.toBe(defaultRubric.version);
    expect(first.version).toMatch(/^2026\.11-[0-9a-f]{8}$/);
    expect(second.version).toBe(first.version);
    expect(
      applyRubricOverrides(defaultRubric, {
        checks: { [AUTOMATED]: { threshold: 0.95 } },
      }).version,
    ).not.toBe(first.version);
    expect(JSON.stringify(defaultRubric)).toBe(before);
  });

  it('keeps the version when nothing changes', () => {
    expect(applyRubricOverrides(defaultRubric, undefined)).toBe(defaultRubric);
    expect(applyRubricOverrides(defaultRubric, {}).version).toBe(
      defaultRubric.version,
    );
    expect(
      applyRubricOverrides(defaultRubric, {
        checks: { [AUTOMATED]: { threshold: 0.8, enabled: true } },
      }).version,
    ).toBe(defaultRubric.version);
  });
});

describe('applyRubricOverrides errors', () => {
  const P = 'maturity.rubric';
  /** The message applyRubricOverrides throws for these overrides. */
  const errorOf = (overrides: unknown): string => {
    try {
      applyRubricOverrides(defaultRubric, overrides);
    } catch (error) {
      return (error as Error).message;
    }
    return 'no error';
  };

  it('rejects a malformed root', () => {
    expect(errorOf([])).toBe(`${P}: must be an object`);
    expect(errorOf({ rules: {} })).toBe(
      `${P}.rules: unknown key; expected one of checks, addChecks`,
    );
    expect(errorOf({ checks: [] })).toBe(
      `${P}.checks: must be an object keyed by check id`,
    );
    expect(errorOf({ addChecks: {} })).toBe(`${P}.addChecks: must be a list`);
  });

  it('rejects unknown check ids and malformed check overrides', () => {
    expect(
      errorOf({
        checks: { 'build-deploy.3.automated-deploys': { enabled: false } },
      }),
    ).toBe(
      `${P}.checks.build-deploy.3.automated-deploys: unknown check id 'build-deploy.3.automated-deploys'`,
    );
    expect(errorOf({ checks: { [AUTOMATED]: false } })).toBe(
      `${P}.checks.${AUTOMATED}: must be an object`,
    );
    expect(errorOf({ checks: { [AUTOMATED]: { treshold: 0.9 } } })).toBe(
      `${P}.checks.${AUTOMATED}.treshold: unknown key; expected one of enabled, threshold, required`,
    );
  });

  it('rejects wrong types', () => {
    expect(errorOf({ checks: { [AUTOMATED]: { threshold: '0.9' } } })).toBe(
      `${P}.checks.${AUTOMATED}.threshold: must be a number`,
    );
    expect(errorOf({ checks: { [AUTOMATED]: { enabled: 'no' } } })).toBe(
      `${P}.checks.${AUTOMATED}.enabled: must be true or false`,
    );
    expect(
      errorOf({ checks: { 'culture.3.codeowners': { required: 1 } } }),
    ).toBe(`${P}.checks.culture.3.codeowners.required: must be true or false`);
  });

  it('rejects thresholds that cannot apply', () => {
    expect(errorOf({ checks: { [AUTOMATED]: { threshold: 80 } } })).toBe(
      `${P}.checks.${AUTOMATED}.threshold: must be between 0 and 1 for ratio metric 'deploy_automation_share'`,
    );
    expect(
      errorOf({ checks: { 'culture.3.codeowners': { threshold: 1 } } }),
    ).toBe(
      `${P}.checks.culture.3.codeowners.threshold: check 'culture.3.codeowners' has no numeric threshold to change`,
    );
    expect(
      errorOf({
        checks: { 'build-deploy.2.deployment-recorded': { threshold: 2 } },
      }),
    ).toBe(
      `${P}.checks.build-deploy.2.deployment-recorded.threshold: check 'build-deploy.2.deployment-recorded' compares production_deploys, non_production_deploys; disable it and add a check with your own rule under addChecks`,
    );
    expect(
      errorOf({
        checks: { 'information.3.catalog-complete': { threshold: 80 } },
      }),
    ).toBe(
      `${P}.checks.information.3.catalog-complete.threshold: must be between 0 and 1`,
    );
  });

  it('rejects a level left without exactly one required check', () => {
    expect(errorOf({ checks: { [AUTOMATED]: { enabled: false } } })).toBe(
      `${P}.checks.${AUTOMATED}.enabled: build-deploy level 3 would have 0 enabled required checks; exactly one is needed`,
    );
    expect(errorOf({ checks: { [AUTOMATED]: { required: false } } })).toBe(
      `${P}.checks.${AUTOMATED}.required: build-deploy level 3 would have 0 enabled required checks; exactly one is needed`,
    );
    expect(
      errorOf({
        checks: { 'build-deploy.3.green-at-merge': { required: true } },
      }),
    ).toBe(
      `${P}.checks.build-deploy.3.green-at-merge.required: build-deploy level 3 would have 2 enabled required checks (${AUTOMATED}, build-deploy.3.green-at-merge); exactly one is needed`,
    );
    expect(errorOf({ addChecks: [customCheck({ required: true })] })).toBe(
      `${P}.addChecks[0].required: build-deploy level 2 would have 2 enabled required checks (build-deploy.2.commits-built, acme.build-deploy.2.sbom); exactly one is needed`,
    );
  });

  it('rejects malformed added checks', () => {
    expect(errorOf({ addChecks: ['x'] })).toBe(
      `${P}.addChecks[0]: must be an object`,
    );
    expect(errorOf({ addChecks: [customCheck({ weight: 2 })] })).toBe(
      `${P}.addChecks[0].weight: unknown key; expected one of id, category, level, title, source, howToFix, required, enabled, rule`,
    );
    expect(errorOf({ addChecks: [customCheck({ id: '' })] })).toBe(
      `${P}.addChecks[0].id: must be a non-empty string`,
    );
    expect(errorOf({ addChecks: [customCheck({ id: AUTOMATED })] })).toBe(
      `${P}.addChecks[0].id: duplicate check id '${AUTOMATED}'`,
    );
    expect(errorOf({ addChecks: [customCheck(), customCheck()] })).toBe(
      `${P}.addChecks[1].id: duplicate check id 'acme.build-deploy.2.sbom'`,
    );
    expect(
      errorOf({ addChecks: [customCheck({ category: 'security' })] }),
    ).toBe(
      `${P}.addChecks[0].category: unknown category 'security'; expected one of culture, design, build-deploy, test, information, mlops`,
    );
    expect(errorOf({ addChecks: [customCheck({ level: 6 })] })).toBe(
      `${P}.addChecks[0].level: must be one of 1, 2, 3, 4, 5 for build-deploy`,
    );
    expect(
      errorOf({ addChecks: [customCheck({ category: 'mlops', level: 3 })] }),
    ).toBe(`${P}.addChecks[0].level: must be one of 1, 2 for mlops`);
    expect(errorOf({ addChecks: [customCheck({ title: 3 })] })).toBe(
      `${P}.addChecks[0].title: must be a non-empty string`,
    );
    expect(errorOf({ addChecks: [customCheck({ howToFix: undefined })] })).toBe(
      `${P}.addChecks[0].howToFix: must be a non-empty string`,
    );
    expect(errorOf({ addChecks: [customCheck({ source: 'ISO' })] })).toBe(
      `${P}.addChecks[0].source: unknown source 'ISO'; expected one of CDMM, DORA-2024, FourKeys, DevLake, MLOps, heuristic`,
    );
    expect(errorOf({ addChecks: [customCheck({ required: 'yes' })] })).toBe(
      `${P}.addChecks[0].required: must be true or false`,
    );
  });

  it('rejects malformed rules, naming the path inside the rule', () => {
    const withRule = (rule: unknown) => ({
      addChecks: [
        customCheck({ id: 'a' }),
        customCheck({ id: 'b' }),
        customCheck({ id: 'c', rule }),
      ],
    });
    const R = `${P}.addChecks[2].rule`;
    expect(errorOf(withRule(undefined))).toBe(
      `${R}: must be an object with a kind`,
    );
    expect(errorOf(withRule({ kind: 'regex' }))).toBe(
      `${R}.kind: unknown rule kind 'regex'; expected one of metric, fact, facts-all, facts-any, entity, annotation, connection, history-days, catalog-completeness, metrics-computable, not-measured, all, any`,
    );
    expect(
      errorOf(
        withRule({
          kind: 'metric',
          metric: 'deploy_freq',
          op: '>=',
          threshold: 1,
        }),
      ),
    ).toBe(`${R}.metric: unknown metric 'deploy_freq'`);
    expect(
      errorOf(
        withRule({
          kind: 'metric',
          metric: 'lead_time',
          op: '=>',
          threshold: 1,
        }),
      ),
    ).toBe(`${R}.op: unknown operator '=>'; expected one of >=, <=, >, <, ==`);
    expect(
      errorOf(
        withRule({
          kind: 'metric',
          metric: 'lead_time',
          op: '<',
          threshold: null,
        }),
      ),
    ).toBe(`${R}.threshold: must be a number`);
    expect(
      errorOf(
        withRule({
          kind: 'metric',
          metric: 'lead_time',
          op: '<',
          threshold: 24,
          unit: 'h',
        }),
      ),
    ).toBe(
      `${R}.unit: unknown key; expected one of kind, metric, op, threshold`,
    );
    expect(
      errorOf(
        withRule({ kind: 'fact', fact: 'open-prs', op: '<=', expect: 'ten' }),
      ),
    ).toBe(`${R}.expect: must be a number`);
    expect(
      errorOf(
        withRule({ kind: 'fact', fact: 'ci-system', expect: ['github'] }),
      ),
    ).toBe(`${R}.expect: must be a boolean, a string or a number`);
    expect(errorOf(withRule({ kind: 'facts-all', facts: [] }))).toBe(
      `${R}.facts: must be a non-empty list`,
    );
    expect(errorOf(withRule({ kind: 'entity', property: 'hasDocs' }))).toBe(
      `${R}.property: unknown entity property 'hasDocs'; expected one of ownerIsGroup, hasOwner, hasSystem, hasTypeAndLifecycle, providesApis`,
    );
    expect(
      errorOf(withRule({ kind: 'connection', connections: ['scm', 'jira'] })),
    ).toBe(
      `${R}.connections[1]: unknown connection 'jira'; expected one of scm, ci, incidents`,
    );
    expect(errorOf(withRule({ kind: 'catalog-completeness', min: 2 }))).toBe(
      `${R}.min: must be between 0 and 1`,
    );
    expect(errorOf(withRule({ kind: 'history-days', min: -1 }))).toBe(
      `${R}.min: must not be negative`,
    );
    expect(
      errorOf(
        withRule({ kind: 'metrics-computable', metrics: ['lead_time', 'cfr'] }),
      ),
    ).toBe(`${R}.metrics[1]: unknown metric 'cfr'`);
    expect(errorOf(withRule({ kind: 'not-measured' }))).toBe(
      `${R}.reason: must be a non-empty string`,
    );
    expect(
      errorOf(
        withRule({
          kind: 'annotation',
          anyOf: ['grafana/dashboard-selector', 4],
        }),
      ),
    ).toBe(`${R}.anyOf[1]: must be a non-empty string`);
    expect(
      errorOf(
        withRule({
          kind: 'all',
          rules: [
            { kind: 'fact', fact: 'sbom' },
            {
              kind: 'any',
              rules: [{ kind: 'metric', metric: 'mttr', op: '<' }],
            },
          ],
        }),
      ),
    ).toBe(`${R}.rules[1].rules[0].threshold: must be a number`);
  });

  it('accepts every rule kind when well formed', () => {
    const rubric = applyRubricOverrides(defaultRubric, {
      addChecks: [
        customCheck({
          rule: {
            kind: 'all',
            rules: [
              { kind: 'metric', metric: 'mttr', op: '<', threshold: 4 },
              { kind: 'fact', fact: 'ci-system', expect: 'github-actions' },
              { kind: 'fact', fact: 'open-prs', op: '<=', expect: 10 },
              { kind: 'facts-all', facts: ['tests'] },
              { kind: 'facts-any', facts: ['tests', 'e2e-tests-in-ci'] },
              { kind: 'entity', property: 'hasSystem' },
              { kind: 'annotation', anyOf: ['backstage.io/techdocs-ref'] },
              { kind: 'connection', connections: ['scm'] },
              { kind: 'history-days', min: 30 },
              { kind: 'catalog-completeness', min: 0.5 },
              { kind: 'metrics-computable', metrics: ['mttr'] },
              {
                kind: 'any',
                rules: [{ kind: 'not-measured', reason: 'Soon.' }],
              },
            ],
          },
        }),
      ],
    });
    expect(checkById(rubric, 'acme.build-deploy.2.sbom').rule.kind).toBe('all');
  });
});
