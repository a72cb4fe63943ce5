import { parseEntityRef } from '@backstage/catalog-model';
import { maturityTabLink } from './maturityTabLink';

/** How many entities a notification names before "and N more". */
export const LISTED_ENTITIES = 20;

/**
 * A notification's description: one entry per entity, the rest counted
 * (`total` entries in all, when only the first are given). Joined with
 * "; " as the notifications page shows a description on one line.
 */
export function listEntries(entries: string[], total = entries.length): string {
  const shown = entries.slice(0, LISTED_ENTITIES);
  const more = Math.max(total, entries.length) - shown.length;
  return [...shown, ...(more > 0 ? [`and ${more} more`] : [])].join('; ');
}

/**
 * Where a notification about some entities of one owner points: the
 * entity's tab when there is one, else the owner's Maturity tab (a group's
 * rollup lists its entities), else the first entity's.
 */
export function linkFor(
  ownerRef: string,
  entityRefs: string[],
  total = entityRefs.length,
): string {
  if (total === 1) return maturityTabLink(entityRefs[0]);
  const { kind } = parseEntityRef(ownerRef);
  return kind.toLocaleLowerCase('en-US') === 'group'
    ? maturityTabLink(ownerRef)
    : maturityTabLink(entityRefs[0]);
}

/**
 * What an owner is told about some of its entities: the news of the first
 * LISTED_ENTITIES of them, and how many there are in all. However many
 * entities an owner has (a full evaluation of 10,000 entities of one
 * group), it keeps that many, so the notices of a run take bounded memory
 * per owner. News of an entity listed already joins its entry; an entity
 * past the listed ones that has news twice counts twice (a run evaluates
 * each entity once).
 */
export class ListedEntities<T extends { entityRef: string }> {
  private readonly byRef = new Map<string, T>();
  private counted = 0;

  constructor(private readonly join: (listed: T, more: T) => void) {}

  add(news: T): void {
    const listed = this.byRef.get(news.entityRef);
    if (listed) {
      this.join(listed, news);
      return;
    }
    if (this.byRef.size < LISTED_ENTITIES) this.byRef.set(news.entityRef, news);
    this.counted += 1;
  }

  /** The listed entities' news, in the order they came. */
  get listed(): T[] {
    return [...this.byRef.values()];
  }

  /** How many entities had news, listed or not. */
  get total(): number {
    return this.counted;
  }
}
