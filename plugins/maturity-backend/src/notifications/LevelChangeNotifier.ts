import { LoggerService } from '@backstage/backend-plugin-api';
import {
  LevelChangeListener,
  SavedLevelsBatch,
} from '../scoring/LevelChangeListener';
import { groupByOwner } from './groupByOwner';
import { EntityLevelDrops, levelDropMessage } from './levelDropMessage';
import {
  OwnerNotification,
  OwnerNotificationSender,
} from './OwnerNotificationSender';
import {
  EntityFailingChecks,
  requiredCheckMessage,
} from './requiredCheckMessage';
import { RubricTitles } from './RubricTitles';

/**
 * Tells owners what an evaluation batch changed (the batches of a run
 * coalesced into one, see CoalescedLevelChanges): held levels that dropped
 * and required checks newly failing, one notification per owner and kind
 * for the whole batch (ten entities of a group: one notification). Levels
 * are held (a drop counts only after days below), so a one-day dip sends
 * nothing. Never throws: a notification must not fail the evaluation.
 */
export class LevelChangeNotifier implements LevelChangeListener {
  constructor(
    private readonly options: {
      sender: OwnerNotificationSender;
      titles: RubricTitles;
      logger: LoggerService;
    },
  ) {}

  async levelsSaved(batch: SavedLevelsBatch): Promise<void> {
    try {
      await this.options.sender.send(this.messagesFor(batch));
    } catch (error) {
      this.options.logger.warn(`Maturity notifications failed: ${error}`);
    }
  }

  private messagesFor(batch: SavedLevelsBatch): OwnerNotification[] {
    const { titles } = this.options;
    const owners = new Map(
      batch.entities.map(e => [e.entityRef, e.ownerRef] as const),
    );

    const dropsByEntity = new Map<string, EntityLevelDrops>();
    for (const change of batch.changes) {
      if (change.to >= change.from) continue;
      const entity = dropsByEntity.get(change.entityRef);
      if (entity) entity.drops.push(change);
      else
        dropsByEntity.set(change.entityRef, {
          entityRef: change.entityRef,
          drops: [change],
        });
    }
    const failing: EntityFailingChecks[] = batch.entities
      .map(e => ({
        entityRef: e.entityRef,
        checkIds: e.newlyFailingChecks
          .filter(c => c.required)
          .map(c => c.checkId),
      }))
      .filter(e => e.checkIds.length > 0);

    const messages: OwnerNotification[] = [];
    const ownerOf = (e: { entityRef: string }) => owners.get(e.entityRef);
    for (const [owner, entities] of groupByOwner(
      [...dropsByEntity.values()],
      ownerOf,
    )) {
      messages.push(levelDropMessage(owner, entities, titles));
    }
    for (const [owner, entities] of groupByOwner(failing, ownerOf)) {
      messages.push(requiredCheckMessage(owner, entities, titles));
    }
    return messages;
  }
}
