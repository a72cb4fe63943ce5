import { CheckResult, Scorecard } from '@internal/plugin-maturity-common';

/** What a rubric says about a check: the same in every scorecard of a version. */
export type CheckDefinition = Pick<
  CheckResult,
  'title' | 'category' | 'level' | 'required' | 'source' | 'howToFix'
>;

/** A check result as stored: only what the evaluation found. */
export type StoredCheckResult = Omit<CheckResult, keyof CheckDefinition>;

/** A scorecard as stored, its checks without their rubric text. */
export type StoredScorecard = Omit<Scorecard, 'checks'> & {
  checks: Array<StoredCheckResult | CheckResult>;
};

/**
 * Splits a scorecard into the document stored per entity and the
 * definitions of its checks, stored once per rubric version. The rubric's
 * titles and how-to-fix texts were about 40% of every stored scorecard.
 */
export function toStoredScorecard(scorecard: Scorecard): {
  document: StoredScorecard;
  definitions: Map<string, CheckDefinition>;
} {
  const definitions = new Map<string, CheckDefinition>();
  const checks = scorecard.checks.map(check => {
    const { title, category, level, required, source, howToFix, ...found } =
      check;
    definitions.set(check.checkId, {
      title,
      category,
      level,
      required,
      source,
      howToFix,
    });
    return found;
  });
  return { document: { ...scorecard, checks }, definitions };
}

/**
 * The scorecard of a stored document, its checks completed from the
 * definitions of its rubric version. Documents written before checks were
 * stored without their definitions come back as they are.
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
      evidence: check.evidence,
    };
    if (check.threshold !== undefined) result.threshold = check.threshold;
    if (check.exemption !== undefined) result.exemption = check.exemption;
    checks[i] = result;
  }
  return { ...document, checks };
}
