import {
  Campaign,
  CampaignEntityPage,
  CampaignInput,
  CampaignShortfall,
  CampaignStatus,
  CampaignTally,
  CampaignTeam,
  CategoryId,
  CheckState,
  EntityFilter,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/**
 * A campaign as stored: its input with every default applied, and who made
 * it. Days are `YYYY-MM-DD` (UTC), as on the wire.
 */
export interface StoredCampaign
  extends Omit<
    Campaign,
    'status' | 'latest' | 'createdAt' | 'updatedAt' | 'finishedAt'
  > {
  createdAt: Date;
  updatedAt: Date;
  /** Set once the deadline's figures are final; the campaign is read-only. */
  finishedAt?: Date;
  /** The latest computed day's figures. */
  latest?: CampaignTally & { day: string };
}

/**
 * One in-scope entity as a campaign's goal reads it, on one day: from the
 * latest scorecard for today, from the history point in force for a past
 * day (the latest one on or before it).
 */
export interface CampaignStanding {
  entityRef: string;
  title?: string;
  ownerRef?: string;
  overallLevel: number;
  categoryLevels: Record<CategoryId, number>;
  /**
   * The levels if exempt checks counted with the state their data gave;
   * absent on rows written before they were kept.
   */
  levelsWithoutWaivers?: {
    overall: number;
    categories: Record<CategoryId, number>;
  };
  /** Null when the MLOps track does not apply to the entity. */
  mlopsLevel: number | null;
  checkStates: Record<string, CheckState>;
  /** For each exempt check, the state its data alone gives. */
  waivedCheckStates: Record<string, CheckState>;
}

/** An in-scope entity's result on a campaign's latest day. */
export interface CampaignEntityResult {
  entityRef: string;
  title?: string;
  ownerRef?: string;
  meetsGoal: boolean;
  shortfall?: CampaignShortfall;
}

/** A computed day of a campaign. */
export interface CampaignDayFigures extends CampaignTally {
  /** `YYYY-MM-DD`. */
  day: string;
  /** Per direct owner (entities without an owner are left out). */
  teams: CampaignTeam[];
}

/** Which campaigns a page holds, and where it starts. */
export interface CampaignPageQuery {
  /** Statuses accepted (absent or empty: any), as of `today`. */
  statuses?: CampaignStatus[];
  /** `YYYY-MM-DD` (UTC): the day statuses are those of. */
  today: string;
  /** Only campaigns where any of these owns in-scope entities. */
  ownerRefs?: string[];
  limit: number;
  offset: number;
}

/** A page of campaigns; with `ownerRefs`, each with the owners' part. */
export interface CampaignPage {
  items: Array<StoredCampaign & { team?: CampaignTally }>;
  totalCount: number;
}

/** Where one campaign's change ended. */
export type CampaignChangeOutcome = 'done' | 'missing' | 'finished';

/** Campaigns, their computed days and their in-scope entities. */
export interface CampaignStore {
  createCampaign(campaign: StoredCampaign): Promise<void>;
  /**
   * Replaces the input of a campaign not finished, and forgets its
   * computed days and entities (the scope or goal may have changed) and
   * its sent notices no longer due as of `at` (a later start or deadline).
   */
  updateCampaign(
    id: string,
    input: Required<CampaignInput>,
    by: string,
    at: Date,
  ): Promise<CampaignChangeOutcome>;
  /** Deletes a campaign not finished, with its days, entities and notices. */
  deleteCampaign(id: string): Promise<CampaignChangeOutcome>;
  getCampaign(id: string): Promise<StoredCampaign | undefined>;
  /**
   * Every campaign, nearest deadline first; with `ids`, only those; with
   * `unfinished`, none marked finished.
   */
  listCampaigns(filter?: {
    ids?: string[];
    unfinished?: boolean;
  }): Promise<StoredCampaign[]>;
  /**
   * A page of campaigns nearest deadline first, of the statuses asked for
   * (as of `today`) and, with `ownerRefs`, only those where they own
   * in-scope entities, each with their part; with how many match.
   */
  listCampaignPage(query: CampaignPageQuery): Promise<CampaignPage>;

  /**
   * The entities the filter covers with their standing on `day`
   * (`YYYY-MM-DD`): the latest scorecards when `day` is today, else the
   * history point in force on that day. Entities are those in the
   * scorecards table now (so their owner, system and tags today decide the
   * scope); one without a point on or before `day` is left out. Read
   * set-based, in batches; `ownerGroups` is the owners' groups with their
   * descendants when the filter asks for sub-groups (resolved by the
   * caller from the stored rollups' group tree).
   */
  readStandings(
    filter: EntityFilter,
    day: string,
    options: { today: boolean; ownerGroups?: string[] },
  ): AsyncIterable<CampaignStanding[]>;

  /** The days already computed, oldest first. */
  readDays(campaignId: string): Promise<CampaignDayFigures[]>;
  /**
   * The days already computed, when, and whether the group tree was known
   * then, oldest first (no figures).
   */
  readComputedDays(
    campaignId: string,
  ): Promise<Array<{ day: string; computedAt: Date; groupTreeKnown: boolean }>>;
  /**
   * The earliest day of a scorecard history point written after `at`;
   * undefined when none was. Days of a campaign computed before then and
   * from that day on may have read a history without it.
   */
  readFirstHistoryDayWrittenAfter(at: Date): Promise<string | undefined>;
  /**
   * Stores one day's figures (replacing that day's; none for a campaign
   * not begun), and when `entities` is given, replaces the campaign's
   * in-scope entities with them, in one transaction — only while the
   * campaign exists, is not finished and, when `expectedUpdatedAt` is
   * given, was last changed then (false, and nothing written, otherwise:
   * figures of an old scope or goal must not be kept). Writes of one
   * campaign wait for each other. The day is stamped computed at
   * `computedAt` (the start of the run that read it; default: now), and
   * as computed without the group tree when `groupTreeKnown` is false.
   */
  writeDay(
    campaignId: string,
    figures: CampaignDayFigures | undefined,
    entities?: CampaignEntityResult[],
    expectedUpdatedAt?: Date,
    computedAt?: Date,
    groupTreeKnown?: boolean,
  ): Promise<boolean>;
  /** Marks the campaign finished; its figures stay as they are. */
  markFinished(campaignId: string, at: Date): Promise<void>;

  /** A page of the campaign's in-scope entities, by entity ref. */
  listCampaignEntities(
    campaignId: string,
    options: {
      meetsGoal?: boolean;
      /** Direct owners accepted (a group and its sub-groups). */
      ownerRefs?: string[];
      limit: number;
      offset: number;
    },
  ): Promise<CampaignEntityPage>;
  /** The entity's result in every campaign it is in scope of. */
  listEntityResults(
    entityRef: string,
  ): Promise<Array<CampaignEntityResult & { campaignId: string }>>;

  /**
   * Records that a notice (`start`, `reminder-14`, …) of a campaign is
   * being sent to the given owners, at once: the owners it was not sent to
   * yet, by this or another replica, now claimed for this caller.
   */
  claimNotice(
    campaignId: string,
    notice: string,
    ownerRefs: string[],
    at: Date,
  ): Promise<string[]>;
  /**
   * Forgets a notice claimed for an owner and not delivered to it, so it
   * is sent to that owner again.
   */
  releaseNotice(
    campaignId: string,
    notice: string,
    ownerRef: string,
  ): Promise<void>;
}
