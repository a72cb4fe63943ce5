import { CampaignGoal } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** The rubric's titles a goal is told with; an unknown id as it is. */
export interface GoalTitles {
  check(id: string): string;
  category(id: string): string;
}

/** How many check titles a list names before "+N". */
const LISTED_CHECKS = 3;

/** Check titles, the first few and how many more, e.g. `A, B, C +2`. */
export function checkList(checkIds: string[], titles: GoalTitles): string {
  const shown = checkIds.slice(0, LISTED_CHECKS).map(id => titles.check(id));
  const more = checkIds.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` +${more}` : ''}`;
}

/**
 * A campaign's goal in words, e.g. `reach level 3 in Test`. `short` (for
 * a notification) names the first few checks; `full` (for an agent) names
 * every check, quoted, and says that an MLOps goal counts ML entities only.
 */
export function goalInWords(
  goal: CampaignGoal,
  titles: GoalTitles,
  style: 'short' | 'full' = 'short',
): string {
  switch (goal.type) {
    case 'checks':
      return style === 'short'
        ? `pass ${checkList(goal.checkIds, titles)}`
        : `pass these checks: ${goal.checkIds
            .map(id => `"${titles.check(id)}"`)
            .join(', ')}`;
    case 'categoryLevel':
      return `reach level ${goal.level} in ${titles.category(goal.category)}`;
    case 'overallLevel':
      return `reach overall level ${goal.level}`;
    case 'mlopsLevel':
      return style === 'short'
        ? `reach MLOps level ${goal.level}`
        : `reach MLOps level ${goal.level} (ML entities only)`;
    default:
      return 'unknown goal';
  }
}
