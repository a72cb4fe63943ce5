import { LoggerService } from '@backstage/backend-plugin-api';
import { LevelChangeDigest } from './LevelChangeDigest';
import { levelDropMessage } from './levelDropMessage';
import {
  OwnerNotification,
  OwnerNotificationSender,
} from './OwnerNotificationSender';
import { requiredCheckMessage } from './requiredCheckMessage';
import { RubricTitles } from './RubricTitles';

/**
 * Tells owners what an evaluation changed (the batches of a run gathered
 * into one digest, see CoalescedLevelChanges): held levels that dropped
 * and required checks newly failing, one notification per owner and kind
 * (ten entities of a group: one notification; ten thousand: one that lists
 * the first and counts the rest). Levels are held (a drop counts only after
 * days below), so a one-day dip sends nothing. Never throws: a
 * notification must not fail the evaluation.
 */
export class LevelChangeNotifier {
  constructor(
    private readonly options: {
      sender: OwnerNotificationSender;
      titles: RubricTitles;
      logger: LoggerService;
    },
  ) {}

  /** Tells owners what the batches gathered in a digest changed. */
  async send(digest: LevelChangeDigest): Promise<void> {
    try {
      await this.options.sender.send(this.messagesFor(digest));
    } catch (error) {
      this.options.logger.warn(`Maturity notifications failed: ${error}`);
    }
  }

  private messagesFor(digest: LevelChangeDigest): OwnerNotification[] {
    const { titles } = this.options;
    const owners = [...digest.byOwner()];
    return [
      ...owners
        .filter(([, news]) => news.drops.entities.total > 0)
        .map(([owner, news]) => levelDropMessage(owner, news.drops, titles)),
      ...owners
        .filter(([, news]) => news.failing.total > 0)
        .map(([owner, news]) =>
          requiredCheckMessage(owner, news.failing, titles),
        ),
    ];
  }
}
