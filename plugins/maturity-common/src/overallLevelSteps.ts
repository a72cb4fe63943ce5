import { CATEGORY_SCORED_SHARE } from './rubric/levelMechanics';
import {
  CATEGORY_IDS,
  CategoryId,
  CheckResult,
  MaturityLevel,
  Scorecard,
} from './scorecard';

/** What one category needs to reach its next level. @public */
export interface CategoryLevelStep {
  category: CategoryId;
  /** The level the category would reach: one above its current level. */
  nextLevel: MaturityLevel;
  /** The next level's required check, when it is not met. */
  required?: CheckResult;
  /** The next level's failing scored checks, `scoredNeeded` of which must pass. */
  scored: CheckResult[];
  /** How many of `scored` must pass, beyond those already passing. */
  scoredNeeded: number;
  /** Checks to turn at the least: the required one if unmet, and `scoredNeeded`. */
  cost: number;
}

/** The shortest way up for the overall level. @public */
export interface OverallLevelSteps {
  overallLevel: MaturityLevel;
  /** The overall level above; null at the top. */
  nextLevel: MaturityLevel | null;
  /** How many of `candidates` must reach `nextLevel` to lift the overall level. */
  categoriesNeeded: number;
  /**
   * The categories at the overall level, each one level short, cheapest
   * first. Categories above it already count; those below it need two
   * levels or more before they move the median.
   */
  candidates: CategoryLevelStep[];
}

const MET = new Set(['pass', 'exempt']);

/** What `category` lacks at `level`, by the rule of {@link evaluateLevel}. */
function categoryStep(
  scorecard: Scorecard,
  category: CategoryId,
  level: MaturityLevel,
): CategoryLevelStep {
  // Advisory checks do not count yet, so they neither block nor lift.
  const checks = scorecard.checks.filter(
    c => c.category === category && c.level === level && !c.countsFrom,
  );
  const required = checks.find(c => c.required);
  const scored = checks.filter(c => !c.required);
  const applicable = scored.filter(c => MET.has(c.state) || c.state === 'fail');
  const passed = applicable.filter(c => MET.has(c.state)).length;
  const needed = Math.ceil(
    (applicable.length * CATEGORY_SCORED_SHARE.numerator) /
      CATEGORY_SCORED_SHARE.denominator,
  );
  const scoredNeeded = Math.max(0, needed - passed);
  const requiredUnmet = required && !MET.has(required.state);
  return {
    category,
    nextLevel: level,
    ...(requiredUnmet ? { required } : {}),
    scored: scored.filter(c => c.state === 'fail'),
    scoredNeeded,
    cost: (requiredUnmet ? 1 : 0) + scoredNeeded,
  };
}

/**
 * The few checks that would lift the overall level, which is the median of
 * the category levels: for the median to rise, enough categories must stand
 * above it, so the categories at the median are the ones that move it, one
 * level each. Lists them cheapest first with the next level's unmet required
 * check and its failing scored checks; `categoriesNeeded` of them suffice.
 * @public
 */
export function overallLevelSteps(scorecard: Scorecard): OverallLevelSteps {
  const overallLevel = scorecard.overallLevel;
  if (overallLevel >= 5) {
    return {
      overallLevel,
      nextLevel: null,
      categoriesNeeded: 0,
      candidates: [],
    };
  }
  const nextLevel = (overallLevel + 1) as MaturityLevel;
  const levels = scorecard.categories.map(c => c.level);
  // The median is the value at index floor((n - 1) / 2) of the sorted levels
  // (medianLevel): it reaches L when n minus that index are at L or above.
  const mustReach = levels.length - Math.floor((levels.length - 1) / 2);
  const above = levels.filter(level => level > overallLevel).length;
  const order = (id: CategoryId) => CATEGORY_IDS.indexOf(id);
  const candidates = scorecard.categories
    .filter(c => c.level === overallLevel)
    .map(c => categoryStep(scorecard, c.category, nextLevel))
    .sort((a, b) => a.cost - b.cost || order(a.category) - order(b.category));
  return {
    overallLevel,
    nextLevel,
    categoriesNeeded: Math.max(0, mustReach - above),
    candidates,
  };
}
