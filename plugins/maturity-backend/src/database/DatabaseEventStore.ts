import { ConflictError, InputError } from '@backstage/errors';
import {
  EntityActivitySummary,
  IngestResult,
  MATURITY_EVENT_TYPES,
  MaturityEvent,
  MaturityEventPage,
  MaturityEventType,
  RepoFactValue,
  StoredMaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { EventStore, ListEventsOptions } from './EventStore';
import { EventRow, fromEventRow, toEventRow } from './eventRows';
import { EventTable, eventTables } from './eventTables';
import { isPostgres } from './isPostgres';
import { runBatchRead } from './runBatchRead';
import {
  lockEntitiesForCiOutcomes,
  refreshChangeCiOutcomes,
  WrittenBuild,
} from './operations/ciOutcomes/refreshChangeCiOutcomes';
import { whereIdentityIn } from './whereIdentityIn';
import {
  changeLinks,
  deploymentLinks,
  replaceCommitLinks,
  syncCommitLinks,
} from './operations/commitLinks/syncCommitLinks';
import { yieldToEventLoop } from './yieldToEventLoop';
import { chunks } from './chunks';
import {
  readEventsById,
  ReadEventsByIdOptions,
} from './operations/events/readEventsById';

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

/** Position of the last item of a page, in (occurred_at desc, type, id desc). */
interface PageCursor {
  occurredAt: number;
  type: MaturityEventType;
  id: number;
}

function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(value: string): PageCursor {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString());
    if (
      Number.isFinite(parsed.occurredAt) &&
      MATURITY_EVENT_TYPES.includes(parsed.type) &&
      Number.isInteger(parsed.id)
    ) {
      return parsed;
    }
  } catch {
    // fall through to the error below
  }
  throw new InputError('cursor: not a cursor returned by this API');
}

const identityKey = (spec: EventTable, row: Record<string, unknown>) =>
  JSON.stringify(spec.identity.map(column => row[column]));

/**
 * The event store on the plugin's own database (SQLite or PostgreSQL).
 * @public
 */
export class DatabaseEventStore implements EventStore {
  constructor(private readonly db: Knex) {}

  async ingest(
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
    await this.db.transaction(async tx => {
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
          const counts = await this.upsertChunk(
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
      await this.refreshPlannerStatistics();
    }
    return result;
  }

  private async upsertChunk(
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
        const fromMemory = new Set(
          asWritten.map(row => identityKey(spec, row)),
        );
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

  async readEventsById(
    options: ReadEventsByIdOptions,
  ): Promise<StoredMaturityEvent[]> {
    return readEventsById(this.db, options);
  }

  async listEvents(options: ListEventsOptions): Promise<MaturityEventPage> {
    const types = options.types?.length
      ? [...new Set(options.types)].sort()
      : [...MATURITY_EVENT_TYPES].sort();
    const cursor = options.cursor ? decodeCursor(options.cursor) : undefined;

    // Each table returns at most limit + 1 rows past the cursor; merging them
    // in the global order gives the page and tells whether another follows.
    const perType = await Promise.all(
      types.map(async type => {
        const spec = eventTables[type];
        const query = this.db(spec.table)
          .where('entity_ref', options.entityRef)
          .orderBy([
            { column: 'occurred_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .limit(options.limit + 1);
        if (options.from) {
          query.where('occurred_at', '>=', options.from.getTime());
        }
        if (options.to) {
          query.where('occurred_at', '<', options.to.getTime());
        }
        if (cursor) {
          if (type > cursor.type) {
            query.where('occurred_at', '<=', cursor.occurredAt);
          } else if (type < cursor.type) {
            query.where('occurred_at', '<', cursor.occurredAt);
          } else {
            query.where(inner =>
              inner
                .where('occurred_at', '<', cursor.occurredAt)
                .orWhere(same =>
                  same
                    .where('occurred_at', '=', cursor.occurredAt)
                    .where('id', '<', cursor.id),
                ),
            );
          }
        }
        const rows = await query.select('*');
        return rows.map(row => ({ type, row }));
      }),
    );

    const merged = perType.flat().sort((a, b) => {
      const timeOrder = Number(b.row.occurred_at) - Number(a.row.occurred_at);
      if (timeOrder !== 0) return timeOrder;
      if (a.type !== b.type) return a.type < b.type ? -1 : 1;
      return Number(b.row.id) - Number(a.row.id);
    });
    const page = merged.slice(0, options.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ type, row }) => fromEventRow(type, row)),
      nextCursor:
        merged.length > options.limit && last
          ? encodeCursor({
              occurredAt: Number(last.row.occurred_at),
              type: last.type,
              id: Number(last.row.id),
            })
          : undefined,
    };
  }

  async summarizeActivity(options: {
    entityRef: string;
    from: Date;
    to: Date;
  }): Promise<EntityActivitySummary> {
    const from = options.from.getTime();
    const to = options.to.getTime();
    const [first, ...rest] = MATURITY_EVENT_TYPES.map(type =>
      this.db(eventTables[type].table)
        .where('entity_ref', options.entityRef)
        .where('occurred_at', '>=', from)
        .where('occurred_at', '<', to)
        .select(
          this.db.raw('? as type', [type]),
          this.db.raw('count(*) as n'),
          this.db.raw('max(occurred_at) as latest'),
        ),
    );
    const rows: Array<{
      type: MaturityEventType;
      n: unknown;
      latest: unknown;
    }> = await first.unionAll(rest);

    const summary: EntityActivitySummary = {
      entityRef: options.entityRef,
      from: options.from.toISOString(),
      to: options.to.toISOString(),
      counts: Object.fromEntries(
        MATURITY_EVENT_TYPES.map(type => [type, 0]),
      ) as EntityActivitySummary['counts'],
      latest: {},
    };
    for (const row of rows) {
      summary.counts[row.type] = Number(row.n);
      if (row.latest !== null && row.latest !== undefined) {
        summary.latest[row.type] = new Date(Number(row.latest)).toISOString();
      }
    }
    return summary;
  }

  async getLatestRepoFacts(entityRefs: string[]) {
    const facts = new Map<string, Record<string, RepoFactValue>>();
    const observed = new Map<string, number>();
    for (const batch of chunks(entityRefs, CHUNK_SIZE)) {
      const rows = await runBatchRead(this.db, tx =>
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

  async refreshPlannerStatistics() {
    if (!isPostgres(this.db)) {
      // Without statistics SQLite's planner can start a metrics join from
      // the wrong table and take minutes. `optimize` runs a sampled ANALYZE
      // only on tables never analyzed or grown or shrunk tenfold since, as
      // SQLite recommends (PostgreSQL's autovacuum analyzes on its own).
      await this.db.raw('pragma analysis_limit = 1000');
      await this.db.raw('pragma optimize = 0x10002');
    }
  }

  async getSyncCursor(
    source: string,
    scope: string,
  ): Promise<string | undefined> {
    const row = await this.db('sync_cursors')
      .where({ source, scope })
      .first('cursor');
    return row?.cursor;
  }

  async setSyncCursor(
    source: string,
    scope: string,
    cursor: string,
  ): Promise<void> {
    await this.db('sync_cursors')
      .insert({ source, scope, cursor, updated_at: Date.now() })
      .onConflict(['source', 'scope'])
      .merge(['cursor', 'updated_at']);
  }
}
