import {
  EvaluationInput,
  Rubric,
  RubricCheck,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

function check(
  id: string,
  level: 1 | 2,
  required: boolean,
  rule: RubricCheck['rule'],
  category: RubricCheck['category'] = 'test',
): RubricCheck {
  return {
    id,
    title: `Title of ${id}`,
    category,
    level,
    required,
    source: 'heuristic',
    howToFix: 'Fix it.',
    enabled: true,
    rule,
  };
}

/**
 * A rubric small enough to work previews out by hand: one category, `test`,
 * with two levels, so the overall level is the test level; and an MLOps
 * track of one level.
 *
 * - test level 1: `t1.req` (required, fact `has-tests`), `t1.a` (scored)
 * - test level 2: `t2.req` (required, CI success rate >= 0.8), `t2.a`
 *   (scored, fact `e2e`)
 * - mlops level 1: `m1.req` (required, fact `model-registry`)
 */
export function tinyRubric(): Rubric {
  return {
    version: 'tiny-1',
    categories: [
      {
        id: 'test',
        title: 'Test',
        levels: [
          {
            level: 1,
            checks: [
              check('t1.req', 1, true, { kind: 'fact', fact: 'has-tests' }),
              check('t1.a', 1, false, { kind: 'fact', fact: 'unit' }),
            ],
          },
          {
            level: 2,
            checks: [
              check('t2.req', 2, true, {
                kind: 'metric',
                metric: 'ci_default_branch_success_rate',
                op: '>=',
                threshold: 0.8,
              }),
              check('t2.a', 2, false, { kind: 'fact', fact: 'e2e' }),
            ],
          },
        ],
      },
    ],
    mlops: {
      appliesTo: { types: ['ml-model'], tags: [] },
      levels: [
        {
          level: 1,
          checks: [
            check(
              'm1.req',
              1,
              true,
              { kind: 'fact', fact: 'model-registry' },
              'mlops',
            ),
          ],
        },
      ],
    },
  };
}

/** The tiny rubric with `change` made to a copy of it and a new version. */
export function changedRubric(change: (rubric: Rubric) => void): Rubric {
  const rubric = tinyRubric();
  change(rubric);
  rubric.version = 'tiny-2';
  return rubric;
}

/** A check of the tiny rubric (or a changed copy) by id. */
export function checkOf(rubric: Rubric, id: string): RubricCheck {
  const found = [
    ...rubric.categories.flatMap(c => c.levels.flatMap(l => l.checks)),
    ...rubric.mlops.levels.flatMap(l => l.checks),
  ].find(c => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

/** An entity's stored input: CI connected, a default-branch success rate. */
export function inputWithSuccessRate(rate: number): EvaluationInput {
  return {
    entity: {
      entityRef: 'component:default/api',
      kind: 'component',
      ownerIsGroup: true,
      tags: [],
      annotations: {},
      providesApis: false,
      catalogCompleteness: 1,
    },
    metrics: {
      ci_default_branch_success_rate: {
        value: rate,
        status: 'ok',
        unit: 'ratio',
        sampleSize: 20,
        minimumSample: 5,
        evidence: [],
      },
    },
    repoFacts: { 'has-tests': true, e2e: true },
    connections: { scm: true, ci: true, incidents: false },
    historyDays: 30,
    exemptions: [],
    now: '2026-11-23T10:00:00.000Z',
    window: {
      from: '2026-08-25T00:00:00.000Z',
      to: '2026-11-23T00:00:00.000Z',
    },
  };
}
