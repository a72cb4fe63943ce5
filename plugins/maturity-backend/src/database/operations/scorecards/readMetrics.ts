import { EntityMetrics } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { fromStoredMetrics, StoredEntityMetrics } from '../../storedMetrics';

/** An entity's latest metrics, whole. */
export async function readMetrics(
  db: Knex,
  entityRef: string,
): Promise<EntityMetrics | undefined> {
  const row = await db('entity_metrics')
    .where('entity_ref', entityRef)
    .first('document');
  return row
    ? fromStoredMetrics(JSON.parse(row.document) as StoredEntityMetrics)
    : undefined;
}
