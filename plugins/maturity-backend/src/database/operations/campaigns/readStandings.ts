import {
  CategoryId,
  EntityFilter,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { toDayNumber } from '../../campaignColumns';
import { CampaignStanding } from '../../CampaignStore';
import {
  levelWithoutWaiversColumns,
  OVERALL_LEVEL_WITHOUT_WAIVERS,
} from '../../levelsWithoutWaiversColumns';
import { categoryLevelsOf, levelColumns } from '../../scorecardColumns';
import { whereEntityFilter } from '../scorecards/whereEntityFilter';

/** Entities per statement. */
const BATCH_SIZE = 1000;

/**
 * The standing columns, named alike in `scorecards` and
 * `scorecard_history`: read from the latest scorecard for today, from the
 * history point in force for a past day.
 */
const STANDING_COLUMNS = [
  'overall_level',
  ...Object.values(levelColumns),
  'mlops_level',
  'check_states',
  OVERALL_LEVEL_WITHOUT_WAIVERS,
  ...Object.values(levelWithoutWaiversColumns),
  'waived_check_states',
];

function toStanding(row: Record<string, any>): CampaignStanding {
  const standing: CampaignStanding = {
    entityRef: row.entity_ref,
    overallLevel: Number(row.overall_level),
    categoryLevels: categoryLevelsOf(row),
    mlopsLevel: row.mlops_level === null ? null : Number(row.mlops_level),
    checkStates: JSON.parse(row.check_states),
    waivedCheckStates: JSON.parse(row.waived_check_states ?? '{}'),
  };
  if (row.title !== null) standing.title = row.title;
  if (row.owner_ref !== null) standing.ownerRef = row.owner_ref;
  const overallWithout = row[OVERALL_LEVEL_WITHOUT_WAIVERS];
  if (overallWithout !== null && overallWithout !== undefined) {
    standing.levelsWithoutWaivers = {
      overall: Number(overallWithout),
      categories: Object.fromEntries(
        Object.entries(levelWithoutWaiversColumns).map(([category, column]) => [
          category,
          Number(row[column]),
        ]),
      ) as Record<CategoryId, number>,
    };
  }
  return standing;
}

/**
 * The entities `filter` covers with their standing on `day`, in batches
 * by entity ref (keyset: one statement per batch, whatever the number of
 * entities). The scope is decided on the scorecards as they are now (an
 * entity's owner, system and tags today); its standing is the latest
 * scorecard when `today`, else its history point in force on `day` (the
 * latest on or before it, found through the history's primary key), and
 * an entity without one is left out. `ownerGroups`: the filter's owners
 * with their sub-groups, resolved by the caller.
 */
export async function* readStandings(
  db: Knex,
  filter: EntityFilter,
  day: string,
  options: { today: boolean; ownerGroups?: string[] },
  batchSize: number = BATCH_SIZE,
): AsyncIterable<CampaignStanding[]> {
  let after: string | undefined;
  for (;;) {
    const batch = db('scorecards as s');
    whereEntityFilter(batch, filter, {
      ownerRefs: options.ownerGroups,
      table: 's',
    });
    if (after !== undefined) batch.where('s.entity_ref', '>', after);
    batch.orderBy('s.entity_ref', 'asc').limit(batchSize);
    const rows: Array<Record<string, any>> = options.today
      ? await batch.select(
          's.entity_ref',
          's.title',
          's.owner_ref',
          ...STANDING_COLUMNS.map(column => `s.${column}`),
        )
      : await readPointsInForce(db, batch, toDayNumber(day));
    // Entities without a point that day are left out, yet count in the
    // batch: the keyset moves past them.
    const standings = rows
      .filter(row => row.overall_level !== null)
      .map(toStanding);
    if (standings.length > 0) yield standings;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].entity_ref;
  }
}

/**
 * The batch's entities with the columns of their history point in force
 * on `day`, null for those without one. The day in force is found per
 * entity of the batch (a backward probe of the history's primary key),
 * then its point by the key: never a scan of an entity's whole history.
 * Computed in the limited batch, the probes are bounded by the batch size
 * whatever plan the engine picks for the join.
 */
function readPointsInForce(db: Knex, batch: Knex.QueryBuilder, day: number) {
  const inForce = db('scorecard_history as p')
    .max('p.day')
    .whereRaw('p.entity_ref = s.entity_ref')
    .where('p.day', '<=', day);
  return db
    .from(
      batch
        .select(
          's.entity_ref',
          's.title',
          's.owner_ref',
          inForce.as('in_force'),
        )
        .as('b'),
    )
    .leftJoin('scorecard_history as h', join =>
      join
        .on('h.entity_ref', '=', 'b.entity_ref')
        .andOn('h.day', '=', 'b.in_force'),
    )
    .orderBy('b.entity_ref', 'asc')
    .select(
      'b.entity_ref',
      'b.title',
      'b.owner_ref',
      ...STANDING_COLUMNS.map(column => `h.${column}`),
    );
}
