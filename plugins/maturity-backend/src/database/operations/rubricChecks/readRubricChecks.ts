import { Knex } from 'knex';
import { CheckDefinition } from '../../storedScorecard';

/** The stored definitions of a rubric version's checks, by check id. */
export async function readRubricChecks(
  db: Knex,
  version: string,
): Promise<Map<string, CheckDefinition>> {
  const rows = await db('rubric_checks')
    .where('rubric_version', version)
    .select('check_id', 'definition');
  return new Map(
    rows.map(row => [
      String(row.check_id),
      JSON.parse(row.definition) as CheckDefinition,
    ]),
  );
}
