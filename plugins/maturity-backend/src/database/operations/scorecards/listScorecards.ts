import { MaturityLevel } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { categoryLevelsOf, levelColumns } from '../../scorecardColumns';
import { ListScorecardsOptions, ScorecardSummary } from '../../ScorecardStore';
import { whereCheckState } from '../../whereCheckState';
import { whereWaived } from '../../whereWaived';
import { whereEntityFilter } from './whereEntityFilter';
import {
  levelWithoutWaiversColumns,
  OVERALL_LEVEL_WITHOUT_WAIVERS,
  summaryWithoutWaiversOf,
} from '../../levelsWithoutWaiversColumns';
import { canonicalEntityRef } from '@maturity-for-backstage/backstage-plugin-maturity-node';

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
  OVERALL_LEVEL_WITHOUT_WAIVERS,
  ...Object.values(levelWithoutWaiversColumns),
  'waived_check_states',
];

const orderColumns: Record<ListScorecardsOptions['orderBy'], string> = {
  entityRef: 'entity_ref',
  overallLevel: 'overall_level',
  evaluatedAt: 'evaluated_at',
  mlopsLevel: 'mlops_level',
};

const listOf = (value: string | undefined) =>
  value === undefined || value === '' ? undefined : [value];

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
    ...summaryWithoutWaiversOf(row),
  };
}

/**
 * One page of scorecard summaries matching the filters, in the requested
 * order (entity ref breaking ties), with the count of all that match.
 */
export async function listScorecards(
  db: Knex,
  options: ListScorecardsOptions,
): Promise<{ items: ScorecardSummary[]; totalCount: number }> {
  const query = db('scorecards');
  // The overall level the level bounds and order read.
  const levelColumn =
    options.levels === 'withoutWaivers'
      ? OVERALL_LEVEL_WITHOUT_WAIVERS
      : 'overall_level';
  whereEntityFilter(
    query,
    {
      systems: listOf(options.systemRef),
      domains: listOf(options.domainRef),
      kinds: listOf(options.kind),
      lifecycles: listOf(options.lifecycle),
      types: listOf(options.type),
      tags: listOf(options.tag),
    },
    { ownerRefs: options.ownerRefs },
  );
  if (options.minLevel !== undefined) {
    query.where(levelColumn, '>=', options.minLevel);
  }
  if (options.maxLevel !== undefined) {
    query.where(levelColumn, '<=', options.maxLevel);
  }
  // A comparison is never true for null: either bound keeps ML entities only.
  if (options.minMlopsLevel !== undefined) {
    query.where('mlops_level', '>=', options.minMlopsLevel);
  }
  if (options.maxMlopsLevel !== undefined) {
    query.where('mlops_level', '<=', options.maxMlopsLevel);
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
    whereCheckState(db, query, options.failingCheck, 'fail');
  }
  if (options.waivedCheck) {
    whereWaived(db, query, options.waivedCheck);
  }
  if (options.deliveryBand === 'unknown') {
    query.whereNull('delivery_band');
  } else if (options.deliveryBand) {
    query.where('delivery_band', options.deliveryBand);
  }
  const [{ n }] = await query.clone().count({ n: '*' });
  if (options.orderBy === 'mlopsLevel') {
    // Entities without an MLOps level last in either order, on both
    // engines (PostgreSQL puts nulls first when descending, SQLite when
    // ascending; knex's `nulls` option loses the column on SQLite).
    query.orderByRaw('(?? is null)', ['mlops_level']);
  }
  const orderColumn =
    options.orderBy === 'overallLevel'
      ? levelColumn
      : orderColumns[options.orderBy];
  if (orderColumn === OVERALL_LEVEL_WITHOUT_WAIVERS) {
    // Entities evaluated before their levels without waivers were kept
    // last, as above.
    query.orderByRaw('(?? is null)', [OVERALL_LEVEL_WITHOUT_WAIVERS]);
  }
  const rows = await query
    .orderBy([
      { column: orderColumn, order: options.order },
      { column: 'entity_ref', order: 'asc' },
    ])
    .limit(options.limit)
    .offset(options.offset)
    .select(SUMMARY_COLUMNS);
  return { items: rows.map(toSummary), totalCount: Number(n) };
}

/** Every scorecard's summary, for the rollups. */
export async function listAllSummaries(db: Knex): Promise<ScorecardSummary[]> {
  const rows = await db('scorecards').select(SUMMARY_COLUMNS);
  return rows.map(toSummary);
}
