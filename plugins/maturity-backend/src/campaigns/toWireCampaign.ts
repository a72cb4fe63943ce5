import { Campaign } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { StoredCampaign } from '../database/CampaignStore';
import { campaignStatus } from './campaignStatus';

/**
 * A stored campaign as the API sends it on `today` (`YYYY-MM-DD`): with
 * its status, its times as ISO date-times (days are already `YYYY-MM-DD`).
 */
export function toWireCampaign(
  stored: StoredCampaign,
  today: string,
): Campaign {
  const { latest } = stored;
  return {
    id: stored.id,
    title: stored.title,
    description: stored.description,
    ownerRef: stored.ownerRef,
    scope: stored.scope,
    goal: stored.goal,
    allowExemptions: stored.allowExemptions,
    startsOn: stored.startsOn,
    deadline: stored.deadline,
    milestones: stored.milestones,
    reminderDaysBefore: stored.reminderDaysBefore,
    status: campaignStatus(stored, today),
    createdBy: stored.createdBy,
    createdAt: stored.createdAt.toISOString(),
    updatedBy: stored.updatedBy,
    updatedAt: stored.updatedAt.toISOString(),
    ...(stored.finishedAt
      ? { finishedAt: stored.finishedAt.toISOString() }
      : {}),
    ...(latest
      ? {
          latest: {
            day: latest.day,
            inScope: latest.inScope,
            meeting: latest.meeting,
          },
        }
      : {}),
  };
}
