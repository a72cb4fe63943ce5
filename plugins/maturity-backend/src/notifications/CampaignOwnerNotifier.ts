import { LoggerService } from '@backstage/backend-plugin-api';
import { CampaignNotifier } from '../campaigns/CampaignNotifier';
import {
  CampaignEntityResult,
  CampaignStore,
  StoredCampaign,
} from '../database/CampaignStore';
import { addDays } from '../campaigns/campaignDays';
import { campaignMessage } from './campaignMessage';
import { EntityOwners } from './EntityOwners';
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
 * its entities. Each notice is claimed in the store for each group before
 * it goes, so a group hears it once across replicas; one the notifications
 * backend did not take for a group (not installed, down) is released for
 * that group only, so the next run tries it again there and the groups
 * told are not told twice. A group short only later hears of the notices
 * already due when it does. Notices that fall due together for a group,
 * e.g. a campaign created a week before its deadline, are all claimed and
 * sent as one: the start if it is among them (the group has not heard of
 * the campaign), else the nearest reminder. Without the notifications
 * backend every run fails to deliver: that is warned of once, then logged
 * at debug. Never throws: a notice must not fail the progress it follows.
 */
export class CampaignOwnerNotifier implements CampaignNotifier {
  private warnedUndelivered = false;

  constructor(
    private readonly options: {
      store: Pick<CampaignStore, 'claimNotice' | 'releaseNotice'>;
      sender: OwnerNotificationSender;
      titles: RubricTitles;
      owners: Pick<EntityOwners, 'groupByOwner'>;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  async notifyDue(
    campaign: StoredCampaign,
    today: string,
    entities: CampaignEntityResult[],
  ): Promise<void> {
    const { logger } = this.options;
    try {
      const due = dueCampaignNotices(campaign, today);
      if (due.length === 0) return;
      const at = this.options.now?.() ?? new Date();
      // The owners stored with today's results, as the campaign's teams
      // count them (written by the latest evaluation): no catalog call.
      const short = await this.options.owners.groupByOwner(
        entities.filter(e => !e.meetsGoal),
        {
          entityRefOf: e => e.entityRef,
          knownOwnerOf: e => e.ownerRef ?? null,
        },
      );
      const sent = new Set<string>();
      const undelivered = new Set<string>();
      let owners = 0;
      let notDelivered = 0;
      const claims = await this.claim(campaign, due, [...short.keys()], at);
      for (const [ownerRef, owned] of short) {
        const claimed = claims.get(ownerRef);
        if (!claimed) continue;
        owners += 1;
        if (await this.send(campaign, today, ownerRef, owned, claimed)) {
          claimed.forEach(notice => sent.add(notice));
        } else {
          notDelivered += 1;
          claimed.forEach(notice => undelivered.add(notice));
        }
      }
      if (undelivered.size > 0) {
        const message = `Campaign ${campaign.id}: ${[...undelivered].join(
          ', ',
        )} notice not delivered to ${notDelivered} of ${owners} owners (is the notifications backend installed?); the next run tries again`;
        if (this.warnedUndelivered) logger.debug(message);
        else logger.warn(message);
        this.warnedUndelivered = true;
      }
      if (sent.size > 0) {
        logger.info(
          `Campaign ${campaign.id}: ${[...sent].join(', ')} notice sent to ${
            owners - notDelivered
          } owners`,
        );
      }
    } catch (error) {
      logger.warn(`Campaign ${campaign.id} notices failed: ${error}`);
    }
  }

  /**
   * Per group, the due notices it has not been told yet, now claimed for
   * it: one claim per notice for all the groups at once.
   */
  private async claim(
    campaign: StoredCampaign,
    due: string[],
    ownerRefs: string[],
    at: Date,
  ): Promise<Map<string, string[]>> {
    const claims = new Map<string, string[]>();
    if (ownerRefs.length === 0) return claims;
    for (const notice of due) {
      const claimed = await this.options.store.claimNotice(
        campaign.id,
        notice,
        ownerRefs,
        at,
      );
      for (const ownerRef of claimed) {
        claims.set(ownerRef, [...(claims.get(ownerRef) ?? []), notice]);
      }
    }
    return claims;
  }

  /** Sends the group its notice; releases its claims when not delivered. */
  private async send(
    campaign: StoredCampaign,
    today: string,
    ownerRef: string,
    owned: CampaignEntityResult[],
    claimed: string[],
  ): Promise<boolean> {
    const { store, sender, titles } = this.options;
    const kind = claimed.includes('start') ? 'start' : 'reminder';
    let delivered = false;
    try {
      delivered = await sender.send([
        campaignMessage(campaign, kind, today, ownerRef, owned, titles),
      ]);
    } finally {
      if (!delivered) {
        for (const notice of claimed) {
          await store.releaseNotice(campaign.id, notice, ownerRef);
        }
      }
    }
    return delivered;
  }
}
