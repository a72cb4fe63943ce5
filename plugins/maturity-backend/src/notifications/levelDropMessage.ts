import { LevelChange } from '../scoring/LevelChangeListener';
import { OwnerNotification } from './OwnerNotificationSender';
import { entityName } from './maturityTabLink';
import { linkFor, ListedEntities, listEntries } from './listedEntities';
import { RubricTitles } from './RubricTitles';
import { MATURITY_TOPICS } from './topics';

/** The held levels that dropped for one entity. */
export interface EntityLevelDrops {
  entityRef: string;
  drops: LevelChange[];
}

/**
 * One owner's entities whose held levels dropped: the first ones listed,
 * and whether any of them (listed or not) dropped its overall level.
 */
export interface OwnerLevelDrops {
  entities: ListedEntities<EntityLevelDrops>;
  overallDropped: boolean;
}

/**
 * One notification to an owner about all of its entities whose held levels
 * dropped in one evaluation run, e.g. "checkout-api: Overall 3 → 2, Test
 * 3 → 2; cart-service: Culture 2 → 1", the first ones listed and the rest
 * counted (its metadata names the listed ones). High severity when an
 * overall level dropped, normal when only categories did.
 */
export function levelDropMessage(
  ownerRef: string,
  owned: OwnerLevelDrops,
  titles: RubricTitles,
): OwnerNotification {
  const { listed: entities, total } = owned.entities;
  const refs = entities.map(e => e.entityRef);
  const title =
    total === 1
      ? `Maturity level dropped: ${entityName(refs[0])}`
      : `Maturity levels dropped for ${total} entities`;
  const entries = entities.map(({ entityRef, drops }) => {
    // The overall level first, the categories in the order given.
    const sorted = [...drops].sort(
      (a, b) =>
        Number(b.category === 'overall') - Number(a.category === 'overall'),
    );
    const moves = sorted.map(
      d => `${titles.category(d.category)} ${d.from} → ${d.to}`,
    );
    return `${entityName(entityRef)}: ${moves.join(', ')}`;
  });
  return {
    to: [ownerRef],
    payload: {
      title,
      description: listEntries(entries, total),
      link: linkFor(ownerRef, refs, total),
      severity: owned.overallDropped ? 'high' : 'normal',
      topic: MATURITY_TOPICS.levelDropped,
      metadata: { entityRefs: refs },
    },
  };
}
