import { Knex } from 'knex';
import { chunks } from '../../chunks';
import { fromHeldLevelsColumn } from '../../heldLevelsColumn';
import { StoredScorecard } from '../../storedScorecard';

/** Which scorecards `readAtRiskDocuments` looks at. */
export type AtRiskScope = { entityRef: string } | { ownerRef: string };

/**
 * The stored scorecards of the scope (one entity, or those a group owns)
 * with a category held above its raw level: two statements, the small
 * held-levels column of the scope first, then the documents of those at
 * risk only.
 */
export async function readAtRiskDocuments(
  db: Knex,
  scope: AtRiskScope,
): Promise<StoredScorecard[]> {
  const query = db('scorecards').whereNotNull('held_levels');
  if ('entityRef' in scope) {
    query.where('entity_ref', scope.entityRef);
  } else {
    query.where('owner_ref', scope.ownerRef);
  }
  const rows: Array<{ entity_ref: string; held_levels: string }> =
    await query.select('entity_ref', 'held_levels');
  const atRisk = rows
    .filter(row =>
      Object.values(fromHeldLevelsColumn(row.held_levels) ?? {}).some(
        state => state.belowDays > 0,
      ),
    )
    .map(row => row.entity_ref)
    .sort();
  const documents: StoredScorecard[] = [];
  for (const batch of chunks(atRisk, 500)) {
    const found: Array<{ document: string }> = await db('scorecards')
      .whereIn('entity_ref', batch)
      .orderBy('entity_ref')
      .select('document');
    documents.push(...found.map(row => JSON.parse(row.document)));
  }
  return documents;
}
