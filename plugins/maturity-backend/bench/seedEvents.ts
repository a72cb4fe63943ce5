import {
  MaturityEvent,
  MaturityEventType,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { EventRow, toEventRow } from '../src/database/eventRows';
import { eventTables } from '../src/database/eventTables';
import { refreshChangeCiOutcomes } from '../src/database/operations/ciOutcomes/refreshChangeCiOutcomes';
import { syncCommitLinks } from '../src/database/operations/commitLinks/syncCommitLinks';

// Rows per insert statement. The rows travel as one JSON parameter, so no
// bind-parameter limit applies.
const CHUNK_SIZE = 2500;

/**
 * One statement inserting a chunk of rows passed as a JSON array, skipping
 * records already present, returning the new ids.
 */
function insertFromJson(
  db: Knex | Knex.Transaction,
  table: string,
  identity: string[],
  rows: EventRow[],
) {
  const columns = [...new Set(rows.flatMap(row => Object.keys(row)))];
  const json = JSON.stringify(rows);
  const list = columns.map(c => `"${c}"`).join(', ');
  const conflict = identity.map(c => `"${c}"`).join(', ');
  if (db.client.config.client === 'pg') {
    return db.raw(
      `insert into "${table}" (${list})
       select ${list} from json_populate_recordset(null::"${table}", ?::json)
       on conflict (${conflict}) do nothing returning id`,
      [json],
    );
  }
  const values = columns.map(c => `json_extract(value, '$."${c}"')`).join(', ');
  return db.raw(
    `insert into "${table}" (${list})
     select ${values} from json_each(?) where true
     on conflict (${conflict}) do nothing returning id`,
    [json],
  );
}

/**
 * Loads events into a database the fast way, to build the benchmark's data
 * set: the rows the store writes for them (same conversion, same commit
 * links, same CI outcomes of changes), inserted set-based without the store's read-before-write and
 * version guard. Only for records not stored yet: one already present is
 * skipped. Ingest throughput is measured separately, through
 * `EventStore.ingest`.
 */
export async function seedEvents(
  db: Knex,
  events: MaturityEvent[],
  ingestedAt: number,
): Promise<void> {
  const rowsByType = new Map<MaturityEventType, EventRow[]>();
  for (const event of events) {
    const rows = rowsByType.get(event.type) ?? [];
    rows.push(toEventRow(event, ingestedAt));
    rowsByType.set(event.type, rows);
  }
  await db.transaction(async tx => {
    if (db.client.config.client === 'pg') {
      // As the store's ingest does: statements costed high on a table
      // without statistics yet would be JIT-compiled, for longer than
      // they run.
      await tx.raw('set local jit = off');
    }
    const changeIds: number[] = [];
    for (const [type, rows] of rowsByType) {
      const spec = eventTables[type];
      for (let i = 0; i < rows.length; i += CHUNK_SIZE) {
        const result = await insertFromJson(
          tx,
          spec.table,
          spec.identity,
          rows.slice(i, i + CHUNK_SIZE),
        );
        const inserted: Array<{ id: number | string }> = Array.isArray(result)
          ? result
          : result.rows;
        const ids = inserted.map(row => Number(row.id));
        if (type === 'deployment') {
          await syncCommitLinks(tx, { deploymentIds: ids });
        } else if (type === 'change') {
          await syncCommitLinks(tx, { changeIds: ids });
          changeIds.push(...ids);
        }
      }
    }
    // A seed batch holds each entity's whole year, builds included: the
    // changes' CI outcomes are complete once computed from their side.
    await refreshChangeCiOutcomes(tx, { changeIds });
  });
}
