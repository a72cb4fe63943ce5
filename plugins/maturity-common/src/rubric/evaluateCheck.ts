import { CheckResult } from '../scorecard';
import { EvaluationInput } from './EvaluationInput';
import { RubricCheck } from './Rubric';
import { evaluateRule } from './evaluateRule';
import { findActiveExemption } from './findActiveExemption';

/**
 * Evaluates one check for the input's entity. An active exemption turns the
 * state into `exempt` but keeps the observed values and the message of what
 * was actually seen and the state it gave, so a waiver never hides the
 * data.
 * @public
 */
export function evaluateCheck(
  check: RubricCheck,
  input: EvaluationInput,
): CheckResult {
  const outcome = evaluateRule(check.rule, input);
  // One comparison reads ">= 0.8"; several name what each compares.
  let threshold: string | undefined;
  if (outcome.thresholds.length === 1) {
    threshold = outcome.thresholds[0].text;
  } else if (outcome.thresholds.length > 1) {
    threshold = outcome.thresholds
      .map(t => `${t.subject} ${t.text}`)
      .join(' and ');
  }
  const result: CheckResult = {
    checkId: check.id,
    title: check.title,
    category: check.category,
    level: check.level,
    required: check.required,
    state: outcome.state,
    message: outcome.message,
    observed: outcome.observed,
    source: check.source,
    howToFix: check.howToFix,
    evidence: outcome.evidence,
  };
  if (threshold !== undefined) {
    result.threshold = threshold;
  }
  const exemption = findActiveExemption(
    input.exemptions,
    input.entity.entityRef,
    check.id,
    input.now,
  );
  if (exemption) {
    result.state = 'exempt';
    result.message = `Exempt: ${exemption.reason}${
      exemption.expiresAt ? ` (until ${exemption.expiresAt})` : ''
    }. Observed: ${outcome.message}`;
    result.exemption = exemption;
    // Kept so the levels without waivers, and the rollups' waived band,
    // can tell a waiver from a check that would pass anyway.
    result.stateWithoutWaiver = outcome.state;
  }
  return result;
}
