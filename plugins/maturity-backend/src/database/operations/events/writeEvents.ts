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
import { retryOnContention } from '../../retryOnContention';
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

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) =>
  a < b ? -1 : Number(a > b);

/** One table's share of a batch: the newest version of each record. */
interface TableWrite {
  spec: EventTable;
  rows: EventRow[];
}

/**
 * The newest version of each record of one table, in identity order. The
 * same record twice in one batch: the newest version wins, the other
 * counts as unchanged.
 */
function newestPerRecord(
  spec: EventTable,
  rows: EventRow[],
  rejectSameVersionChange: boolean,
): EventRow[] {
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
        `updatedAt: the batch holds the ${spec.type} ${key} twice with the same updatedAt and other content`,
      );
    }
    if (!seen || Number(row.version) >= Number(seen.version)) {
      latest.set(key, row);
    }
  }
  return [...latest].sort(byKey).map(([, row]) => row);
}

/**
 * Writes a batch of events idempotently in one transaction (all or
 * nothing): per table, the newest version of each record wins, a record
 * stored with a newer version is left alone, and the commit links and CI
 * outcomes the written rows imply follow in the same transaction. Yields to
 * the event loop between statements.
 *
 * Safe with any number of concurrent writers (replicas): every writer
 * locks rows in one order (tables in a fixed order, records by identity,
 * the entities' advisory locks sorted), so overlapping batches wait for
 * each other instead of deadlocking; a transaction PostgreSQL still aborts
 * for contention runs again (`retryOnContention`). Created and updated are
 * what the upsert itself did (PostgreSQL's `xmax = 0` marks an inserted
 * row), so the counts of concurrent writers add up to the records.
 */
export async function writeEvents(
  db: Knex,
  events: MaturityEvent[],
  options: { sameVersionChange?: 'replace' | 'reject' } = {},
): Promise<IngestResult> {
  const rejectSameVersionChange = options.sameVersionChange === 'reject';
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
  const tables: TableWrite[] = [];
  let duplicates = 0;
  for (const spec of Object.values(eventTables)) {
    const rows = rowsByType.get(spec.type);
    if (!rows) continue;
    const newest = newestPerRecord(spec, rows, rejectSameVersionChange);
    duplicates += rows.length - newest.length;
    tables.push({ spec, rows: newest });
  }

  const result = await retryOnContention(() =>
    db.transaction(async tx => {
      const counts: IngestResult = {
        created: 0,
        updated: 0,
        unchanged: duplicates,
      };
      const written: { changeIds: number[]; builds: WrittenBuild[] } = {
        changeIds: [],
        builds: [],
      };
      if (isPostgres(tx)) {
        // Batch statements are costed high enough to be JIT-compiled, which
        // takes longer than running them (see runBatchRead).
        await tx.raw('set local jit = off');
        await lockEntitiesForCiOutcomes(tx, [
          ...(rowsByType.get('change') ?? []),
          ...(rowsByType.get('build') ?? []),
        ]);
      }
      for (const { spec, rows } of tables) {
        for (const chunk of chunks(rows, CHUNK_SIZE)) {
          const chunkCounts = await upsertChunk(
            tx,
            spec,
            chunk,
            written,
            rejectSameVersionChange,
          );
          counts.created += chunkCounts.created;
          counts.updated += chunkCounts.updated;
          counts.unchanged += chunkCounts.unchanged;
          await yieldToEventLoop();
        }
      }
      // Once all of the batch is written: its changes and builds may refer
      // to each other.
      await refreshChangeCiOutcomes(tx, written);
      return counts;
    }),
  );
  if (result.created > 0) {
    // Statistics follow the data as it arrives, as autovacuum keeps them
    // on PostgreSQL: a no-op until a table has grown tenfold.
    await refreshPlannerStatistics(db);
  }
  return result;
}

/**
 * Upserts one chunk of a table's rows (in identity order) and tells what
 * the upsert did to each: the rows it returns are those it inserted or
 * updated, with our content; the others were left alone (stored with the
 * same or a newer version).
 */
async function upsertChunk(
  tx: Knex.Transaction,
  spec: EventTable,
  rows: EventRow[],
  written: { changeIds: number[]; builds: WrittenBuild[] },
  rejectSameVersionChange: boolean,
): Promise<IngestResult> {
  const postgres = isPostgres(tx);
  // SQLite has a single writer: what is stored before the statement is
  // what it meets. PostgreSQL says itself which rows it inserted.
  const existed = postgres
    ? undefined
    : new Set(
        (
          (await whereIdentityIn(tx(spec.table), spec, rows).select(
            spec.identity,
          )) as Array<Record<string, unknown>>
        ).map(row => identityKey(spec, row)),
      );

  // The guard is the version rule: a concurrent writer on another replica
  // can never replace a newer record with an older one.
  const updatable = Object.keys(rows[0]).filter(
    column => column !== 'ingested_at' && !spec.identity.includes(column),
  );
  const stored = new Map<string, { id: number; inserted: boolean }>();
  for (const batch of chunksOfText(rows, TEXT_PER_STATEMENT)) {
    const returned: Array<Record<string, unknown>> = await tx(spec.table)
      .insert(batch)
      .onConflict(spec.identity)
      .merge(updatable)
      .whereRaw(
        rejectSameVersionChange
          ? `${spec.table}.version < excluded.version`
          : `${spec.table}.version < excluded.version or (${spec.table}.version = excluded.version and ${spec.table}.content_hash <> excluded.content_hash)`,
      )
      .returning(
        postgres ? ['id', ...spec.identity, 'xmax'] : ['id', ...spec.identity],
      );
    for (const row of returned) {
      const key = identityKey(spec, row);
      stored.set(key, {
        id: Number(row.id),
        inserted: postgres ? Number(row.xmax) === 0 : !existed!.has(key),
      });
    }
    await yieldToEventLoop();
  }

  const counts: IngestResult = { created: 0, updated: 0, unchanged: 0 };
  for (const { inserted } of stored.values()) {
    if (inserted) counts.created += 1;
    else counts.updated += 1;
  }
  const leftAlone = rows.filter(row => !stored.has(identityKey(spec, row)));
  counts.unchanged = leftAlone.length;
  if (rejectSameVersionChange && leftAlone.length > 0) {
    await refuseSameVersionChanges(tx, spec, leftAlone);
  }
  const writes = rows.filter(row => stored.has(identityKey(spec, row)));
  if (writes.length === 0) {
    return counts;
  }

  // Commit links let the metrics join changes to deployments portably. The
  // links come from the rows just written: reading their commit lists back
  // would cost as much again.
  if (spec.type === 'deployment' || spec.type === 'change') {
    const links = spec.type === 'deployment' ? deploymentLinks : changeLinks;
    const records = writes.map(row => ({
      id: stored.get(identityKey(spec, row))!.id,
      entityRef: String(row.entity_ref),
      sha: row[links.shaColumn],
      shas: row[links.shasColumn],
    }));
    await replaceCommitLinks(tx, links, records);
    if (spec.type === 'change') {
      written.changeIds.push(...records.map(record => record.id));
    }
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

/**
 * Throws (inside the transaction: nothing of the batch is written) if a
 * record the upsert left alone is stored with the same version and other
 * content. On PostgreSQL the upsert locked those rows, so what is read here
 * is what it met.
 */
async function refuseSameVersionChanges(
  tx: Knex.Transaction,
  spec: EventTable,
  rows: EventRow[],
): Promise<void> {
  const kept: Array<Record<string, unknown>> = await whereIdentityIn(
    tx(spec.table),
    spec,
    rows,
  ).select([...spec.identity, 'version', 'content_hash']);
  const keptByKey = new Map(kept.map(row => [identityKey(spec, row), row]));
  for (const row of rows) {
    const old = keptByKey.get(identityKey(spec, row));
    if (
      old &&
      Number(old.version) === Number(row.version) &&
      old.content_hash !== row.content_hash
    ) {
      throw new ConflictError(
        `updatedAt: the ${spec.type} ${identityKey(
          spec,
          row,
        )} is stored with the same updatedAt (${new Date(
          Number(row.version),
        ).toISOString()}) and other content; send the change with a later updatedAt`,
      );
    }
  }
}
