import {
  CheckState,
  Exemption,
  MaturityLevel,
  Rollup,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { canonicalEntityRef } from '../canonicalEntityRef';
import { DAY_MS } from '../durations';
import { RubricCheckDefinitions } from './RubricCheckDefinitions';
import {
  CheckDefinition,
  fromStoredScorecard,
  StoredScorecard,
  toStoredScorecard,
} from './storedScorecard';
import {
  fromStoredMetrics,
  StoredEntityMetrics,
  toStoredMetrics,
} from './storedMetrics';
import { whereCheckState } from './whereCheckState';
import {
  EvaluationRecord,
  HistoryPoint,
  ListScorecardsOptions,
  ScorecardStore,
  ScorecardSummary,
} from './ScorecardStore';
import { chunks } from './chunks';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 200;

const utcDay = (date: Date) => Math.floor(date.getTime() / DAY_MS);

const levelColumns = {
  culture: 'level_culture',
  design: 'level_design',
  'build-deploy': 'level_build_deploy',
  test: 'level_test',
  information: 'level_information',
} as const;

/** Everything of a scorecard row but its document, for lists and rollups. */
const SUMMARY_COLUMNS = [
  'entity_ref',
  'kind',
  'type',
  'lifecycle',
  'owner_ref',
  'system_ref',
  'domain_ref',
  'title',
  'overall_level',
  ...Object.values(levelColumns),
  'delivery_band',
  'imbalanced',
  'mlops_level',
  'rubric_version',
  'evaluated_at',
  'check_states',
];

const orderColumns: Record<ListScorecardsOptions['orderBy'], string> = {
  entityRef: 'entity_ref',
  overallLevel: 'overall_level',
  evaluatedAt: 'evaluated_at',
};

/** The `check_states` column: each check's state by id, as JSON. */
function checkStatesOf(scorecard: Scorecard): string {
  const states: Record<string, CheckState> = {};
  for (const check of scorecard.checks) states[check.checkId] = check.state;
  return JSON.stringify(states);
}

function levelsOf(
  scorecard: Scorecard,
): Record<(typeof levelColumns)[keyof typeof levelColumns], number> {
  const row = {} as Record<
    (typeof levelColumns)[keyof typeof levelColumns],
    number
  >;
  for (const [category, column] of Object.entries(levelColumns)) {
    row[column] =
      scorecard.categories.find(c => c.category === category)?.level ?? 0;
  }
  return row;
}

function categoryLevelsOf(row: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(levelColumns).map(([category, column]) => [
      category,
      Number(row[column]),
    ]),
  ) as ScorecardSummary['categoryLevels'];
}

function toSummary(row: Record<string, any>): ScorecardSummary {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    type: row.type ?? undefined,
    lifecycle: row.lifecycle ?? undefined,
    ownerRef: row.owner_ref ?? undefined,
    systemRef: row.system_ref ?? undefined,
    domainRef: row.domain_ref ?? undefined,
    title: row.title ?? undefined,
    overallLevel: Number(row.overall_level) as MaturityLevel,
    categoryLevels: categoryLevelsOf(row),
    deliveryBand: row.delivery_band ?? null,
    imbalanced: Boolean(row.imbalanced),
    mlopsLevel: row.mlops_level === null ? null : Number(row.mlops_level),
    rubricVersion: row.rubric_version,
    evaluatedAt: new Date(Number(row.evaluated_at)).toISOString(),
    checkStates: JSON.parse(row.check_states),
  };
}

function toHistoryPoint(row: Record<string, any>): HistoryPoint {
  return {
    day: new Date(Number(row.day) * DAY_MS).toISOString().slice(0, 10),
    overallLevel: Number(row.overall_level) as MaturityLevel,
    categoryLevels: categoryLevelsOf(row),
    deliveryBand: row.delivery_band ?? null,
    rubricVersion: row.rubric_version,
    checkStates: JSON.parse(row.check_states),
  };
}

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
 * Evaluation results on the plugin's own database.
 * @internal
 */
export class DatabaseScorecardStore implements ScorecardStore {
  private readonly checkDefinitions: RubricCheckDefinitions;

  constructor(private readonly db: Knex) {
    this.checkDefinitions = new RubricCheckDefinitions(db);
  }

  async saveEvaluations(records: EvaluationRecord[], now: Date) {
    const evaluatedAt = now.getTime();
    const day = utcDay(now);
    // Check definitions once per rubric version and check, not per record.
    const definitions = new Map<string, Map<string, CheckDefinition>>();
    const rows = records.map(record => {
      const { rubricVersion } = record.scorecard;
      let version = definitions.get(rubricVersion);
      if (!version) {
        version = new Map();
        definitions.set(rubricVersion, version);
      }
      const known = version;
      const stored = toStoredScorecard(record.scorecard, id => known.has(id));
      for (const [checkId, definition] of stored.definitions) {
        version.set(checkId, definition);
      }
      return {
        ...record,
        stored,
        checkStates: checkStatesOf(record.scorecard),
      };
    });
    const written = await this.db.transaction(async tx => {
      const fresh = new Map<string, Map<string, CheckDefinition>>();
      for (const [version, checks] of definitions) {
        fresh.set(
          version,
          await this.checkDefinitions.write(tx, version, checks),
        );
      }
      for (const batch of chunks(rows, CHUNK_SIZE)) {
        const scorecards = batch.map(
          ({ subject, scorecard, stored, checkStates }) => ({
            entity_ref: subject.entityRef,
            kind: subject.kind,
            type: subject.type ?? null,
            lifecycle: subject.lifecycle ?? null,
            owner_ref: subject.ownerRef ?? null,
            system_ref: subject.systemRef ?? null,
            domain_ref: subject.domainRef ?? null,
            title: subject.title ?? null,
            overall_level: scorecard.overallLevel,
            ...levelsOf(scorecard),
            delivery_band: scorecard.delivery.overallBand,
            imbalanced: scorecard.imbalanced,
            mlops_level: scorecard.mlops?.level ?? null,
            rubric_version: scorecard.rubricVersion,
            evaluated_at: evaluatedAt,
            document: JSON.stringify(stored.document),
            check_states: checkStates,
          }),
        );
        await tx('scorecards')
          .insert(scorecards)
          .onConflict('entity_ref')
          .merge();

        await tx('entity_metrics')
          .insert(
            batch.map(({ subject, metrics }) => ({
              entity_ref: subject.entityRef,
              window_from: Date.parse(metrics.from),
              window_to: Date.parse(metrics.to),
              evaluated_at: evaluatedAt,
              document: JSON.stringify(toStoredMetrics(metrics)),
            })),
          )
          .onConflict('entity_ref')
          .merge();

        // The day's snapshot is the day's latest evaluation.
        await this.upsertHistory(tx, batch, day);
      }
      return fresh;
    });
    for (const [version, checks] of written) {
      this.checkDefinitions.remember(version, checks);
    }
  }

  async saveHistory(records: EvaluationRecord[], day: Date) {
    await this.db.transaction(async tx => {
      for (const batch of chunks(records, CHUNK_SIZE)) {
        await this.upsertHistory(
          tx,
          batch.map(record => ({
            ...record,
            checkStates: checkStatesOf(record.scorecard),
          })),
          utcDay(day),
        );
      }
    });
  }

  async hasHistoryBefore(day: Date) {
    const row = await this.db('scorecard_history')
      .where('day', '<', utcDay(day))
      .first('day');
    return Boolean(row);
  }

  private async upsertHistory(
    tx: Knex.Transaction,
    records: Array<EvaluationRecord & { checkStates: string }>,
    day: number,
  ) {
    await tx('scorecard_history')
      .insert(
        records.map(({ subject, scorecard, checkStates }) => ({
          entity_ref: subject.entityRef,
          day,
          overall_level: scorecard.overallLevel,
          ...levelsOf(scorecard),
          delivery_band: scorecard.delivery.overallBand,
          rubric_version: scorecard.rubricVersion,
          check_states: checkStates,
        })),
      )
      .onConflict(['entity_ref', 'day'])
      .merge();
  }

  async deleteEvaluatedBefore(before: Date): Promise<number> {
    const stale = this.db('scorecards')
      .where('evaluated_at', '<', before.getTime())
      .select('entity_ref');
    return this.db.transaction(async tx => {
      await tx('entity_metrics').whereIn('entity_ref', stale.clone()).delete();
      await tx('evaluation_queue')
        .whereIn('entity_ref', stale.clone())
        .delete();
      return Number(
        await tx('scorecards')
          .where('evaluated_at', '<', before.getTime())
          .delete(),
      );
    });
  }

  async getScorecard(entityRef: string) {
    const row = await this.db('scorecards')
      .where('entity_ref', entityRef)
      .first('document');
    if (!row) return undefined;
    const document = JSON.parse(row.document) as StoredScorecard;
    const definitions = await this.checkDefinitions.lookup(
      document.rubricVersion,
      document.checks,
    );
    return fromStoredScorecard(document, id => definitions.get(id));
  }

  async getMetrics(entityRef: string) {
    const row = await this.db('entity_metrics')
      .where('entity_ref', entityRef)
      .first('document');
    return row
      ? fromStoredMetrics(JSON.parse(row.document) as StoredEntityMetrics)
      : undefined;
  }

  async listScorecards(options: ListScorecardsOptions) {
    const query = this.db('scorecards');
    if (options.ownerRefs?.length) {
      query.whereIn('owner_ref', options.ownerRefs);
    }
    if (options.systemRef) query.where('system_ref', options.systemRef);
    if (options.domainRef) query.where('domain_ref', options.domainRef);
    if (options.kind) query.where('kind', options.kind);
    if (options.lifecycle) query.where('lifecycle', options.lifecycle);
    if (options.minLevel !== undefined) {
      query.where('overall_level', '>=', options.minLevel);
    }
    if (options.maxLevel !== undefined) {
      query.where('overall_level', '<=', options.maxLevel);
    }
    if (options.search) {
      // Spelled as refs are stored, to match them.
      const pattern = `%${canonicalEntityRef(options.search).replace(
        /[\\%_]/g,
        c => `\\${c}`,
      )}%`;
      query.where(inner =>
        inner
          .whereRaw("entity_ref like ? escape '\\'", [pattern])
          .orWhereRaw("lower(title) like ? escape '\\'", [pattern]),
      );
    }
    if (options.failingCheck) {
      whereCheckState(this.db, query, options.failingCheck, 'fail');
    }
    if (options.deliveryBand === 'unknown') {
      query.whereNull('delivery_band');
    } else if (options.deliveryBand) {
      query.where('delivery_band', options.deliveryBand);
    }
    const [{ n }] = await query.clone().count({ n: '*' });
    const rows = await query
      .orderBy([
        { column: orderColumns[options.orderBy], order: options.order },
        { column: 'entity_ref', order: 'asc' },
      ])
      .limit(options.limit)
      .offset(options.offset)
      .select(SUMMARY_COLUMNS);
    return { items: rows.map(toSummary), totalCount: Number(n) };
  }

  async listAllSummaries() {
    const rows = await this.db('scorecards').select(SUMMARY_COLUMNS);
    return rows.map(toSummary);
  }

  async getHistory(entityRef: string, from: Date, to: Date) {
    const rows = await this.db('scorecard_history')
      .where('entity_ref', entityRef)
      .where('day', '>=', utcDay(from))
      .where('day', '<=', utcDay(to))
      .orderBy('day', 'asc')
      .select();
    return rows.map(toHistoryPoint);
  }

  async getHistoryAsOf(entityRef: string, day: Date) {
    // The primary key (entity_ref, day) answers this with one index probe.
    const row = await this.db('scorecard_history')
      .where('entity_ref', entityRef)
      .where('day', '<=', utcDay(day))
      .orderBy('day', 'desc')
      .first();
    return row ? toHistoryPoint(row) : undefined;
  }

  async getHistoryStarts(entityRefs: string[]) {
    const starts = new Map<string, Date>();
    for (const batch of chunks(entityRefs, 1000)) {
      const rows: Array<{ entity_ref: string; first: unknown }> = await this.db(
        'scorecard_history',
      )
        .whereIn('entity_ref', batch)
        .groupBy('entity_ref')
        .select('entity_ref', this.db.raw('min(day) as first'));
      for (const row of rows) {
        starts.set(row.entity_ref, new Date(Number(row.first) * DAY_MS));
      }
    }
    return starts;
  }

  async getLevelsAsOf(day: Date) {
    // Each entity's latest point on or before the day: history may be sparse
    // (a backfill interval, days the backend was down).
    const latest = this.db('scorecard_history as latest')
      .whereRaw('latest.entity_ref = h.entity_ref')
      .where('latest.day', '<=', utcDay(day))
      .max('latest.day');
    const rows = await this.db('scorecard_history as h')
      .where('h.day', '=', latest)
      .select('h.entity_ref', 'h.overall_level');
    return new Map(
      rows.map(row => [
        row.entity_ref as string,
        Number(row.overall_level) as MaturityLevel,
      ]),
    );
  }

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

  async enqueueEvaluation(entityRefs: string[], at: Date) {
    const unique = [...new Set(entityRefs)];
    for (const batch of chunks(unique, CHUNK_SIZE)) {
      await this.db('evaluation_queue')
        .insert(
          batch.map(entity_ref => ({ entity_ref, requested_at: at.getTime() })),
        )
        .onConflict('entity_ref')
        .merge();
    }
  }

  async takeQueuedEvaluations(limit: number) {
    return this.db.transaction(async tx => {
      const rows = await tx('evaluation_queue')
        .orderBy('requested_at', 'asc')
        .limit(limit)
        .select('entity_ref', 'requested_at');
      for (const batch of chunks(rows, CHUNK_SIZE)) {
        // Only what was read: a request that arrived meanwhile stays queued.
        await tx('evaluation_queue')
          .where(inner => {
            for (const row of batch) {
              inner.orWhere(both =>
                both
                  .where('entity_ref', row.entity_ref)
                  .where('requested_at', '<=', row.requested_at),
              );
            }
          })
          .delete();
      }
      return rows.map(row => row.entity_ref as string);
    });
  }
}
