import { utcDayOf } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { checkList, goalInWords } from '../campaigns/goalInWords';
import {
  CampaignEntityResult,
  StoredCampaign,
} from '../database/CampaignStore';
import { entityName } from './maturityTabLink';
import { listEntries } from './listedEntities';
import { OwnerNotification } from './OwnerNotificationSender';
import { RubricTitles } from './RubricTitles';
import { MATURITY_TOPICS } from './topics';

/** The app path of a campaign's page in the Maturity page. */
export function campaignLink(campaignId: string): string {
  return `/maturity?view=campaigns&campaign=${encodeURIComponent(campaignId)}`;
}

function dueIn(deadline: string, today: string): string {
  const days = utcDayOf(deadline) - utcDayOf(today);
  if (days <= 0) return 'due today';
  return days === 1 ? 'due tomorrow' : `due in ${days} days`;
}

/**
 * One notification to an owner about its entities still short of a
 * campaign's goal, at the campaign's start or as a reminder before its
 * deadline, e.g. "2 of your entities do not meet the goal yet (pass
 * Coverage) by 2026-12-31: checkout-api (Coverage); cart (Coverage)".
 */
export function campaignMessage(
  campaign: StoredCampaign,
  notice: 'start' | 'reminder',
  today: string,
  ownerRef: string,
  entities: CampaignEntityResult[],
  titles: RubricTitles,
): OwnerNotification {
  const entries = entities.map(e => {
    const name = e.title || entityName(e.entityRef);
    const failing = e.shortfall?.failingChecks ?? [];
    if (failing.length > 0) return `${name} (${checkList(failing, titles)})`;
    return e.shortfall?.level !== undefined
      ? `${name} (at level ${e.shortfall.level})`
      : name;
  });
  const count =
    entities.length === 1
      ? '1 of your entities does'
      : `${entities.length} of your entities do`;
  return {
    to: [ownerRef],
    payload: {
      title:
        notice === 'start'
          ? `Campaign started: ${campaign.title}`
          : `Campaign ${dueIn(campaign.deadline, today)}: ${campaign.title}`,
      description: `${count} not meet the goal yet (${goalInWords(
        campaign.goal,
        titles,
      )}) by ${campaign.deadline}: ${listEntries(entries)}`,
      link: campaignLink(campaign.id),
      severity: notice === 'start' ? 'normal' : 'high',
      topic: MATURITY_TOPICS.campaign,
      scope: `maturity-campaign:${campaign.id}`,
      metadata: {
        campaignId: campaign.id,
        entityRefs: entities.map(e => e.entityRef),
      },
    },
  };
}
