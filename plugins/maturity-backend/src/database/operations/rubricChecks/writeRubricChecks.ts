import { Knex } from 'knex';
import { CheckDefinition } from '../../storedScorecard';

/**
 * Stores the definitions of a rubric version's checks, those already
 * stored (by this or another replica) left as they are: a version's
 * definitions never change.
 */
export async function writeRubricChecks(
  db: Knex | Knex.Transaction,
  version: string,
  definitions: ReadonlyMap<string, CheckDefinition>,
): Promise<void> {
  if (definitions.size === 0) return;
  await db('rubric_checks')
    .insert(
      [...definitions].map(([checkId, definition]) => ({
        rubric_version: version,
        check_id: checkId,
        definition: JSON.stringify(definition),
      })),
    )
    .onConflict(['rubric_version', 'check_id'])
    .ignore();
}
