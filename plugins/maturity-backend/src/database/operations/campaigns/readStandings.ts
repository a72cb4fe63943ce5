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
  const source = options.today ? 's' : 'h';
  const columns = [
    's.entity_ref',
    's.title',
    's.owner_ref',
    ...STANDING_COLUMNS.map(column => `${source}.${column}`),
  ];
  let after: string | undefined;
  for (;;) {
    const query = db('scorecards as s');
    if (!options.today) {
      query.join('scorecard_history as h', join =>
        join
          .on('h.entity_ref', '=', 's.entity_ref')
          .andOn(
            db.raw(
              'h.day = (select max(p.day) from scorecard_history p where p.entity_ref = s.entity_ref and p.day <= ?)',
              [toDayNumber(day)],
            ),
          ),
      );
    }
    whereEntityFilter(query, filter, {
      ownerRefs: options.ownerGroups,
      table: 's',
    });
    if (after !== undefined) query.where('s.entity_ref', '>', after);
    const rows = await query
      .orderBy('s.entity_ref', 'asc')
      .limit(batchSize)
      .select(columns);
    if (rows.length > 0) {
      yield rows.map(toStanding);
      after = rows[rows.length - 1].entity_ref;
    }
    if (rows.length < batchSize) return;
  }
}
