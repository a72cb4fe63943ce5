import { RepoFactValue } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { chunks } from '../../chunks';
import { runBatchRead } from '../../runBatchRead';

// Entities per statement, far below the bind-parameter limits.
const CHUNK_SIZE = 500;

/** Each entity's latest value of every repository fact. */
export async function readLatestRepoFacts(
  db: Knex,
  entityRefs: string[],
): Promise<Map<string, Record<string, RepoFactValue>>> {
  const facts = new Map<string, Record<string, RepoFactValue>>();
  const observed = new Map<string, number>();
  for (const batch of chunks(entityRefs, CHUNK_SIZE)) {
    const rows = await runBatchRead(db, tx =>
      tx('repo_facts')
        .whereIn('entity_ref', batch)
        .select('entity_ref', 'fact', 'value', 'observed_at'),
    );
    for (const row of rows) {
      const key = `${row.entity_ref}\u0000${row.fact}`;
      const at = Number(row.observed_at);
      if ((observed.get(key) ?? -Infinity) > at) continue;
      observed.set(key, at);
      const entityFacts = facts.get(row.entity_ref) ?? {};
      entityFacts[row.fact] = JSON.parse(row.value ?? 'null');
      facts.set(row.entity_ref, entityFacts);
    }
  }
  return facts;
}
