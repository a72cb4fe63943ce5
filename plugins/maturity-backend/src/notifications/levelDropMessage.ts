import { LevelChange } from '../scoring/LevelChangeListener';
import { OwnerNotification } from './OwnerNotificationSender';
import { entityName } from './maturityTabLink';
import { linkFor, listEntries } from './listedEntities';
import { RubricTitles } from './RubricTitles';
import { MATURITY_TOPICS } from './topics';

/** The held levels that dropped for one entity. */
export interface EntityLevelDrops {
  entityRef: string;
  drops: LevelChange[];
}

/**
 * One notification to an owner about all of its entities whose held levels
 * dropped in one evaluation batch, e.g. "checkout-api: Overall 3 → 2, Test
 * 3 → 2; cart-service: Culture 2 → 1". High severity when an overall level
 * dropped, normal when only categories did.
 */
export function levelDropMessage(
  ownerRef: string,
  entities: EntityLevelDrops[],
  titles: RubricTitles,
): OwnerNotification {
  const refs = entities.map(e => e.entityRef);
  const title =
    entities.length === 1
      ? `Maturity level dropped: ${entityName(refs[0])}`
      : `Maturity levels dropped for ${entities.length} entities`;
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
  const overallDropped = entities.some(e =>
    e.drops.some(d => d.category === 'overall'),
  );
  return {
    to: [ownerRef],
    payload: {
      title,
      description: listEntries(entries),
      link: linkFor(ownerRef, refs),
      severity: overallDropped ? 'high' : 'normal',
      topic: MATURITY_TOPICS.levelDropped,
      metadata: { entityRefs: refs },
    },
  };
}
