import { Knex } from 'knex';
import { chunks } from '../../chunks';
import { toDayNumber } from '../../campaignColumns';
import { CampaignDayFigures, CampaignEntityResult } from '../../CampaignStore';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 500;

/**
 * Stores a campaign's figures of one day, replacing that day's, and when
 * `entities` is given replaces its in-scope entities with them, in one
 * transaction: readers see the old day and entities or the new ones.
 */
export async function writeCampaignDay(
  db: Knex,
  campaignId: string,
  figures: CampaignDayFigures,
  entities: CampaignEntityResult[] | undefined,
  now: Date,
): Promise<void> {
  await db.transaction(async tx => {
    await tx('campaign_days')
      .insert({
        campaign_id: campaignId,
        day: toDayNumber(figures.day),
        in_scope: figures.inScope,
        meeting: figures.meeting,
        teams: JSON.stringify(figures.teams),
        computed_at: now.getTime(),
      })
      .onConflict(['campaign_id', 'day'])
      .merge();
    if (!entities) return;
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
  });
}
