import {
  CategoryResult,
  CheckResult,
  EvidenceId,
  LevelResult,
  MaturityLevel,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** What a rubric says about a check: the same in every scorecard of a version. */
export type CheckDefinition = Pick<
  CheckResult,
  'title' | 'category' | 'level' | 'required' | 'source' | 'howToFix'
>;

/**
 * A check result as stored: only what the evaluation found, its evidence
 * left out when there is none.
 */
export type StoredCheckResult = Omit<
  CheckResult,
  keyof CheckDefinition | 'evidence'
> & { evidence?: EvidenceId[] };

/** A level as stored: level, met, insufficient data (1/0), passed, applicable. */
type StoredLevel = [MaturityLevel, 0 | 1, 0 | 1, number, number];

/** A category's result as stored, its levels as tuples. */
type StoredCategoryResult = Omit<CategoryResult, 'levels'> & {
  levels: StoredLevel[];
};

/** A scorecard as stored, its checks without their rubric text. */
export type StoredScorecard = Omit<Scorecard, 'checks' | 'categories'> & {
  categories: Array<StoredCategoryResult | CategoryResult>;
  checks: Array<StoredCheckResult | CheckResult>;
};

/**
 * Splits a scorecard into the document stored per entity and the
 * definitions of its checks, stored once per rubric version. The rubric's
 * titles and how-to-fix texts were about 40% of every stored scorecard;
 * each level's details are stored as a tuple (another tenth).
 */
export function toStoredScorecard(
  scorecard: Scorecard,
  isKnown: (checkId: string) => boolean = () => false,
): {
  document: StoredScorecard;
  /** The definitions of the checks `isKnown` did not know. */
  definitions: Map<string, CheckDefinition>;
} {
  const definitions = new Map<string, CheckDefinition>();
  const checks = scorecard.checks.map(check => {
    if (!isKnown(check.checkId)) {
      definitions.set(check.checkId, {
        title: check.title,
        category: check.category,
        level: check.level,
        required: check.required,
        source: check.source,
        howToFix: check.howToFix,
      });
    }
    return toStoredCheck(check);
  });
  const categories = scorecard.categories.map(
    (category): StoredCategoryResult => ({
      category: category.category,
      level: category.level,
      ...heldParts(category),
      levels: category.levels.map(l => [
        l.level,
        l.met ? 1 : 0,
        l.insufficientData ? 1 : 0,
        l.passedScored,
        l.applicableScored,
      ]),
    }),
  );
  return { document: { ...scorecard, categories, checks }, definitions };
}

/**
 * What the evaluation found for one check. Spelled out, as in
 * fromStoredScorecard: an object rest (`{ title, …, ...found }`) per check
 * of every scorecard is slower to build. STORED_CHECK_FIELDS keeps the list
 * complete.
 */
function toStoredCheck(check: CheckResult): StoredCheckResult {
  const stored: StoredCheckResult = {
    checkId: check.checkId,
    state: check.state,
    message: check.message,
    observed: check.observed,
  };
  if (check.threshold !== undefined) stored.threshold = check.threshold;
  if (check.evidence.length > 0) stored.evidence = check.evidence;
  if (check.exemption !== undefined) stored.exemption = check.exemption;
  if (check.stateWithoutWaiver !== undefined) {
    stored.stateWithoutWaiver = check.stateWithoutWaiver;
  }
  if (check.countsFrom !== undefined) stored.countsFrom = check.countsFrom;
  return stored;
}

/**
 * Every field of a stored check, each either written by toStoredCheck or
 * left to the rubric's definition: a field added to CheckResult fails to
 * compile here until it is placed (and the round-trip test covers it).
 */
export const STORED_CHECK_FIELDS: Record<
  keyof CheckResult,
  'stored' | 'definition'
> = {
  checkId: 'stored',
  state: 'stored',
  message: 'stored',
  observed: 'stored',
  threshold: 'stored',
  evidence: 'stored',
  exemption: 'stored',
  stateWithoutWaiver: 'stored',
  countsFrom: 'stored',
  title: 'definition',
  category: 'definition',
  level: 'definition',
  required: 'definition',
  source: 'definition',
  howToFix: 'definition',
};

function fromStoredCategory(
  category: StoredCategoryResult | CategoryResult,
): CategoryResult {
  const levels: LevelResult[] = category.levels.map(level =>
    Array.isArray(level)
      ? {
          level: level[0],
          met: level[1] === 1,
          insufficientData: level[2] === 1,
          passedScored: level[3],
          applicableScored: level[4],
        }
      : level,
  );
  return {
    category: category.category,
    level: category.level,
    ...heldParts(category),
    levels,
  };
}

/** A category's raw level and risk, when it was held. */
function heldParts(
  category: Pick<CategoryResult, 'rawLevel' | 'atRisk'>,
): Pick<CategoryResult, 'rawLevel' | 'atRisk'> {
  const parts: Pick<CategoryResult, 'rawLevel' | 'atRisk'> = {};
  if (category.rawLevel !== undefined) parts.rawLevel = category.rawLevel;
  if (category.atRisk !== undefined) parts.atRisk = category.atRisk;
  return parts;
}

/**
 * The scorecard of a stored document, its checks completed from the
 * definitions of its rubric version. Documents written before checks were
 * stored without their definitions, or levels as tuples, come back as they
 * are.
 */
export function fromStoredScorecard(
  document: StoredScorecard,
  definitionOf: (checkId: string) => CheckDefinition | undefined,
): Scorecard {
  const checks: CheckResult[] = new Array(document.checks.length);
  for (let i = 0; i < checks.length; i++) {
    const check = document.checks[i];
    if ('title' in check) {
      checks[i] = check;
      continue;
    }
    const definition = definitionOf(check.checkId);
    if (!definition) {
      throw new Error(
        `No definition of check ${check.checkId} in rubric ${document.rubricVersion}`,
      );
    }
    // Spelled out: a spread of two objects per check took as long as
    // reading the row.
    const result: CheckResult = {
      checkId: check.checkId,
      title: definition.title,
      category: definition.category,
      level: definition.level,
      required: definition.required,
      state: check.state,
      message: check.message,
      observed: check.observed,
      source: definition.source,
      howToFix: definition.howToFix,
      evidence: check.evidence ?? [],
    };
    if (check.threshold !== undefined) result.threshold = check.threshold;
    if (check.exemption !== undefined) result.exemption = check.exemption;
    if (check.stateWithoutWaiver !== undefined) {
      result.stateWithoutWaiver = check.stateWithoutWaiver;
    }
    if (check.countsFrom !== undefined) result.countsFrom = check.countsFrom;
    checks[i] = result;
  }
  return {
    ...document,
    categories: document.categories.map(fromStoredCategory),
    checks,
  };
}
