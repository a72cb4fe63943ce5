import { CATEGORY_IDS, MaturityLevel, ThresholdSource } from '../scorecard';
import { CheckRule } from './CheckRule';
import { Rubric, RubricCheck, RubricLevel } from './Rubric';
import { withRubricVersion } from './rubricVersion';
import {
  configError,
  isPlainObject,
  rejectUnknownKeys,
  requireBoolean,
  requireNumber,
  requireRatioIfNeeded,
  requireString,
  validateCheckRule,
} from './validateCheckRule';

const THRESHOLD_SOURCES: readonly ThresholdSource[] = [
  'CDMM',
  'DORA-2024',
  'FourKeys',
  'DevLake',
  'MLOps',
  'heuristic',
];

const CHECK_CATEGORIES: readonly string[] = [...CATEGORY_IDS, 'mlops'];

/**
 * What an adopter writes under `maturity.rubric` in app-config.
 * @public
 */
export interface RubricOverrides {
  /** Changes to existing checks, keyed by check id. */
  checks?: Record<
    string,
    { enabled?: boolean; threshold?: number; required?: boolean }
  >;
  /** New checks, appended to their level. */
  addChecks?: Array<{
    id: string;
    category: RubricCheck['category'];
    level: MaturityLevel;
    title: string;
    source?: ThresholdSource;
    howToFix: string;
    required?: boolean;
    enabled?: boolean;
    rule: CheckRule;
  }>;
}

/** Every level of the rubric, with the category or track it belongs to. */
function allLevels(rubric: Rubric): { owner: string; level: RubricLevel }[] {
  return [
    ...rubric.categories.flatMap(c =>
      c.levels.map(level => ({ owner: c.id as string, level })),
    ),
    ...rubric.mlops.levels.map(level => ({ owner: 'mlops', level })),
  ];
}

/** The rule's numeric comparisons, which a `threshold` override can replace. */
function numericLeaves(rule: CheckRule): CheckRule[] {
  switch (rule.kind) {
    case 'metric':
    case 'history-days':
    case 'catalog-completeness':
      return [rule];
    case 'fact':
      return rule.op !== undefined ? [rule] : [];
    case 'all':
    case 'any':
      return rule.rules.flatMap(numericLeaves);
    default:
      return [];
  }
}

function leafName(rule: CheckRule): string {
  switch (rule.kind) {
    case 'metric':
      return rule.metric;
    case 'fact':
      return rule.fact;
    default:
      return rule.kind;
  }
}

function setThreshold(
  check: RubricCheck,
  threshold: number,
  path: string,
): void {
  const leaves = numericLeaves(check.rule);
  if (leaves.length === 0) {
    throw configError(
      path,
      `check '${check.id}' has no numeric threshold to change`,
    );
  }
  if (leaves.length > 1) {
    throw configError(
      path,
      `check '${check.id}' compares ${leaves
        .map(leafName)
        .join(
          ', ',
        )}; disable it and add a check with your own rule under addChecks`,
    );
  }
  const leaf = leaves[0];
  switch (leaf.kind) {
    case 'metric':
      requireRatioIfNeeded(leaf.metric, threshold, path);
      leaf.threshold = threshold;
      break;
    case 'fact':
      leaf.expect = threshold;
      break;
    case 'catalog-completeness':
      if (threshold < 0 || threshold > 1) {
        throw configError(path, 'must be between 0 and 1');
      }
      leaf.min = threshold;
      break;
    case 'history-days':
      if (threshold < 0) {
        throw configError(path, 'must not be negative');
      }
      leaf.min = threshold;
      break;
    default:
      break;
  }
}

function addCheck(
  rubric: Rubric,
  raw: unknown,
  path: string,
  taken: Set<string>,
): { check: RubricCheck; levelKey: string } {
  if (!isPlainObject(raw)) {
    throw configError(path, 'must be an object');
  }
  rejectUnknownKeys(
    raw,
    [
      'id',
      'category',
      'level',
      'title',
      'source',
      'howToFix',
      'required',
      'enabled',
      'rule',
    ],
    path,
  );
  const id = requireString(raw.id, `${path}.id`);
  if (taken.has(id)) {
    throw configError(`${path}.id`, `duplicate check id '${id}'`);
  }
  if (
    typeof raw.category !== 'string' ||
    !CHECK_CATEGORIES.includes(raw.category)
  ) {
    throw configError(
      `${path}.category`,
      `unknown category '${String(
        raw.category,
      )}'; expected one of ${CHECK_CATEGORIES.join(', ')}`,
    );
  }
  const category = raw.category as RubricCheck['category'];
  const levels =
    category === 'mlops'
      ? rubric.mlops.levels
      : rubric.categories.find(c => c.id === category)?.levels ?? [];
  const levelNumbers = levels.map(l => l.level);
  if (
    typeof raw.level !== 'number' ||
    !levelNumbers.includes(raw.level as MaturityLevel)
  ) {
    throw configError(
      `${path}.level`,
      `must be one of ${levelNumbers.join(', ')} for ${category}`,
    );
  }
  const level = raw.level as MaturityLevel;
  let source: ThresholdSource = 'heuristic';
  if (raw.source !== undefined) {
    if (!THRESHOLD_SOURCES.includes(raw.source as ThresholdSource)) {
      throw configError(
        `${path}.source`,
        `unknown source '${String(
          raw.source,
        )}'; expected one of ${THRESHOLD_SOURCES.join(', ')}`,
      );
    }
    source = raw.source as ThresholdSource;
  }
  const check: RubricCheck = {
    id,
    title: requireString(raw.title, `${path}.title`),
    category,
    level,
    required:
      raw.required === undefined
        ? false
        : requireBoolean(raw.required, `${path}.required`),
    source,
    howToFix: requireString(raw.howToFix, `${path}.howToFix`),
    enabled:
      raw.enabled === undefined
        ? true
        : requireBoolean(raw.enabled, `${path}.enabled`),
    rule: validateCheckRule(raw.rule, `${path}.rule`),
  };
  levels.find(l => l.level === level)!.checks.push(check);
  return { check, levelKey: `${category}.${level}` };
}

/**
 * Applies an adopter's `maturity.rubric` config to a rubric and returns a
 * new rubric with a new version; `base` is not changed. Validation is
 * strict: unknown keys, check ids, metrics, categories or levels, wrong
 * types, duplicate ids and a level left without exactly one enabled required
 * check all throw an Error whose message starts with the config path, e.g.
 * `maturity.rubric.addChecks[2].rule.metric: unknown metric 'deploy_freq'`.
 * @public
 */
export function applyRubricOverrides(
  base: Rubric,
  overrides: unknown,
  configPath: string = 'maturity.rubric',
): Rubric {
  if (overrides === undefined || overrides === null) {
    return base;
  }
  if (!isPlainObject(overrides)) {
    throw configError(configPath, 'must be an object');
  }
  rejectUnknownKeys(overrides, ['checks', 'addChecks'], configPath);
  // Rubrics are plain data, so a JSON round trip is a complete deep copy.
  const rubric: Rubric = JSON.parse(JSON.stringify(base));
  const checksById = new Map<string, RubricCheck>(
    allLevels(rubric).flatMap(({ level }) =>
      level.checks.map(c => [c.id, c] as [string, RubricCheck]),
    ),
  );
  // Which config path last changed which level's required checks, so a
  // level left without exactly one required check is blamed on it.
  const blame = new Map<string, string>();

  if (overrides.addChecks !== undefined) {
    const path = `${configPath}.addChecks`;
    if (!Array.isArray(overrides.addChecks)) {
      throw configError(path, 'must be a list');
    }
    overrides.addChecks.forEach((raw, i) => {
      const itemPath = `${path}[${i}]`;
      const taken = new Set(checksById.keys());
      const { check, levelKey } = addCheck(rubric, raw, itemPath, taken);
      checksById.set(check.id, check);
      if (check.required) {
        blame.set(levelKey, `${itemPath}.required`);
      }
    });
  }

  if (overrides.checks !== undefined) {
    const path = `${configPath}.checks`;
    if (!isPlainObject(overrides.checks)) {
      throw configError(path, 'must be an object keyed by check id');
    }
    for (const [id, raw] of Object.entries(overrides.checks)) {
      const checkPath = `${path}.${id}`;
      const check = checksById.get(id);
      if (!check) {
        throw configError(checkPath, `unknown check id '${id}'`);
      }
      if (!isPlainObject(raw)) {
        throw configError(checkPath, 'must be an object');
      }
      rejectUnknownKeys(raw, ['enabled', 'threshold', 'required'], checkPath);
      const levelKey = `${check.category}.${check.level}`;
      if (raw.enabled !== undefined) {
        check.enabled = requireBoolean(raw.enabled, `${checkPath}.enabled`);
        if (check.required) {
          blame.set(levelKey, `${checkPath}.enabled`);
        }
      }
      if (raw.required !== undefined) {
        check.required = requireBoolean(raw.required, `${checkPath}.required`);
        blame.set(levelKey, `${checkPath}.required`);
      }
      if (raw.threshold !== undefined) {
        const thresholdPath = `${checkPath}.threshold`;
        setThreshold(
          check,
          requireNumber(raw.threshold, thresholdPath),
          thresholdPath,
        );
      }
    }
  }

  for (const { owner, level } of allLevels(rubric)) {
    const required = level.checks.filter(c => c.enabled && c.required);
    if (required.length !== 1) {
      const levelKey = `${owner}.${level.level}`;
      throw configError(
        blame.get(levelKey) ?? configPath,
        `${owner} level ${level.level} would have ${
          required.length
        } enabled required checks${
          required.length > 0 ? ` (${required.map(c => c.id).join(', ')})` : ''
        }; exactly one is needed`,
      );
    }
  }
  return withRubricVersion(rubric);
}
