import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { chunks } from './chunks';
import { RollupStore } from './RollupStore';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 200;

/**
 * The rollups on the plugin's own database.
 * @internal
 */
export class DatabaseRollupStore implements RollupStore {
  constructor(private readonly db: Knex) {}

  async replaceRollups(rollups: Rollup[]) {
    await this.db.transaction(async tx => {
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

  async getRollup(scopeRef: string) {
    const row = await this.db('rollups')
      .where('scope_ref', scopeRef)
      .first('document');
    return row ? (JSON.parse(row.document) as Rollup) : undefined;
  }
}
