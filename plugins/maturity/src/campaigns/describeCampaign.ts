import {
  Campaign,
  CampaignGoal,
  CampaignShortfall,
  CampaignStatus,
  CampaignTally,
  CategoryId,
  EntityFilter,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { CATEGORY_TITLES, levelLabel } from '../scorecard/categoryTitles';
import { mlopsLevelLabel } from '../scorecard/mlopsLevelLabel';
import { formatDate } from '../time/formatDate';

/** The share of in-scope entities meeting the goal, 0..1; 0 when none. */
export function shareOf(tally: CampaignTally): number {
  return tally.inScope > 0 ? tally.meeting / tally.inScope : 0;
}

/** A share in whole percent, `59 %`. */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** `23 of 39 (59 %)`. */
export function tallyLabel(tally: CampaignTally): string {
  return `${tally.meeting} of ${tally.inScope} (${percent(shareOf(tally))})`;
}

export const STATUS_LABELS: Record<CampaignStatus, string> = {
  upcoming: 'Upcoming',
  active: 'Active',
  finished: 'Finished',
};

/**
 * The status in words, with the day a finished campaign's figures were
 * kept as final when known: `Active`, `Finished Nov 1, 2026`.
 */
export function statusLabel(
  campaign: Pick<Campaign, 'status' | 'finishedAt'>,
): string {
  const label = STATUS_LABELS[campaign.status];
  return campaign.status === 'finished' && campaign.finishedAt
    ? `${label} ${formatDate(campaign.finishedAt)}`
    : label;
}

/** A category's title, or its id for one the default rubric lacks. */
export function categoryTitle(category: string): string {
  return CATEGORY_TITLES[category as CategoryId] ?? category;
}

/**
 * The goal in words: `Pass Unit tests, Integration tests`,
 * `Reach level 3 · Intermediate in Test`, …
 */
export function goalInWords(
  goal: CampaignGoal,
  titleOf: (checkId: string) => string,
): string {
  switch (goal.type) {
    case 'checks':
      return `Pass ${goal.checkIds.map(titleOf).join(', ')}`;
    case 'categoryLevel':
      return `Reach level ${levelLabel(goal.level)} in ${categoryTitle(
        goal.category,
      )}`;
    case 'overallLevel':
      return `Reach overall level ${levelLabel(goal.level)}`;
    case 'mlopsLevel':
      return `Reach MLOps level ${mlopsLevelLabel(
        goal.level,
      )} (ML entities only)`;
    default:
      return 'Unknown goal';
  }
}

const SCOPE_LISTS: Array<[keyof EntityFilter, string]> = [
  ['systems', 'systems'],
  ['domains', 'domains'],
  ['kinds', 'kinds'],
  ['lifecycles', 'lifecycles'],
  ['types', 'types'],
  ['tags', 'tags'],
];

/**
 * The scope in words: `owned by group:default/payments and its sub-groups;
 * kinds: component; tags: production`, or every evaluated entity.
 */
export function scopeInWords(scope: EntityFilter): string {
  const parts: string[] = [];
  if (scope.owners?.length) {
    parts.push(
      `owned by ${scope.owners.join(', ')}${
        scope.includeSubgroups ? ' and their sub-groups' : ''
      }`,
    );
  }
  for (const [key, noun] of SCOPE_LISTS) {
    const values = scope[key];
    if (Array.isArray(values) && values.length > 0) {
      parts.push(`${noun}: ${values.join(', ')}`);
    }
  }
  if (parts.length === 0) return 'Every evaluated entity';
  const text = parts.join('; ');
  return `Entities ${text}`;
}

/**
 * What an entity still lacks for a campaign's goal, in words: the titles of
 * the checks it fails, and for a level goal the level to reach and the one
 * it has (`reach level 3 · Intermediate in Test (now 2 · Beginner): …`).
 */
export function whatIsLeft(
  goal: CampaignGoal,
  shortfall: CampaignShortfall | undefined,
  titleOf: (checkId: string) => string,
): string {
  const checks = (shortfall?.failingChecks ?? []).map(titleOf).join(', ');
  if (goal.type === 'checks') {
    return checks || 'the goal checks';
  }
  const now =
    shortfall?.level === undefined
      ? ''
      : ` (now ${
          goal.type === 'mlopsLevel'
            ? mlopsLevelLabel(shortfall.level)
            : levelLabel(shortfall.level)
        })`;
  let target = `reach MLOps level ${mlopsLevelLabel(goal.level)}`;
  if (goal.type === 'categoryLevel') {
    target = `reach level ${levelLabel(goal.level)} in ${categoryTitle(
      goal.category,
    )}`;
  } else if (goal.type === 'overallLevel') {
    target = `reach overall level ${levelLabel(goal.level)}`;
  }
  return `${target}${now}${checks ? `: ${checks}` : ''}`;
}
