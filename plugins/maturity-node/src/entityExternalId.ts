import { createHash } from 'node:crypto';

/** The longest external id the store keeps (`ExternalId` of the ingest API). */
const MAX_EXTERNAL_ID_LENGTH = 255;

/**
 * The external id of a tool item's event for one catalog entity: the item's
 * id, `separator`, and the entity ref. A source that maps one item to
 * several entities writes one event per entity; this id depends on nothing
 * but the item and the entity, never on how many entities share the item,
 * so a re-read, a webhook replay or a newly mapped entity writes over the
 * same record. An id that would pass the store's 255 characters (a very
 * long entity ref) carries a SHA-256 of the entity ref (40 hex digits)
 * instead. Pick a separator the tool's ids never contain.
 * @public
 */
export function entityExternalId(
  id: string,
  entityRef: string,
  separator: string,
): string {
  const full = `${id}${separator}${entityRef}`;
  if (full.length <= MAX_EXTERNAL_ID_LENGTH) return full;
  const digest = createHash('sha256').update(entityRef).digest('hex');
  return `${id}${separator}${digest.slice(0, 40)}`;
}
