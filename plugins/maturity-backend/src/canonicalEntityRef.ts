import { stringifyEntityRef } from '@backstage/catalog-model';

/**
 * The one spelling of an entity ref the plugin stores and compares: the
 * catalog treats refs case-insensitively, so every table keys on the
 * stringified, lowercased form.
 */
export function canonicalEntityRef(
  ref: Parameters<typeof stringifyEntityRef>[0],
): string {
  return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
}
