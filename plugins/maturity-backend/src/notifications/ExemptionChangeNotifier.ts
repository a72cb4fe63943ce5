import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ExemptionChange,
  ExemptionChangeListener,
} from '../exemptions/ExemptionChangeListener';
import { EntityOwners } from './EntityOwners';
import {
  exemptionDecidedMessage,
  exemptionRequestedMessage,
} from './exemptionMessages';
import { OwnerNotificationSender } from './OwnerNotificationSender';
import { RubricTitles } from './RubricTitles';

/**
 * Tells people of the exemption workflow's changes: a request goes to the
 * deciders (`maturity.notifications.exemptionDeciders`, else the entity's
 * owner), an approval, denial or revocation to the requester. Withdrawals
 * and expiries are the requester's own doing or foretold (see
 * ExpiringExemptionNotices). Never throws.
 *
 * Unlike the batched notices, a request reads its entity's owner from the
 * catalog as it is now (one read per request, when a person acts), not the
 * owner stored at the entity's last evaluation; the rule is the same
 * (EntityOwners).
 */
export class ExemptionChangeNotifier implements ExemptionChangeListener {
  constructor(
    private readonly options: {
      sender: OwnerNotificationSender;
      titles: RubricTitles;
      owners: Pick<EntityOwners, 'ownersOf'>;
      /** Configured deciders; empty: the entity's owner decides. */
      deciders: string[];
      logger: LoggerService;
    },
  ) {}

  async exemptionChanged(change: ExemptionChange): Promise<void> {
    const { sender, titles } = this.options;
    const { exemption, action, actor, comment } = change;
    try {
      if (action === 'requested') {
        const deciders = await this.decidersOf(exemption.entityRef);
        await sender.send([
          exemptionRequestedMessage(exemption, deciders, titles),
        ]);
      } else if (
        (action === 'approved' ||
          action === 'denied' ||
          action === 'revoked') &&
        // Whoever decided their own request knows.
        actor !== exemption.author
      ) {
        await sender.send([
          exemptionDecidedMessage(exemption, action, actor, titles, comment),
        ]);
      }
    } catch (error) {
      this.options.logger.warn(
        `Maturity notification of exemption ${exemption.id} failed: ${error}`,
      );
    }
  }

  private async decidersOf(entityRef: string): Promise<string[]> {
    if (this.options.deciders.length > 0) return this.options.deciders;
    try {
      const owners = await this.options.owners.ownersOf(entityRef);
      if (owners.length > 0) return owners;
    } catch (error) {
      this.options.logger.debug(`Owner of ${entityRef} not read: ${error}`);
    }
    // The notifications backend resolves an entity to its owner too.
    return [entityRef];
  }
}
