import {
  CampaignGoal,
  CampaignShortfall,
  CategoryId,
  CheckState,
  Rubric,
  RubricLevel,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { CampaignStanding } from '../database/CampaignStore';

/** Where an in-scope entity stands against a campaign's goal. */
export interface CampaignGoalOutcome {
  meetsGoal: boolean;
  /** Absent when the goal is met. */
  shortfall?: CampaignShortfall;
}

/** What of a campaign its goal is judged by. */
export interface CampaignGoalTerms {
  goal: CampaignGoal;
  allowExemptions: boolean;
}

/**
 * The state a campaign counts for a check: one the entity's rubric does not
 * have does not apply; an exempt check the campaign does not count has the
 * state its data alone gave (fail when that was not kept), so a check that
 * passes anyway is not held against it.
 */
function countedState(
  standing: CampaignStanding,
  checkId: string,
  allowExemptions: boolean,
): CheckState {
  const state = standing.checkStates[checkId] ?? 'not-applicable';
  if (state !== 'exempt' || allowExemptions) return state;
  return standing.waivedCheckStates[checkId] ?? 'fail';
}

function isMet(state: CheckState): boolean {
  return state === 'pass' || state === 'not-applicable' || state === 'exempt';
}

/** The checks of the given levels that the entity does not meet. */
function unmetChecks(
  standing: CampaignStanding,
  levels: RubricLevel[],
  from: number,
  to: number,
  allowExemptions: boolean,
): string[] {
  return levels
    .filter(l => l.level >= from && l.level <= to)
    .sort((a, b) => a.level - b.level)
    .flatMap(l => l.checks)
    .filter(c => !isMet(countedState(standing, c.id, allowExemptions)))
    .map(c => c.id);
}

function categoryLevel(
  standing: CampaignStanding,
  category: CategoryId,
  allowExemptions: boolean,
): number {
  const held = standing.categoryLevels[category] ?? 0;
  if (allowExemptions) return held;
  return standing.levelsWithoutWaivers?.categories[category] ?? held;
}

function outcome(
  meetsGoal: boolean,
  shortfall: CampaignShortfall,
): CampaignGoalOutcome {
  return meetsGoal ? { meetsGoal } : { meetsGoal, shortfall };
}

/**
 * Whether an entity meets a campaign's goal on the day its standing is of,
 * and if not, what it lacks (docs: "Campaigns", goal semantics). Undefined
 * when the goal does not concern the entity: an MLOps goal and an entity
 * the MLOps track does not apply to, which is left out of the campaign.
 *
 * - checks: every goal check passes or does not apply; `exempt` counts only
 *   when the campaign allows exemptions.
 * - category or overall level: the held level with exemptions allowed, else
 *   the level without waivers (when kept); the shortfall lists the unmet
 *   checks of the levels between the current one and the target.
 * - MLOps level: the MLOps level, and without exemptions allowed, no check
 *   of the levels up to the target met only by a waiver (an MLOps level
 *   needs every one of its checks).
 */
export function meetsCampaignGoal(
  standing: CampaignStanding,
  terms: CampaignGoalTerms,
  rubric: Rubric,
): CampaignGoalOutcome | undefined {
  const { goal, allowExemptions } = terms;
  switch (goal.type) {
    case 'checks': {
      const failingChecks = goal.checkIds.filter(
        id => !isMet(countedState(standing, id, allowExemptions)),
      );
      return outcome(failingChecks.length === 0, { failingChecks });
    }
    case 'categoryLevel': {
      const level = categoryLevel(standing, goal.category, allowExemptions);
      const levels =
        rubric.categories.find(c => c.id === goal.category)?.levels ?? [];
      return outcome(level >= goal.level, {
        level,
        failingChecks: unmetChecks(
          standing,
          levels,
          level + 1,
          goal.level,
          allowExemptions,
        ),
      });
    }
    case 'overallLevel': {
      const level = allowExemptions
        ? standing.overallLevel
        : standing.levelsWithoutWaivers?.overall ?? standing.overallLevel;
      const failingChecks = rubric.categories.flatMap(category => {
        const current = categoryLevel(standing, category.id, allowExemptions);
        return unmetChecks(
          standing,
          category.levels,
          current + 1,
          goal.level,
          allowExemptions,
        );
      });
      return outcome(level >= goal.level, { level, failingChecks });
    }
    case 'mlopsLevel': {
      const level = standing.mlopsLevel;
      if (level === null) return undefined;
      const levels = rubric.mlops.levels;
      const waived = allowExemptions
        ? []
        : unmetChecks(
            standing,
            levels,
            1,
            Math.min(level, goal.level),
            false,
          ).filter(id => standing.checkStates[id] === 'exempt');
      const missing = unmetChecks(
        standing,
        levels,
        level + 1,
        goal.level,
        allowExemptions,
      );
      return outcome(level >= goal.level && waived.length === 0, {
        level,
        failingChecks: [...waived, ...missing],
      });
    }
    default:
      return undefined;
  }
}
