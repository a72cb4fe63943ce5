import {
  CampaignStatus,
  CampaignTally,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import {
  selectCampaigns,
  toDayNumber,
  toStoredCampaign,
} from '../../campaignColumns';
import {
  CampaignPage,
  CampaignPageQuery,
  StoredCampaign,
} from '../../CampaignStore';

/**
 * The campaigns of a status (`campaignStatus` in SQL): finished once marked
 * or past the deadline; otherwise upcoming before the first day, active
 * through the deadline. Open ones (upcoming or active) all end on or after
 * `today`, so every filter but `finished` is a range of
 * `campaigns_deadline_idx`, which also gives the order.
 */
function whereStatus(
  query: Knex.QueryBuilder,
  statuses: CampaignStatus[],
  today: number,
) {
  const wanted = new Set(statuses);
  if (wanted.size === 0 || wanted.size === 3) return query;
  return query.where(outer => {
    if (wanted.has('finished')) {
      outer.orWhere(q =>
        q.whereNotNull('c.finished_at').orWhere('c.deadline', '<', today),
      );
    }
    if (wanted.has('active') || wanted.has('upcoming')) {
      outer.orWhere(q => {
        q.whereNull('c.finished_at').andWhere('c.deadline', '>=', today);
        if (!wanted.has('active')) q.andWhere('c.starts_on', '>', today);
        if (!wanted.has('upcoming')) q.andWhere('c.starts_on', '<=', today);
      });
    }
  });
}

/**
 * A page of campaigns nearest deadline first (then by id), filtered,
 * counted and paged in SQL. With `ownerRefs`, only campaigns where any of
 * them owns an in-scope entity on the latest day, with their tally (read
 * through `campaign_entities_owner_idx`); the refs go in one statement.
 */
export async function listCampaignPage(
  db: Knex,
  query: CampaignPageQuery,
): Promise<CampaignPage> {
  const today = toDayNumber(query.today);
  const filtered = (base: Knex.QueryBuilder) => {
    let q = whereStatus(base, query.statuses ?? [], today);
    if (query.ownerRefs) {
      const tallies = db('campaign_entities')
        .whereIn('owner_ref', [...new Set(query.ownerRefs)])
        .groupBy('campaign_id')
        .select(
          'campaign_id',
          db.raw('count(*) as team_in_scope'),
          db.raw('sum(case when meets_goal then 1 else 0 end) as team_meeting'),
        )
        .as('t');
      q = q.join(tallies, 't.campaign_id', 'c.id');
    }
    return q;
  };

  const [{ count }] = await filtered(db('campaigns as c')).count({
    count: '*',
  });
  const totalCount = Number(count);
  if (totalCount <= query.offset) return { items: [], totalCount };

  let rows = filtered(selectCampaigns(db));
  if (query.ownerRefs) rows = rows.select('t.team_in_scope', 't.team_meeting');
  const page = await rows
    .orderBy([
      { column: 'c.deadline', order: 'asc' },
      { column: 'c.id', order: 'asc' },
    ])
    .limit(query.limit)
    .offset(query.offset);
  return {
    items: page.map((row: Record<string, any>) => {
      const campaign: StoredCampaign & { team?: CampaignTally } =
        toStoredCampaign(row);
      if (query.ownerRefs) {
        campaign.team = {
          inScope: Number(row.team_in_scope),
          meeting: Number(row.team_meeting),
        };
      }
      return campaign;
    }),
    totalCount,
  };
}
