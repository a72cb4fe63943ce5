import { Knex } from 'knex';
import { RubricPreviewRow } from '../../RubricPreviewReader';
import { StoredEntityMetrics, fromStoredMetrics } from '../../storedMetrics';
import { runBatchRead } from '../../runBatchRead';

/** Rows per statement: a batch's documents stay a few megabytes. */
const DEFAULT_BATCH_SIZE = 1000;

/**
 * Every scorecard's stored check states (and, if asked, its metrics and
 * evaluation inputs), in entity ref order: one keyset-paged statement per
 * batch on the scorecards' primary key, the metrics joined on theirs.
 */
export async function* readPreviewRows(
  db: Knex,
  options: { withMetrics: boolean; withInputs: boolean; batchSize?: number },
): AsyncGenerator<RubricPreviewRow[]> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const joined = options.withMetrics || options.withInputs;
  let after: string | undefined;
  for (;;) {
    const from = after;
    const rows = await runBatchRead(db, tx => {
      const query = tx('scorecards as s')
        .select(
          's.entity_ref',
          's.kind',
          's.title',
          's.owner_ref',
          's.mlops_level',
          's.evaluated_at',
          's.check_states',
        )
        .orderBy('s.entity_ref')
        .limit(batchSize);
      if (from !== undefined) query.where('s.entity_ref', '>', from);
      if (joined) {
        query.leftJoin('entity_metrics as m', 'm.entity_ref', 's.entity_ref');
        if (options.withMetrics) query.select({ metrics: 'm.document' });
        if (options.withInputs) query.select({ inputs: 'm.rubric_inputs' });
      }
      return query;
    });
    if (rows.length === 0) return;
    yield rows.map(row => {
      const result: RubricPreviewRow = {
        entityRef: row.entity_ref,
        kind: row.kind,
        isMl: row.mlops_level !== null && row.mlops_level !== undefined,
        checkStates: JSON.parse(row.check_states),
        evaluatedAt: new Date(Number(row.evaluated_at)),
      };
      if (row.title) result.title = row.title;
      if (row.owner_ref) result.ownerRef = row.owner_ref;
      if (row.metrics) {
        result.metrics = fromStoredMetrics(
          JSON.parse(row.metrics) as StoredEntityMetrics,
        );
      }
      if (row.inputs) result.inputs = JSON.parse(row.inputs);
      return result;
    });
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].entity_ref;
  }
}
