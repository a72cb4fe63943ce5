import { OwnerNotification } from './OwnerNotificationSender';
import { entityName } from './maturityTabLink';
import { linkFor, ListedEntities, listEntries } from './listedEntities';
import { RubricTitles } from './RubricTitles';
import { MATURITY_TOPICS } from './topics';

/** The required checks one entity newly fails. */
export interface EntityFailingChecks {
  entityRef: string;
  checkIds: string[];
}

/**
 * One notification to an owner about all of its entities that newly fail a
 * required check (a level cannot be met without it) in one evaluation run,
 * the first ones listed and the rest counted. High severity: the level it
 * guards is lost until it passes.
 */
export function requiredCheckMessage(
  ownerRef: string,
  owned: ListedEntities<EntityFailingChecks>,
  titles: RubricTitles,
): OwnerNotification {
  const { listed: entities, total } = owned;
  const refs = entities.map(e => e.entityRef);
  const title =
    total === 1
      ? `Required maturity check failing: ${entityName(refs[0])}`
      : `${total} entities newly fail a required maturity check`;
  const entries = entities.map(
    ({ entityRef, checkIds }) =>
      `${entityName(entityRef)}: ${checkIds
        .map(id => titles.check(id))
        .join(', ')}`,
  );
  return {
    to: [ownerRef],
    payload: {
      title,
      description: listEntries(entries, total),
      link: linkFor(ownerRef, refs, total),
      severity: 'high',
      topic: MATURITY_TOPICS.requiredCheckFailing,
      metadata: { entityRefs: refs },
    },
  };
}
