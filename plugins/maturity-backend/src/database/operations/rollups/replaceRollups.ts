import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { chunks } from '../../chunks';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 200;

/**
 * Replaces every stored rollup with the given ones, in one transaction: a
 * reader sees the old set or the new one, and a scope no longer computed is
 * gone.
 */
export async function replaceRollups(
  db: Knex,
  rollups: Rollup[],
): Promise<void> {
  await db.transaction(async tx => {
    await tx('rollups').delete();
    for (const batch of chunks(rollups, CHUNK_SIZE)) {
      await tx('rollups').insert(
        batch.map(rollup => ({
          scope_ref: rollup.scopeRef,
          scope_kind: rollup.scopeKind,
          entity_count: rollup.entityCount,
          computed_at: Date.parse(rollup.computedAt),
          document: JSON.stringify(rollup),
        })),
      );
    }
  });
}
