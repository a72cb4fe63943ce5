import { MaturityLevel } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { canonicalEntityRef } from '../canonicalEntityRef';
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
  ListScorecardsOptions,
  ScorecardResultStore,
  ScorecardSummary,
} from './ScorecardStore';
import {
  categoryLevelsOf,
  checkStatesOf,
  levelColumns,
  levelsOf,
  utcDay,
} from './scorecardColumns';
import { upsertHistory } from './operations/history/upsertHistory';
import { chunks } from './chunks';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 200;

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

/**
 * The latest scorecards and metrics on the plugin's own database.
 * @internal
 */
export class DatabaseScorecardStore implements ScorecardResultStore {
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
        await upsertHistory(tx, batch, day);
      }
      return fresh;
    });
    for (const [version, checks] of written) {
      this.checkDefinitions.remember(version, checks);
    }
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
}
