import {
  CampaignEntityPage,
  CampaignInput,
  CampaignTally,
  EntityFilter,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  CampaignChangeOutcome,
  CampaignDayFigures,
  CampaignEntityResult,
  CampaignPageQuery,
  CampaignStanding,
  CampaignStore,
  StoredCampaign,
} from '../../database/CampaignStore';
import { campaignStatus } from '../campaignStatus';

/**
 * The campaign store's contract in memory, for the progress and notices
 * tests. Standings are given per day (`standingsOn`) and for today
 * (`standingsToday`); the scope filter honours only the owners (with the
 * caller's `ownerGroups` when given). Each read is recorded.
 */
export class InMemoryCampaignStore implements CampaignStore {
  readonly campaigns = new Map<string, StoredCampaign>();
  readonly days = new Map<string, Map<string, CampaignDayFigures>>();
  readonly entities = new Map<string, CampaignEntityResult[]>();
  readonly notices = new Map<string, Date>();
  readonly finished = new Map<string, Date>();
  readonly standingsOn = new Map<string, CampaignStanding[]>();
  standingsToday: CampaignStanding[] = [];
  readonly reads: Array<{
    day: string;
    today: boolean;
    ownerGroups?: string[];
  }> = [];
  /** Each day written, and whether the entities came with it. */
  readonly writes: Array<{ day: string; withEntities: boolean }> = [];
  /** Called before each day is written, e.g. to change the campaign meanwhile. */
  beforeWrite?: (day: string) => void;
  /** When each campaign's day was computed (the store's clock: `now`). */
  readonly computedAt = new Map<string, Map<string, Date>>();
  /** Days computed without the group tree, per campaign. */
  readonly withoutGroupTree = new Map<string, Set<string>>();
  now = () => new Date();
  /** History points as written: their day and when. */
  readonly historyWrites: Array<{ day: string; writtenAt: Date }> = [];

  async createCampaign(campaign: StoredCampaign) {
    this.campaigns.set(campaign.id, campaign);
  }

  async updateCampaign(
    id: string,
    input: Required<CampaignInput>,
    by: string,
    at: Date,
  ): Promise<CampaignChangeOutcome> {
    const campaign = this.campaigns.get(id);
    if (!campaign) return 'missing';
    if (campaign.finishedAt) return 'finished';
    this.campaigns.set(id, {
      ...campaign,
      ...input,
      updatedBy: by,
      updatedAt: at,
      latest: undefined,
    });
    this.days.delete(id);
    this.computedAt.delete(id);
    this.entities.delete(id);
    return 'done';
  }

  async deleteCampaign(id: string): Promise<CampaignChangeOutcome> {
    const campaign = this.campaigns.get(id);
    if (!campaign) return 'missing';
    if (campaign.finishedAt) return 'finished';
    this.campaigns.delete(id);
    this.days.delete(id);
    this.entities.delete(id);
    return 'done';
  }

  async getCampaign(id: string) {
    return this.campaigns.get(id);
  }

  async listCampaigns(filter: { ids?: string[]; unfinished?: boolean } = {}) {
    // As the SQL orders them: nearest deadline first, then by id.
    return [...this.campaigns.values()]
      .filter(
        c =>
          (!filter.ids || filter.ids.includes(c.id)) &&
          (!filter.unfinished || !c.finishedAt),
      )
      .sort(
        (a, b) =>
          a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id),
      );
  }

  async listCampaignPage(query: CampaignPageQuery) {
    const tallies = query.ownerRefs
      ? this.tallyOwners(query.ownerRefs)
      : undefined;
    const matching = (await this.listCampaigns()).flatMap(campaign => {
      const status = campaignStatus(campaign, query.today);
      if (query.statuses?.length && !query.statuses.includes(status)) {
        return [];
      }
      if (!tallies) return [campaign];
      const team = tallies.get(campaign.id);
      return team ? [{ ...campaign, team }] : [];
    });
    return {
      items: matching.slice(query.offset, query.offset + query.limit),
      totalCount: matching.length,
    };
  }

  async *readStandings(
    filter: EntityFilter,
    day: string,
    options: { today: boolean; ownerGroups?: string[] },
  ): AsyncIterable<CampaignStanding[]> {
    this.reads.push({ day, ...options });
    const all = options.today
      ? this.standingsToday
      : this.standingsOn.get(day) ?? [];
    const owners = options.ownerGroups ?? filter.owners;
    const inScope = all.filter(
      s => !owners?.length || (s.ownerRef && owners.includes(s.ownerRef)),
    );
    // Two batches, as the real store reads in batches.
    const half = Math.ceil(inScope.length / 2);
    if (half > 0) yield inScope.slice(0, half);
    if (inScope.length > half) yield inScope.slice(half);
  }

  async readDays(campaignId: string) {
    return [...(this.days.get(campaignId)?.values() ?? [])].sort((a, b) =>
      a.day.localeCompare(b.day),
    );
  }

  async readComputedDays(campaignId: string) {
    return (await this.readDays(campaignId)).map(({ day }) => ({
      day,
      computedAt: this.computedAt.get(campaignId)?.get(day) ?? new Date(0),
      groupTreeKnown: !this.withoutGroupTree.get(campaignId)?.has(day),
    }));
  }

  async readFirstHistoryDayWrittenAfter(at: Date) {
    const days = this.historyWrites
      .filter(w => w.writtenAt.getTime() > at.getTime())
      .map(w => w.day)
      .sort();
    return days[0];
  }

  async writeDay(
    campaignId: string,
    figures: CampaignDayFigures | undefined,
    entities?: CampaignEntityResult[],
    expectedUpdatedAt?: Date,
    runStartedAt?: Date,
    groupTreeKnown: boolean = true,
  ) {
    if (figures) this.beforeWrite?.(figures.day);
    const campaign = this.campaigns.get(campaignId);
    if (
      !campaign ||
      campaign.finishedAt ||
      (expectedUpdatedAt &&
        campaign.updatedAt.getTime() !== expectedUpdatedAt.getTime())
    ) {
      return false;
    }
    if (figures) {
      this.writes.push({ day: figures.day, withEntities: !!entities });
      const days = this.days.get(campaignId) ?? new Map();
      days.set(figures.day, figures);
      this.days.set(campaignId, days);
      const computedAt = this.computedAt.get(campaignId) ?? new Map();
      computedAt.set(figures.day, runStartedAt ?? this.now());
      this.computedAt.set(campaignId, computedAt);
      const withoutTree = this.withoutGroupTree.get(campaignId) ?? new Set();
      if (groupTreeKnown) withoutTree.delete(figures.day);
      else withoutTree.add(figures.day);
      this.withoutGroupTree.set(campaignId, withoutTree);
    }
    if (entities) this.entities.set(campaignId, entities);
    return true;
  }

  async markFinished(campaignId: string, at: Date) {
    this.finished.set(campaignId, at);
    const campaign = this.campaigns.get(campaignId);
    if (campaign)
      this.campaigns.set(campaignId, { ...campaign, finishedAt: at });
  }

  async listCampaignEntities(
    campaignId: string,
    options: {
      meetsGoal?: boolean;
      ownerRefs?: string[];
      limit: number;
      offset: number;
    },
  ): Promise<CampaignEntityPage> {
    const items = (this.entities.get(campaignId) ?? []).filter(
      e =>
        (options.meetsGoal === undefined ||
          e.meetsGoal === options.meetsGoal) &&
        (!options.ownerRefs ||
          (e.ownerRef && options.ownerRefs.includes(e.ownerRef))),
    );
    return {
      items: items.slice(options.offset, options.offset + options.limit),
      totalCount: items.length,
    };
  }

  async listEntityResults(entityRef: string) {
    return [...this.entities.entries()].flatMap(([campaignId, entities]) =>
      entities
        .filter(e => e.entityRef === entityRef)
        .map(e => ({ ...e, campaignId })),
    );
  }

  private tallyOwners(ownerRefs: string[]) {
    const tallies = new Map<string, CampaignTally>();
    for (const [campaignId, entities] of this.entities) {
      const owned = entities.filter(
        e => e.ownerRef && ownerRefs.includes(e.ownerRef),
      );
      if (owned.length === 0) continue;
      tallies.set(campaignId, {
        inScope: owned.length,
        meeting: owned.filter(e => e.meetsGoal).length,
      });
    }
    return tallies;
  }

  async claimNotice(
    campaignId: string,
    notice: string,
    ownerRefs: string[],
    at: Date,
  ) {
    const claimed: string[] = [];
    for (const ownerRef of new Set(ownerRefs)) {
      const key = `${campaignId}/${notice}/${ownerRef}`;
      if (this.notices.has(key)) continue;
      this.notices.set(key, at);
      claimed.push(ownerRef);
    }
    return claimed;
  }

  async releaseNotice(campaignId: string, notice: string, ownerRef: string) {
    this.notices.delete(`${campaignId}/${notice}/${ownerRef}`);
  }
}
