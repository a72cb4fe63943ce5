import { LoggerService } from '@backstage/backend-plugin-api';
import { ExemptionExpiryNotices } from '../database/ExemptionExpiryNotices';
import { DAY_MS } from '../durations';
import {
  EXPIRY_NOTICE_DAYS,
  exemptionsExpiringMessage,
} from './exemptionMessages';
import { EntityOwners } from './EntityOwners';
import { OwnerNotificationSender } from './OwnerNotificationSender';
import { RubricTitles } from './RubricTitles';

/**
 * The daily notice of exemptions about to end: each owner hears once, in
 * one notification, of its approved exemptions that end within
 * EXPIRY_NOTICE_DAYS. An exemption is marked notified only once its notice
 * was delivered, so one the notifications backend could not take (not
 * installed, down) is tried again the next day, as is one whose owner the
 * catalog could not be asked for.
 */
export class ExpiringExemptionNotices {
  constructor(
    private readonly options: {
      notices: ExemptionExpiryNotices;
      sender: OwnerNotificationSender;
      titles: RubricTitles;
      owners: Pick<EntityOwners, 'groupByOwner'>;
      logger: LoggerService;
    },
  ) {}

  /** Sends the notices due at `now`; returns how many exemptions were notified. */
  async run(now: Date): Promise<number> {
    const { notices, sender, titles } = this.options;
    const until = new Date(now.getTime() + EXPIRY_NOTICE_DAYS * DAY_MS);
    const expiring = await notices.listUnnotifiedExpiring(now, until);
    let notified = 0;
    // The owner stored with the entity's scorecard, else the catalog's;
    // without either, the entity itself (the notifications backend looks
    // for its owner).
    const byOwner = await this.options.owners.groupByOwner(expiring, {
      entityRefOf: e => e.entityRef,
      knownOwnerOf: e => e.ownerRef,
      unowned: 'entity',
    });
    for (const [owner, exemptions] of byOwner) {
      const delivered = await sender.send([
        exemptionsExpiringMessage(owner, exemptions, titles),
      ]);
      if (delivered) {
        await notices.recordExpiryNotices(
          exemptions.map(e => e.id),
          now,
        );
        notified += exemptions.length;
      }
    }
    if (notified > 0) {
      this.options.logger.info(
        `Notified owners of ${notified} exemptions expiring within ${EXPIRY_NOTICE_DAYS} days`,
      );
    }
    return notified;
  }
}
