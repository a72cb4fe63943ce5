import { Knex } from 'knex';
import { CampaignChangeOutcome } from '../../CampaignStore';

/**
 * Why a change that touched no campaign row did not happen: the campaign
 * is gone, or finished (read-only).
 */
export async function whyUnchanged(
  tx: Knex | Knex.Transaction,
  id: string,
): Promise<Exclude<CampaignChangeOutcome, 'done'>> {
  const row = await tx('campaigns').where('id', id).first('id');
  return row ? 'finished' : 'missing';
}
