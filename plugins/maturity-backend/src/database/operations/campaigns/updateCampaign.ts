import { CampaignInput } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { DAY_MS } from '../../../durations';
import { campaignInputColumns, toDayNumber } from '../../campaignColumns';
import { CampaignChangeOutcome } from '../../CampaignStore';
import { whyUnchanged } from './campaignChangeOutcome';

/**
 * The day (days since the epoch) a notice falls due under the campaign's
 * input: `start` on its first day, `reminder-<N>` N days before its
 * deadline; undefined for a notice it does not know.
 */
function dueDay(
  notice: string,
  input: Pick<CampaignInput, 'startsOn' | 'deadline'>,
): number | undefined {
  if (notice === 'start') return toDayNumber(input.startsOn);
  const reminder = /^reminder-(\d+)$/.exec(notice);
  return reminder
    ? toDayNumber(input.deadline) - Number(reminder[1])
    : undefined;
}

/**
 * Replaces the input of a campaign not finished and forgets its computed
 * days and entities (its scope or goal may have changed, so every day is
 * computed again), in one transaction. Its sent notices stay sent, except
 * those no longer due as of `at` (its start moved later, its deadline
 * further): they go out again when due.
 */
export async function updateCampaign(
  db: Knex,
  id: string,
  input: Required<CampaignInput>,
  by: string,
  at: Date,
): Promise<CampaignChangeOutcome> {
  return db.transaction(async tx => {
    const updated = await tx('campaigns')
      .where('id', id)
      .whereNull('finished_at')
      .update({
        ...campaignInputColumns(input),
        updated_by: by,
        updated_at: at.getTime(),
      });
    if (updated === 0) return whyUnchanged(tx, id);
    await tx('campaign_days').where('campaign_id', id).delete();
    await tx('campaign_entities').where('campaign_id', id).delete();
    const today = Math.floor(at.getTime() / DAY_MS);
    const claimed: Array<{ notice: string }> = await tx('campaign_notices')
      .where('campaign_id', id)
      .select('notice');
    // Notices go out only once a campaign has begun.
    const begun = toDayNumber(input.startsOn) <= today;
    const notDue = claimed
      .map(row => row.notice)
      .filter(notice => !begun || (dueDay(notice, input) ?? today) > today);
    if (notDue.length > 0) {
      await tx('campaign_notices')
        .where('campaign_id', id)
        .whereIn('notice', notDue)
        .delete();
    }
    return 'done';
  });
}
