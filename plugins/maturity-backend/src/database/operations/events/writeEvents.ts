import { ConflictError } from '@backstage/errors';
import {
  IngestResult,
  MaturityEvent,
  MaturityEventType,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { chunks } from '../../chunks';
import { EventRow, toEventRow } from '../../eventRows';
import { EventTable, eventTables } from '../../eventTables';
import { isPostgres } from '../../isPostgres';
import { whereIdentityIn } from '../../whereIdentityIn';
import { yieldToEventLoop } from '../../yieldToEventLoop';
import {
  lockEntitiesForCiOutcomes,
  refreshChangeCiOutcomes,
  WrittenBuild,
} from '../ciOutcomes/refreshChangeCiOutcomes';
import {
  changeLinks,
  deploymentLinks,
  replaceCommitLinks,
  syncCommitLinks,
} from '../commitLinks/syncCommitLinks';
import { refreshPlannerStatistics } from './refreshPlannerStatistics';

// Rows per statement: about 30 bound values a row stays far below the
// bind-parameter limits of SQLite (32766) and PostgreSQL (65535).
const CHUNK_SIZE = 500;
// Characters of text values per upsert statement: rows with long commit
// lists are written a few at a time, so that no single SQLite statement
// holds the event loop for long.
const TEXT_PER_STATEMENT = 256 * 1024;
// Events turned into rows between two yields to the event loop.
const EVENTS_PER_SLICE = 50;

/** `rows` in consecutive slices holding at most `limit` characters of text. */
function chunksOfText(rows: EventRow[], limit: number): EventRow[][] {
  const result: EventRow[][] = [];
  let current: EventRow[] = [];
  let size = 0;
  for (const row of rows) {
    let length = 0;
    for (const value of Object.values(row)) {
      if (typeof value === 'string') length += value.length;
    }
    if (current.length > 0 && size + length > limit) {
      result.push(current);
      current = [];
      size = 0;
    }
    current.push(row);
    size += length;
  }
  if (current.length > 0) result.push(current);
  return result;
}

const identityKey = (spec: EventTable, row: Record<string, unknown>) =>
  JSON.stringify(spec.identity.map(column => row[column]));

/**
 * Writes a batch of events idempotently in one transaction (all or
 * nothing): per table, the newest version of each record wins, a record
 * stored with a newer version is left alone, and the commit links and CI
 * outcomes the written rows imply follow in the same transaction. Yields to
 * the event loop between statements.
 */
export async function writeEvents(
  db: Knex,
  events: MaturityEvent[],
  options: { sameVersionChange?: 'replace' | 'reject' } = {},
): Promise<IngestResult> {
  const rejectSameVersionChange = options.sameVersionChange === 'reject';
  const result: IngestResult = { created: 0, updated: 0, unchanged: 0 };
  const now = Date.now();
  const rowsByType = new Map<MaturityEventType, EventRow[]>();
  // The request's parse and validation ran just before; digesting large
  // events is work of the same size, so other requests get a turn first
  // and between slices.
  for (const [index, event] of events.entries()) {
    if (index % EVENTS_PER_SLICE === 0) await yieldToEventLoop();
    const rows = rowsByType.get(event.type) ?? [];
    rows.push(toEventRow(event, now));
    rowsByType.set(event.type, rows);
  }

  const written: { changeIds: number[]; builds: WrittenBuild[] } = {
    changeIds: [],
    builds: [],
  };
  await db.transaction(async tx => {
    if (isPostgres(tx)) {
      // Batch statements are costed high enough to be JIT-compiled, which
      // takes longer than running them (see runBatchRead).
      await tx.raw('set local jit = off');
      await lockEntitiesForCiOutcomes(tx, [
        ...(rowsByType.get('change') ?? []),
        ...(rowsByType.get('build') ?? []),
      ]);
    }
    for (const [type, rows] of rowsByType) {
      const spec = eventTables[type];
      // The same record twice in one batch: the newest version wins, the
      // other counts as unchanged.
      const latest = new Map<string, EventRow>();
      for (const row of rows) {
        const key = identityKey(spec, row);
        const seen = latest.get(key);
        if (
          rejectSameVersionChange &&
          seen &&
          Number(seen.version) === Number(row.version) &&
          seen.content_hash !== row.content_hash
        ) {
          throw new ConflictError(
            `updatedAt: the batch holds the ${type} ${key} twice with the same updatedAt and other content`,
          );
        }
        if (!seen || Number(row.version) >= Number(seen.version)) {
          latest.set(key, row);
        }
      }
      result.unchanged += rows.length - latest.size;

      for (const chunk of chunks([...latest.values()], CHUNK_SIZE)) {
        const counts = await upsertChunk(
          tx,
          spec,
          chunk,
          written,
          rejectSameVersionChange,
        );
        result.created += counts.created;
        result.updated += counts.updated;
        result.unchanged += counts.unchanged;
        await yieldToEventLoop();
      }
    }
    // Once all of the batch is written: its changes and builds may refer
    // to each other.
    await refreshChangeCiOutcomes(tx, written);
  });
  if (result.created > 0) {
    // Statistics follow the data as it arrives, as autovacuum keeps them
    // on PostgreSQL: a no-op until a table has grown tenfold.
    await refreshPlannerStatistics(db);
  }
  return result;
}

async function upsertChunk(
  tx: Knex.Transaction,
  spec: EventTable,
  rows: EventRow[],
  written: { changeIds: number[]; builds: WrittenBuild[] },
  rejectSameVersionChange: boolean,
): Promise<IngestResult> {
  const existing: Array<Record<string, unknown>> = await whereIdentityIn(
    tx(spec.table),
    spec,
    rows,
  ).select([...spec.identity, 'version', 'content_hash']);
  const stored = new Map(existing.map(row => [identityKey(spec, row), row]));

  const counts: IngestResult = { created: 0, updated: 0, unchanged: 0 };
  const writes = rows.filter(row => {
    const old = stored.get(identityKey(spec, row));
    if (!old) {
      counts.created += 1;
      return true;
    }
    const oldVersion = Number(old.version);
    const newVersion = Number(row.version);
    const sameVersionChange =
      newVersion === oldVersion && row.content_hash !== old.content_hash;
    if (sameVersionChange && rejectSameVersionChange) {
      // Thrown inside the transaction: nothing of the batch is written.
      throw new ConflictError(
        `updatedAt: the ${spec.type} ${identityKey(
          spec,
          row,
        )} is stored with the same updatedAt (${new Date(
          newVersion,
        ).toISOString()}) and other content; send the change with a later updatedAt`,
      );
    }
    if (newVersion > oldVersion || sameVersionChange) {
      counts.updated += 1;
      return true;
    }
    counts.unchanged += 1;
    return false;
  });
  if (writes.length === 0) {
    return counts;
  }

  // The guard repeats the version rule in SQL so that a concurrent writer
  // on another replica can never replace a newer record with an older one.
  const updatable = Object.keys(writes[0]).filter(
    column => column !== 'ingested_at' && !spec.identity.includes(column),
  );
  for (const batch of chunksOfText(writes, TEXT_PER_STATEMENT)) {
    await tx(spec.table)
      .insert(batch)
      .onConflict(spec.identity)
      .merge(updatable)
      .whereRaw(
        rejectSameVersionChange
          ? `${spec.table}.version < excluded.version`
          : `${spec.table}.version < excluded.version or (${spec.table}.version = excluded.version and ${spec.table}.content_hash <> excluded.content_hash)`,
      );
    await yieldToEventLoop();
  }

  // Commit links let the metrics join changes to deployments portably.
  if (spec.type === 'deployment' || spec.type === 'change') {
    const links = spec.type === 'deployment' ? deploymentLinks : changeLinks;
    const storedRows: Array<Record<string, unknown>> = await whereIdentityIn(
      tx(spec.table),
      spec,
      writes,
    ).select('id', 'version', 'content_hash', ...spec.identity);
    const byIdentity = new Map(
      storedRows.map(row => [identityKey(spec, row), row]),
    );
    const ids = new Map<string, number>();
    const asWritten = writes.filter(row => {
      const key = identityKey(spec, row);
      const kept = byIdentity.get(key)!;
      ids.set(key, Number(kept.id));
      return (
        Number(kept.version) === Number(row.version) &&
        kept.content_hash === row.content_hash
      );
    });
    await yieldToEventLoop();
    // The links come from the rows just written: reading their commit
    // lists back would cost as much again. A row a concurrent writer
    // replaced with a newer version in the meantime is read back.
    await replaceCommitLinks(
      tx,
      links,
      asWritten.map(row => ({
        id: ids.get(identityKey(spec, row))!,
        entityRef: String(row.entity_ref),
        sha: row[links.shaColumn],
        shas: row[links.shasColumn],
      })),
    );
    if (asWritten.length < writes.length) {
      const fromMemory = new Set(asWritten.map(row => identityKey(spec, row)));
      await syncCommitLinks(tx, {
        [spec.type === 'deployment' ? 'deploymentIds' : 'changeIds']: [...ids]
          .filter(([key]) => !fromMemory.has(key))
          .map(([, id]) => id),
      });
    }
    if (spec.type === 'change') written.changeIds.push(...ids.values());
  }
  if (spec.type === 'build') {
    for (const row of writes) {
      written.builds.push({
        entity_ref: String(row.entity_ref),
        commit_sha: (row.commit_sha as string | null | undefined) ?? null,
      });
    }
  }
  return counts;
}
