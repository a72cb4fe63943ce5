import { stringifyEntityRef } from '@backstage/catalog-model';

const lower = (text: string) => text.toLocaleLowerCase('en-US');

/**
 * The one spelling of an entity ref the Maturity plugin stores and
 * compares, and its sources write: the catalog treats refs
 * case-insensitively, so every table keys on the stringified, lowercased
 * form. A string is taken as a full ref (`kind:namespace/name`) and only
 * lowercased.
 *
 * @public
 */
export function canonicalEntityRef(
  ref: string | Parameters<typeof stringifyEntityRef>[0],
): string {
  return lower(typeof ref === 'string' ? ref : stringifyEntityRef(ref));
}

/**
 * An entity kind as the plugin compares and stores it (lowercased, as the
 * kind part of a canonical ref).
 *
 * @public
 */
export function canonicalEntityKind(kind: string): string {
  return lower(kind);
}
