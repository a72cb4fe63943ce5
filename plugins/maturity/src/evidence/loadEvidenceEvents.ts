import {
  MATURITY_EVENT_TYPES,
  MaturityEventType,
  StoredMaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { MaturityApi, MaturityTimeWindow } from '../api/MaturityApi';

/** Page size used to look the evidence up. */
const PAGE_SIZE = 500;
/** Pages read per event type at most, so a stale id cannot loop forever. */
const MAX_PAGES = 5;

function evidenceType(id: string): MaturityEventType | undefined {
  const type = id.slice(0, id.indexOf(':'));
  return (MATURITY_EVENT_TYPES as readonly string[]).includes(type)
    ? (type as MaturityEventType)
    : undefined;
}

/**
 * The stored events behind evidence ids (`deployment:123`), in the order of
 * the ids. Reads the entity's events of each type the ids name, page by page,
 * until every id is found; ids that are not found (outside the window,
 * deleted) are left out.
 */
export async function loadEvidenceEvents(
  api: MaturityApi,
  entityRef: string,
  evidence: string[],
  window: MaturityTimeWindow,
): Promise<StoredMaturityEvent[]> {
  const wanted = new Map<MaturityEventType, Set<string>>();
  for (const id of evidence) {
    const type = evidenceType(id);
    if (type) {
      wanted.set(type, (wanted.get(type) ?? new Set()).add(id));
    }
  }

  const found = new Map<string, StoredMaturityEvent>();
  await Promise.all(
    Array.from(wanted, async ([type, ids]) => {
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await api.getEntityEvents(entityRef, {
          ...window,
          types: [type],
          limit: PAGE_SIZE,
          cursor,
        });
        for (const event of result.items) {
          if (ids.has(event.id)) {
            found.set(event.id, event);
          }
        }
        cursor = result.nextCursor;
        if (!cursor || Array.from(ids).every(id => found.has(id))) {
          break;
        }
      }
    }),
  );

  return evidence.flatMap(id => {
    const event = found.get(id);
    return event ? [event] : [];
  });
}
