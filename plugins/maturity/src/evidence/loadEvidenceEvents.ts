import {
  MATURITY_EVENT_TYPES,
  StoredMaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { MaturityApi, MaturityTimeWindow } from '../api/MaturityApi';

/** A stored event id the backend can read: `deployment:123`. */
const STORED_ID = new RegExp(
  `^(${MATURITY_EVENT_TYPES.join('|')}):[1-9][0-9]{0,15}$`,
);

/**
 * The stored events behind evidence ids (`deployment:123`), in the order of
 * the ids, read by id in the evaluation window; ids that are not found
 * (outside the window, deleted) or not event ids are left out.
 */
export async function loadEvidenceEvents(
  api: MaturityApi,
  entityRef: string,
  evidence: string[],
  window: MaturityTimeWindow,
): Promise<StoredMaturityEvent[]> {
  const ids = evidence.filter(id => STORED_ID.test(id));
  if (ids.length === 0) {
    return [];
  }
  const { items } = await api.getEntityEventsById(entityRef, ids, window);
  return items;
}
