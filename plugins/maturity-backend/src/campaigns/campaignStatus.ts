import { CampaignStatus } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { StoredCampaign } from '../database/CampaignStore';

/**
 * Where a campaign stands on `today` (`YYYY-MM-DD`): upcoming before its
 * first day, active through its deadline, finished after it — or once its
 * final figures are kept, whatever the day. `YYYY-MM-DD` days compare as
 * strings.
 */
export function campaignStatus(
  campaign: Pick<StoredCampaign, 'startsOn' | 'deadline' | 'finishedAt'>,
  today: string,
): CampaignStatus {
  if (campaign.finishedAt || today > campaign.deadline) return 'finished';
  return today < campaign.startsOn ? 'upcoming' : 'active';
}
