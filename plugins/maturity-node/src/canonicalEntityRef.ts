import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  canonicalEntityKind as commonCanonicalEntityKind,
  canonicalEntityRef as commonCanonicalEntityRef,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/**
 * The one spelling of an entity ref the Maturity plugin stores and
 * compares, and its sources write: the catalog treats refs
 * case-insensitively, so every table keys on the stringified, lowercased
 * form. A string is taken as a full ref (`kind:namespace/name`) and only
 * lowercased. The same as `canonicalEntityRef` of the common package, which
 * the frontend uses; typed here with the catalog model's entity.
 *
 * @public
 */
export function canonicalEntityRef(
  ref: string | Parameters<typeof stringifyEntityRef>[0],
): string {
  return commonCanonicalEntityRef(ref);
}

/**
 * An entity kind as the plugin compares and stores it (lowercased, as the
 * kind part of a canonical ref).
 *
 * @public
 */
export function canonicalEntityKind(kind: string): string {
  return commonCanonicalEntityKind(kind);
}
