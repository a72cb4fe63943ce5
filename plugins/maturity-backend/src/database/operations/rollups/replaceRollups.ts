import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { chunks } from '../../chunks';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 200;
const SUBGROUP_CHUNK_SIZE = 500;

/**
 * Replaces every stored rollup with the given ones, and their group tree
 * (`rollup_subgroups`: each group rollup's group and its `groupRefs`), in
 * one transaction: a reader sees the old set or the new one, and a scope no
 * longer computed is gone.
 */
export async function replaceRollups(
  db: Knex,
  rollups: Rollup[],
): Promise<void> {
  await db.transaction(async tx => {
    await tx('rollups').delete();
    await tx('rollup_subgroups').delete();
    const subgroups = rollups
      .filter(rollup => rollup.scopeKind === 'group')
      .flatMap(rollup =>
        [...new Set([rollup.scopeRef, ...(rollup.groupRefs ?? [])])].map(
          ref => ({ group_ref: rollup.scopeRef, subgroup_ref: ref }),
        ),
      );
    for (const batch of chunks(subgroups, SUBGROUP_CHUNK_SIZE)) {
      await tx('rollup_subgroups').insert(batch);
    }
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
