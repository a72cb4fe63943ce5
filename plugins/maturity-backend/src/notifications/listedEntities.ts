import { parseEntityRef } from '@backstage/catalog-model';
import { maturityTabLink } from './maturityTabLink';

/** How many entities a notification names before "and N more". */
export const LISTED_ENTITIES = 20;

/**
 * A notification's description: one entry per entity, the rest counted.
 * Joined with "; " as the notifications page shows a description on one
 * line.
 */
export function listEntries(entries: string[]): string {
  const shown = entries.slice(0, LISTED_ENTITIES);
  const more = entries.length - shown.length;
  return [...shown, ...(more > 0 ? [`and ${more} more`] : [])].join('; ');
}

/**
 * Where a notification about some entities of one owner points: the
 * entity's tab when there is one, else the owner's Maturity tab (a group's
 * rollup lists its entities), else the first entity's.
 */
export function linkFor(ownerRef: string, entityRefs: string[]): string {
  if (entityRefs.length === 1) return maturityTabLink(entityRefs[0]);
  const { kind } = parseEntityRef(ownerRef);
  return kind.toLocaleLowerCase('en-US') === 'group'
    ? maturityTabLink(ownerRef)
    : maturityTabLink(entityRefs[0]);
}
