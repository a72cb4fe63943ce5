import { MetricUnit } from '../metrics';
import { ComparisonOperator } from './CheckRule';

/** Whether `observed op threshold` holds. */
export function compare(
  observed: number,
  op: ComparisonOperator,
  threshold: number,
): boolean {
  switch (op) {
    case '>=':
      return observed >= threshold;
    case '<=':
      return observed <= threshold;
    case '>':
      return observed > threshold;
    case '<':
      return observed < threshold;
    case '==':
      return observed === threshold;
    default:
      return false;
  }
}

const HOLDS: Record<ComparisonOperator, string> = {
  '>=': '≥',
  '<=': '≤',
  '>': '>',
  '<': '<',
  '==': '=',
};

// The relation that is true when the comparison fails, so a message reads
// "0.62 < 0.80" instead of "0.62 not ≥ 0.80".
const FAILS: Record<ComparisonOperator, string> = {
  '>=': '<',
  '<=': '>',
  '>': '≤',
  '<': '≥',
  '==': '≠',
};

/** The symbol relating observed to threshold, for messages. */
export function relationSymbol(
  op: ComparisonOperator,
  passed: boolean,
): string {
  return passed ? HOLDS[op] : FAILS[op];
}

/**
 * A number as messages show it: ratios with two decimals (0.80), other
 * values with at most two.
 */
export function formatNumber(value: number, unit?: MetricUnit): string {
  if (unit === 'ratio') {
    return value.toFixed(2);
  }
  return String(Number(value.toFixed(2)));
}
