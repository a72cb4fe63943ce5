import { Knex } from 'knex';
import { chunks } from '../../chunks';
import { toDayNumber } from '../../campaignColumns';
import { CampaignDayFigures, CampaignEntityResult } from '../../CampaignStore';
import { isPostgres } from '../../isPostgres';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 500;

/**
 * Stores a campaign's figures of one day (none for a campaign not begun),
 * replacing that day's, and when `entities` is given replaces its in-scope
 * entities with them, in one transaction: readers see the old day and
 * entities or the new ones. Nothing is written, and false returned, when
 * the campaign is gone, finished, or (with `expectedUpdatedAt`) changed
 * since its figures were computed. The campaign's row is locked first on
 * PostgreSQL, so a change, a deletion or another run's write of the same
 * campaign waits for this one (SQLite has one writer at a time anyway).
 * `groupTreeKnown` false marks a day computed before the group tree was
 * known, to be computed again once it is.
 */
export async function writeCampaignDay(
  db: Knex,
  campaignId: string,
  figures: CampaignDayFigures | undefined,
  entities: CampaignEntityResult[] | undefined,
  now: Date,
  expectedUpdatedAt?: Date,
  groupTreeKnown: boolean = true,
): Promise<boolean> {
  return db.transaction(async tx => {
    let query = tx('campaigns')
      .where('id', campaignId)
      .whereNull('finished_at')
      .first('updated_at');
    if (isPostgres(db)) query = query.forUpdate();
    const campaign = await query;
    if (
      !campaign ||
      (expectedUpdatedAt &&
        Number(campaign.updated_at) !== expectedUpdatedAt.getTime())
    ) {
      return false;
    }
    if (figures) {
      await tx('campaign_days')
        .insert({
          campaign_id: campaignId,
          day: toDayNumber(figures.day),
          in_scope: figures.inScope,
          meeting: figures.meeting,
          teams: JSON.stringify(figures.teams),
          computed_at: now.getTime(),
          group_tree_known: groupTreeKnown,
        })
        .onConflict(['campaign_id', 'day'])
        .merge();
    }
    if (!entities) return true;
    await tx('campaign_entities').where('campaign_id', campaignId).delete();
    for (const batch of chunks(entities, CHUNK_SIZE)) {
      await tx('campaign_entities').insert(
        batch.map(entity => ({
          campaign_id: campaignId,
          entity_ref: entity.entityRef,
          owner_ref: entity.ownerRef ?? null,
          title: entity.title ?? null,
          meets_goal: entity.meetsGoal,
          shortfall: entity.shortfall ? JSON.stringify(entity.shortfall) : null,
        })),
      );
    }
    return true;
  });
}
