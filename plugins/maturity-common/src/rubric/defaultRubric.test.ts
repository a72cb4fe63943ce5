import { METRIC_DEFINITIONS } from '../metrics';
import { CATEGORY_IDS } from '../scorecard';
import { CheckRule } from './CheckRule';
import { DEFAULT_RUBRIC_EDITION, defaultRubric } from './defaultRubric';
import { REPO_FACT_NAMES } from './repoFactNames';
import { withRubricVersion } from './rubricVersion';
import { rubricChecks } from './__testUtils__/evaluationInputs';

function namedMetrics(rule: CheckRule): string[] {
  switch (rule.kind) {
    case 'metric':
      return [rule.metric];
    case 'metrics-computable':
      return rule.metrics;
    case 'all':
    case 'any':
      return rule.rules.flatMap(namedMetrics);
    default:
      return [];
  }
}

function namedFacts(rule: CheckRule): string[] {
  switch (rule.kind) {
    case 'fact':
      return [rule.fact];
    case 'facts-all':
    case 'facts-any':
      return rule.facts;
    case 'all':
    case 'any':
      return rule.rules.flatMap(namedFacts);
    default:
      return [];
  }
}

describe('defaultRubric', () => {
  it('has the five CDMM categories with levels 1 to 5', () => {
    expect(defaultRubric.categories.map(c => c.id)).toEqual([...CATEGORY_IDS]);
    for (const category of defaultRubric.categories) {
      expect(category.levels.map(l => l.level)).toEqual([1, 2, 3, 4, 5]);
    }
    expect(defaultRubric.mlops.levels.map(l => l.level)).toEqual([1, 2]);
  });

  it('puts exactly one required check first in every cell', () => {
    const levels = [
      ...defaultRubric.categories.flatMap(c => c.levels),
      ...defaultRubric.mlops.levels,
    ];
    for (const level of levels) {
      expect(level.checks.filter(c => c.required)).toHaveLength(1);
      expect(level.checks[0].required).toBe(true);
    }
  });

  it('gives every check a stable id of its category and level', () => {
    const checks = rubricChecks(defaultRubric);
    expect(new Set(checks.map(c => c.id)).size).toBe(checks.length);
    for (const category of defaultRubric.categories) {
      for (const level of category.levels) {
        for (const check of level.checks) {
          expect(check.id).toMatch(
            new RegExp(`^${category.id}\\.${level.level}\\.[a-z0-9-]+$`),
          );
          expect(check.category).toBe(category.id);
          expect(check.level).toBe(level.level);
          expect(check.enabled).toBe(true);
          expect(check.title).not.toBe('');
          expect(check.howToFix).toMatch(/\.$/);
        }
      }
    }
  });

  it('names only metrics and repository facts that exist', () => {
    for (const check of rubricChecks(defaultRubric)) {
      for (const metric of namedMetrics(check.rule)) {
        expect(Object.keys(METRIC_DEFINITIONS)).toContain(metric);
      }
      for (const fact of namedFacts(check.rule)) {
        expect(REPO_FACT_NAMES).toContain(fact);
      }
    }
  });

  it('has the number of checks per cell of docs/scoring.md', () => {
    expect(
      Object.fromEntries(
        defaultRubric.categories.map(c => [
          c.id,
          c.levels.map(l => l.checks.length),
        ]),
      ),
    ).toEqual({
      culture: [2, 2, 3, 3, 2],
      design: [1, 2, 3, 2, 2],
      'build-deploy': [2, 3, 3, 3, 2],
      test: [2, 2, 2, 3, 1],
      information: [1, 2, 3, 2, 1],
    });
  });

  it('has a stable version made of the edition and a content hash', () => {
    expect(defaultRubric.version).toMatch(
      new RegExp(`^${DEFAULT_RUBRIC_EDITION.replace('.', '\\.')}-[0-9a-f]{8}$`),
    );
    expect(withRubricVersion(defaultRubric).version).toBe(
      defaultRubric.version,
    );
    // Key order does not matter, content does.
    const reordered = JSON.parse(JSON.stringify(defaultRubric));
    const [first] = reordered.categories;
    reordered.categories[0] = {
      levels: first.levels,
      title: first.title,
      id: first.id,
    };
    expect(withRubricVersion(reordered).version).toBe(defaultRubric.version);
    reordered.categories[0].title = 'Culture';
    expect(withRubricVersion(reordered).version).not.toBe(
      defaultRubric.version,
    );
  });
});
