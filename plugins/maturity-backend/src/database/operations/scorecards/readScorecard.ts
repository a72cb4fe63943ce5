import { Scorecard } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { RubricCheckDefinitions } from '../../RubricCheckDefinitions';
import { fromStoredScorecard, StoredScorecard } from '../../storedScorecard';

/**
 * An entity's latest scorecard, whole: its stored document with the
 * definitions of its checks (cached per rubric version).
 */
export async function readScorecard(
  db: Knex,
  checkDefinitions: RubricCheckDefinitions,
  entityRef: string,
): Promise<Scorecard | undefined> {
  const row = await db('scorecards')
    .where('entity_ref', entityRef)
    .first('document');
  if (!row) return undefined;
  const document = JSON.parse(row.document) as StoredScorecard;
  const definitions = await checkDefinitions.lookup(
    document.rubricVersion,
    document.checks,
  );
  return fromStoredScorecard(document, id => definitions.get(id));
}
