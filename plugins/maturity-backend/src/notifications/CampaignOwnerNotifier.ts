import { LoggerService } from '@backstage/backend-plugin-api';
import { CampaignNotifier } from '../campaigns/CampaignNotifier';
import {
  CampaignEntityResult,
  CampaignStore,
  StoredCampaign,
} from '../database/CampaignStore';
import { addDays } from '../campaigns/campaignDays';
import { campaignMessage } from './campaignMessage';
import { groupByOwner } from './groupByOwner';
import { OwnerNotificationSender } from './OwnerNotificationSender';
import { RubricTitles } from './RubricTitles';

/**
 * The notices of a campaign due on `today` while it is active, farthest
 * first: `start` from its first day, `reminder-<N>` from N days before its
 * deadline.
 */
export function dueCampaignNotices(
  campaign: Pick<
    StoredCampaign,
    'startsOn' | 'deadline' | 'reminderDaysBefore'
  >,
  today: string,
): string[] {
  if (today < campaign.startsOn || today > campaign.deadline) return [];
  const reminders = [...new Set(campaign.reminderDaysBefore)]
    .sort((a, b) => b - a)
    .filter(days => addDays(campaign.deadline, -days) <= today)
    .map(days => `reminder-${days}`);
  return ['start', ...reminders];
}

/**
 * Tells the owning groups of a campaign's entities still short of its goal,
 * at its start and on its reminders, one notification per group listing
 * its entities. Each notice is claimed in the store before it goes, so it
 * goes once across replicas; one the notifications backend did not take
 * (not installed, down) is released, so the next run tries it again (an
 * owner who did get it hears again). Notices that fall due together, e.g.
 * a campaign created a week before its deadline, are all claimed and sent
 * as one: the start if it is among them (the owners have not heard of the
 * campaign), else the nearest reminder. Never throws: a notice must not
 * fail the progress it follows.
 */
export class CampaignOwnerNotifier implements CampaignNotifier {
  constructor(
    private readonly options: {
      store: Pick<CampaignStore, 'claimNotice' | 'releaseNotice'>;
      sender: OwnerNotificationSender;
      titles: RubricTitles;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  async notifyDue(
    campaign: StoredCampaign,
    today: string,
    entities: CampaignEntityResult[],
  ): Promise<void> {
    const { store, sender, titles, logger } = this.options;
    try {
      const at = this.options.now?.() ?? new Date();
      const claimed: string[] = [];
      for (const notice of dueCampaignNotices(campaign, today)) {
        if (await store.claimNotice(campaign.id, notice, at)) {
          claimed.push(notice);
        }
      }
      if (claimed.length === 0) return;
      const kind = claimed.includes('start') ? 'start' : 'reminder';
      const short = groupByOwner(
        entities.filter(e => !e.meetsGoal),
        e => e.ownerRef,
      );
      let delivered = false;
      try {
        delivered = await sender.send(
          [...short].map(([ownerRef, owned]) =>
            campaignMessage(campaign, kind, today, ownerRef, owned, titles),
          ),
        );
      } finally {
        if (!delivered) {
          for (const notice of claimed) {
            await store.releaseNotice(campaign.id, notice);
          }
        }
      }
      if (!delivered) {
        const notices = claimed.join(', ');
        logger.warn(
          `Campaign ${campaign.id}: ${notices} notice not delivered (is the notifications backend installed?); the next run tries again`,
        );
        return;
      }
      logger.info(
        `Campaign ${campaign.id}: ${claimed.join(', ')} notice sent to ${
          short.size
        } owners`,
      );
    } catch (error) {
      logger.warn(`Campaign ${campaign.id} notices failed: ${error}`);
    }
  }
}
