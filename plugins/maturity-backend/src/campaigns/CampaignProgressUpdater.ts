import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CampaignTeam,
  Rubric,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  CampaignDayFigures,
  CampaignEntityResult,
  CampaignStore,
  StoredCampaign,
} from '../database/CampaignStore';
import { GroupsWithSubgroups } from '../rollups/StoredGroupTree';
import { daysToCompute, utcDay } from './campaignDays';
import { CampaignNotifier } from './CampaignNotifier';
import { meetsCampaignGoal } from './meetsCampaignGoal';

/**
 * The groups a campaign's scope names, with their sub-groups (a
 * StoredGroupTree: as the routes and the scorecard list resolve them).
 */
export interface OwnerGroups {
  withSubgroups(groupRefs: string[]): Promise<GroupsWithSubgroups>;
}

/**
 * How long before a run's start history points are looked for again: an
 * evaluation stamps a point's written_at before its transaction commits, so
 * a point stamped before a run read its day may become visible only after.
 * Longer than any batch's transaction; a point seen twice only recomputes
 * its days once more.
 */
export const HISTORY_COMMIT_MARGIN_MS = 5 * 60_000;

/** One computed day, and its in-scope entities when they were asked for. */
interface ComputedDay {
  figures: CampaignDayFigures;
  entities?: CampaignEntityResult[];
}

/** Most entities short first, then by owner. */
function byShortfall(a: CampaignTeam, b: CampaignTeam): number {
  return (
    b.inScope - b.meeting - (a.inScope - a.meeting) ||
    a.ownerRef.localeCompare(b.ownerRef)
  );
}

/**
 * Brings campaigns' figures up to date (docs: "Campaigns", progress from
 * history): for each campaign, the days from its first to today not yet
 * computed, read from the scorecard history, those whose history changed
 * since they were computed (the back-fill), and today from the latest
 * scorecards; the in-scope entities of its latest day (of today for a
 * campaign not begun, without a day's figures); once its deadline's day
 * is computed and past, the campaign is finished. Then the notices due
 * today go out.
 */
export class CampaignProgressUpdater {
  constructor(
    private readonly options: {
      store: CampaignStore;
      rubric: Rubric;
      ownerGroups: OwnerGroups;
      notifier: CampaignNotifier;
      logger: LoggerService;
    },
  ) {}

  /**
   * Every campaign not finished. One campaign's failure is logged and does
   * not keep the others from their update.
   */
  async updateAll(now: Date, signal?: AbortSignal): Promise<void> {
    const campaigns = (await this.options.store.listCampaigns()).filter(
      c => !c.finishedAt,
    );
    for (const campaign of campaigns) {
      if (signal?.aborted) return;
      try {
        await this.updateCampaign(campaign, now, signal);
      } catch (error) {
        this.options.logger.error(
          `Could not update the progress of campaign ${campaign.id}: ${error}`,
        );
      }
    }
  }

  /** One campaign, if it exists and is not finished. */
  async update(campaignId: string, now: Date): Promise<void> {
    const campaign = await this.options.store.getCampaign(campaignId);
    if (campaign && !campaign.finishedAt) {
      await this.updateCampaign(campaign, now);
    }
  }

  private async updateCampaign(
    campaign: StoredCampaign,
    now: Date,
    signal?: AbortSignal,
  ): Promise<void> {
    const { store, notifier } = this.options;
    const today = utcDay(now);
    const { ownerGroups, treeKnown } = await this.ownerGroupsOf(campaign);
    if (today < campaign.startsOn) {
      // Not begun: no day yet, but its entities, so an entity's tab and a
      // team's card show what is coming.
      const { entities } = await this.computeDay(campaign, today, {
        today: true,
        withEntities: true,
        ownerGroups,
      });
      await store.writeDay(
        campaign.id,
        undefined,
        entities,
        campaign.updatedAt,
      );
      return;
    }
    const computedDays = await store.readComputedDays(campaign.id);
    // Before the first rollups the sub-groups are unknown: today counts the
    // named groups' own entities (a day marked computed without the tree),
    // and the past days wait for the group tree. Once it is known, the days
    // computed without it count as not computed, so they are redone.
    const computed = new Set(
      computedDays.filter(d => !treeKnown || d.groupTreeKnown).map(d => d.day),
    );
    const days = daysToCompute(
      campaign,
      computed,
      today,
      await this.historyChangedFrom(computedDays, today),
    ).filter(day => treeKnown || day === today);
    const lastDay = today < campaign.deadline ? today : campaign.deadline;
    let todays: CampaignEntityResult[] | undefined;
    for (const day of days) {
      if (signal?.aborted) return;
      const { figures, entities } = await this.computeDay(campaign, day, {
        today: day === today,
        withEntities: day === lastDay,
        ownerGroups,
      });
      // Written only while the campaign is as it was read: a campaign
      // changed or deleted meanwhile has its days forgotten, and figures
      // for its old scope or goal must not be written back.
      if (
        !(await store.writeDay(
          campaign.id,
          figures,
          entities,
          campaign.updatedAt,
          now,
          treeKnown,
        ))
      ) {
        return;
      }
      computed.add(day);
      if (day === today) todays = entities;
    }
    // Never finished on figures computed without the group tree.
    if (
      treeKnown &&
      today > campaign.deadline &&
      computed.has(campaign.deadline)
    ) {
      await store.markFinished(campaign.id, now);
      this.options.logger.info(
        `Campaign ${campaign.id} reached its deadline ${campaign.deadline}; its figures are final`,
      );
    }
    if (todays) await notifier.notifyDue(campaign, today, todays);
  }

  /**
   * The earliest past day whose history may have changed since the past
   * days were computed: that of the earliest history point written after
   * the start of the latest run that computed one (stamped computed at its
   * start, `now`), less HISTORY_COMMIT_MARGIN_MS for points stamped before
   * and committed after that run read them. Points written earlier were
   * visible to every day of that run. Undefined when no past day is
   * computed or none changed.
   */
  private async historyChangedFrom(
    computedDays: Array<{ day: string; computedAt: Date }>,
    today: string,
  ): Promise<string | undefined> {
    const past = computedDays.filter(d => d.day < today);
    if (past.length === 0) return undefined;
    const latest = Math.max(...past.map(d => d.computedAt.getTime()));
    return this.options.store.readFirstHistoryDayWrittenAfter(
      new Date(latest - HISTORY_COMMIT_MARGIN_MS),
    );
  }

  private async ownerGroupsOf(
    campaign: StoredCampaign,
  ): Promise<{ ownerGroups?: string[]; treeKnown: boolean }> {
    const { owners, includeSubgroups } = campaign.scope;
    if (!includeSubgroups || !owners?.length) return { treeKnown: true };
    const { groupRefs, treeKnown } =
      await this.options.ownerGroups.withSubgroups(owners);
    return { ownerGroups: groupRefs, treeKnown };
  }

  private async computeDay(
    campaign: StoredCampaign,
    day: string,
    options: { today: boolean; withEntities: boolean; ownerGroups?: string[] },
  ): Promise<ComputedDay> {
    const { store, rubric } = this.options;
    let inScope = 0;
    let meeting = 0;
    const teams = new Map<string, CampaignTeam>();
    const entities: CampaignEntityResult[] = [];
    for await (const batch of store.readStandings(campaign.scope, day, {
      today: options.today,
      ...(options.ownerGroups ? { ownerGroups: options.ownerGroups } : {}),
    })) {
      for (const standing of batch) {
        const outcome = meetsCampaignGoal(standing, campaign, rubric);
        if (!outcome) continue;
        inScope += 1;
        if (outcome.meetsGoal) meeting += 1;
        if (standing.ownerRef) {
          const team = teams.get(standing.ownerRef) ?? {
            ownerRef: standing.ownerRef,
            inScope: 0,
            meeting: 0,
          };
          team.inScope += 1;
          if (outcome.meetsGoal) team.meeting += 1;
          teams.set(standing.ownerRef, team);
        }
        if (options.withEntities) {
          entities.push({
            entityRef: standing.entityRef,
            ...(standing.title !== undefined ? { title: standing.title } : {}),
            ...(standing.ownerRef !== undefined
              ? { ownerRef: standing.ownerRef }
              : {}),
            ...outcome,
          });
        }
      }
    }
    return {
      figures: {
        day,
        inScope,
        meeting,
        teams: [...teams.values()].sort(byShortfall),
      },
      ...(options.withEntities ? { entities } : {}),
    };
  }
}
