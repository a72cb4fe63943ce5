import { Knex } from 'knex';
import { DAY_MS } from '../durations';
import { StoredCampaign } from './CampaignStore';

/** A `YYYY-MM-DD` (UTC) day as the tables key it: days since the epoch. */
export const toDayNumber = (day: string) =>
  Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** A day number of the tables as `YYYY-MM-DD` (UTC). */
export const toDayString = (day: number) =>
  new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The columns of a campaign's input, as `campaigns` stores them. */
export function campaignInputColumns(
  campaign: Pick<
    StoredCampaign,
    | 'title'
    | 'description'
    | 'ownerRef'
    | 'scope'
    | 'goal'
    | 'allowExemptions'
    | 'startsOn'
    | 'deadline'
    | 'milestones'
    | 'reminderDaysBefore'
  >,
) {
  return {
    title: campaign.title,
    description: campaign.description,
    owner_ref: campaign.ownerRef,
    scope: JSON.stringify(campaign.scope),
    goal: JSON.stringify(campaign.goal),
    allow_exemptions: campaign.allowExemptions,
    starts_on: toDayNumber(campaign.startsOn),
    deadline: toDayNumber(campaign.deadline),
    milestones: JSON.stringify(campaign.milestones),
    reminder_days: JSON.stringify(campaign.reminderDaysBefore),
  };
}

/**
 * Campaigns with the figures of their latest computed day (none before
 * the first), by the primary key of `campaign_days`.
 */
export function selectCampaigns(db: Knex) {
  return db('campaigns as c')
    .leftJoin('campaign_days as d', join =>
      join
        .on('d.campaign_id', '=', 'c.id')
        .andOn(
          db.raw(
            'd.day = (select max(latest.day) from campaign_days latest where latest.campaign_id = c.id)',
          ),
        ),
    )
    .select('c.*', 'd.day as latest_day', 'd.in_scope', 'd.meeting');
}

/** A row of `selectCampaigns` as the store hands it out. */
export function toStoredCampaign(row: Record<string, any>): StoredCampaign {
  const campaign: StoredCampaign = {
    id: row.id,
    title: row.title,
    description: row.description,
    ownerRef: row.owner_ref,
    scope: JSON.parse(row.scope),
    goal: JSON.parse(row.goal),
    allowExemptions: Boolean(row.allow_exemptions),
    startsOn: toDayString(Number(row.starts_on)),
    deadline: toDayString(Number(row.deadline)),
    milestones: JSON.parse(row.milestones),
    reminderDaysBefore: JSON.parse(row.reminder_days),
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)),
    updatedBy: row.updated_by,
    updatedAt: new Date(Number(row.updated_at)),
  };
  if (row.finished_at !== null && row.finished_at !== undefined) {
    campaign.finishedAt = new Date(Number(row.finished_at));
  }
  if (row.latest_day !== null && row.latest_day !== undefined) {
    campaign.latest = {
      day: toDayString(Number(row.latest_day)),
      inScope: Number(row.in_scope),
      meeting: Number(row.meeting),
    };
  }
  return campaign;
}
