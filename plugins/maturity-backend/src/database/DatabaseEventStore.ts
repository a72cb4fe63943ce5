import {
  EntityActivitySummary,
  IngestResult,
  MaturityEvent,
  MaturityEventPage,
  RepoFactValue,
  StoredMaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { EventStore, ListEventsOptions } from './EventStore';
import { listEventsPage } from './operations/events/listEventsPage';
import {
  readEventsById,
  ReadEventsByIdOptions,
} from './operations/events/readEventsById';
import { readLatestRepoFacts } from './operations/events/readLatestRepoFacts';
import { refreshPlannerStatistics } from './operations/events/refreshPlannerStatistics';
import { summarizeActivity } from './operations/events/summarizeActivity';
import { writeEvents } from './operations/events/writeEvents';
import {
  readSyncCursor,
  writeSyncCursor,
} from './operations/syncCursors/syncCursors';

/**
 * The event store on the plugin's own database (SQLite or PostgreSQL):
 * each method one operation of database/operations.
 * @public
 */
export class DatabaseEventStore implements EventStore {
  constructor(private readonly db: Knex) {}

  ingest(
    events: MaturityEvent[],
    options: { sameVersionChange?: 'replace' | 'reject' } = {},
  ): Promise<IngestResult> {
    return writeEvents(this.db, events, options);
  }

  readEventsById(
    options: ReadEventsByIdOptions,
  ): Promise<StoredMaturityEvent[]> {
    return readEventsById(this.db, options);
  }

  listEvents(options: ListEventsOptions): Promise<MaturityEventPage> {
    return listEventsPage(this.db, options);
  }

  summarizeActivity(options: {
    entityRef: string;
    from: Date;
    to: Date;
  }): Promise<EntityActivitySummary> {
    return summarizeActivity(this.db, options);
  }

  getLatestRepoFacts(
    entityRefs: string[],
  ): Promise<Map<string, Record<string, RepoFactValue>>> {
    return readLatestRepoFacts(this.db, entityRefs);
  }

  refreshPlannerStatistics(): Promise<void> {
    return refreshPlannerStatistics(this.db);
  }

  getSyncCursor(source: string, scope: string): Promise<string | undefined> {
    return readSyncCursor(this.db, source, scope);
  }

  setSyncCursor(source: string, scope: string, cursor: string): Promise<void> {
    return writeSyncCursor(this.db, source, scope, cursor);
  }
}
