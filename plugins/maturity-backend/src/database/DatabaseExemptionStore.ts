import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { chunks } from './chunks';
import { ExemptionStore } from './ExemptionStore';

function toExemption(row: Record<string, any>): Exemption {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    reason: row.reason,
    author: row.author,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    ...(row.expires_at !== null && row.expires_at !== undefined
      ? { expiresAt: new Date(Number(row.expires_at)).toISOString() }
      : {}),
  };
}

/**
 * Exemptions on the plugin's own database.
 * @internal
 */
export class DatabaseExemptionStore implements ExemptionStore {
  constructor(private readonly db: Knex) {}

  async createExemption(exemption: Exemption) {
    await this.db('exemptions').insert({
      id: exemption.id,
      entity_ref: exemption.entityRef,
      check_id: exemption.checkId,
      reason: exemption.reason,
      author: exemption.author,
      created_at: Date.parse(exemption.createdAt),
      expires_at: exemption.expiresAt ? Date.parse(exemption.expiresAt) : null,
      revoked_at: null,
    });
  }

  async listExemptions(entityRefs: string[]) {
    const rows: Record<string, any>[] = [];
    for (const batch of chunks(entityRefs, 1000)) {
      rows.push(
        ...(await this.db('exemptions')
          .whereIn('entity_ref', batch)
          .whereNull('revoked_at')
          .orderBy('created_at', 'asc')
          .select()),
      );
    }
    return rows.map(toExemption);
  }

  async getExemption(id: string) {
    const row = await this.db('exemptions')
      .where('id', id)
      .whereNull('revoked_at')
      .first();
    return row ? toExemption(row) : undefined;
  }

  async revokeExemption(id: string, at: Date) {
    const count = await this.db('exemptions')
      .where('id', id)
      .whereNull('revoked_at')
      .update({ revoked_at: at.getTime() });
    return count > 0;
  }
}
