import { SavedLevelsBatch } from '../scoring/LevelChangeListener';
import { EntityLevelDrops, OwnerLevelDrops } from './levelDropMessage';
import { ListedEntities } from './listedEntities';
import { EntityFailingChecks } from './requiredCheckMessage';

/** What one owner is told of the level changes of a run. */
export interface OwnerLevelNews {
  drops: OwnerLevelDrops;
  failing: ListedEntities<EntityFailingChecks>;
}

/**
 * The news in saved evaluation batches, by owner: held levels that dropped
 * and required checks newly failing. Batches are taken in as they come and
 * not kept: per owner it holds the first listed entities of each kind and
 * counts the rest (see ListedEntities), so a run of 10,000 entities holds
 * at most a few dozen entries per owner until it is sent. Entities without
 * an owner have nobody to tell and are left out.
 */
export class LevelChangeDigest {
  private readonly owners = new Map<string, OwnerLevelNews>();

  add(batch: SavedLevelsBatch): void {
    const ownerOf = new Map(
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
    for (const entity of dropsByEntity.values()) {
      const owner = ownerOf.get(entity.entityRef);
      if (!owner) continue;
      const { drops } = this.newsOf(owner);
      drops.entities.add(entity);
      if (entity.drops.some(d => d.category === 'overall')) {
        drops.overallDropped = true;
      }
    }
    for (const entity of batch.entities) {
      const checkIds = entity.newlyFailingChecks
        .filter(c => c.required)
        .map(c => c.checkId);
      if (checkIds.length === 0 || !entity.ownerRef) continue;
      this.newsOf(entity.ownerRef).failing.add({
        entityRef: entity.entityRef,
        checkIds,
      });
    }
  }

  /** Each owner's news, in the order owners first had some. */
  byOwner(): ReadonlyMap<string, OwnerLevelNews> {
    return this.owners;
  }

  private newsOf(owner: string): OwnerLevelNews {
    let news = this.owners.get(owner);
    if (!news) {
      news = {
        drops: {
          entities: new ListedEntities<EntityLevelDrops>((listed, more) =>
            listed.drops.push(...more.drops),
          ),
          overallDropped: false,
        },
        failing: new ListedEntities<EntityFailingChecks>((listed, more) => {
          for (const id of more.checkIds) {
            if (!listed.checkIds.includes(id)) listed.checkIds.push(id);
          }
        }),
      };
      this.owners.set(owner, news);
    }
    return news;
  }
}
