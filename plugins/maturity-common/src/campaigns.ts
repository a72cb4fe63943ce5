import { CategoryId } from './scorecard';

/**
 * Which catalog entities a list or a campaign covers: the filters of the
 * scorecard list, each a set of accepted values (empty or absent: any).
 * Entity refs are canonical (`kind:namespace/name`, lowercase).
 * @public
 */
export interface EntityFilter {
  /** Owning groups; with `includeSubgroups`, their descendant groups too. */
  owners?: string[];
  includeSubgroups?: boolean;
  systems?: string[];
  domains?: string[];
  kinds?: string[];
  lifecycles?: string[];
  types?: string[];
  /** Catalog tags; an entity matches when it carries any of them. */
  tags?: string[];
}

/**
 * What an entity must reach to meet a campaign's goal.
 * - `checks`: every listed check passes (or does not apply to it);
 * - `categoryLevel`: the category's level is at least `level`;
 * - `overallLevel`: the overall practice level is at least `level`;
 * - `mlopsLevel`: the MLOps level is at least `level` (ML entities only:
 *   a campaign with this goal covers only entities the track applies to).
 * @public
 */
export type CampaignGoal =
  | { type: 'checks'; checkIds: string[] }
  | { type: 'categoryLevel'; category: CategoryId; level: number }
  | { type: 'overallLevel'; level: number }
  | { type: 'mlopsLevel'; level: number };

/** A target share of in-scope entities meeting the goal by a date. @public */
export interface CampaignMilestone {
  /** `YYYY-MM-DD`, UTC. */
  date: string;
  /** 0..1. */
  targetShare: number;
}

/**
 * What a campaign's creator chooses; the body of creating or changing one.
 * @public
 */
export interface CampaignInput {
  title: string;
  description?: string;
  /** The group running the campaign. */
  ownerRef: string;
  scope: EntityFilter;
  goal: CampaignGoal;
  /** Whether an approved exemption counts as meeting a goal check. */
  allowExemptions?: boolean;
  /** First day, `YYYY-MM-DD`, UTC. */
  startsOn: string;
  /** Last day, `YYYY-MM-DD`, UTC; inclusive. */
  deadline: string;
  milestones?: CampaignMilestone[];
  /**
   * Days before the deadline on which the owners of entities still short
   * are reminded; absent: the configured default.
   */
  reminderDaysBefore?: number[];
}

/**
 * - `upcoming`: before its first day;
 * - `active`: from its first day to its deadline;
 * - `finished`: past its deadline, kept read-only with its final figures.
 * @public
 */
export type CampaignStatus = 'upcoming' | 'active' | 'finished';

/** In-scope entities and how many of them meet the goal. @public */
export interface CampaignTally {
  inScope: number;
  meeting: number;
}

/** A campaign as stored, with its latest figures. @public */
export interface Campaign
  extends Required<Omit<CampaignInput, 'description'>> {
  id: string;
  description: string;
  status: CampaignStatus;
  createdBy: string;
  /** ISO date-time. */
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  /**
   * ISO date-time its deadline's figures were kept as final; absent until
   * then (a campaign past its deadline is `finished` before it is set).
   */
  finishedAt?: string;
  /**
   * The figures of its latest computed day (the deadline's, once
   * finished); absent before the first computation.
   */
  latest?: CampaignTally & { day: string };
}

/** One day of a campaign's burn-up. @public */
export interface CampaignDay extends CampaignTally {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
}

/** One owning group's part of a campaign on its latest day. @public */
export interface CampaignTeam extends CampaignTally {
  ownerRef: string;
}

/** A campaign with its burn-up and its per-team figures. @public */
export interface CampaignProgress {
  campaign: Campaign;
  /** Oldest first, from the first day to the latest computed one. */
  days: CampaignDay[];
  /** Most entities short first. */
  teams: CampaignTeam[];
}

/**
 * What an in-scope entity still lacks: the goal checks it fails (or meets
 * only through an exemption the campaign does not count), and for a level
 * goal its current level and the checks blocking the next one.
 * @public
 */
export interface CampaignShortfall {
  failingChecks: string[];
  /** For level goals: the level it has. */
  level?: number;
}

/** One in-scope entity of a campaign. @public */
export interface CampaignEntity {
  entityRef: string;
  title?: string;
  ownerRef?: string;
  meetsGoal: boolean;
  /** Absent when the goal is met. */
  shortfall?: CampaignShortfall;
}

/** A page of a campaign's in-scope entities. @public */
export interface CampaignEntityPage {
  items: CampaignEntity[];
  totalCount: number;
}

/** A campaign an entity is in scope of, and where it stands. @public */
export interface EntityCampaign {
  campaign: Campaign;
  meetsGoal: boolean;
  shortfall?: CampaignShortfall;
}

/**
 * A campaign in a list; asked for one group, with that group's part
 * (entities it or its sub-groups own) on the latest day.
 * @public
 */
export interface CampaignListItem extends Campaign {
  team?: CampaignTally;
}

/** A page of campaigns. @public */
export interface CampaignList {
  items: CampaignListItem[];
  /** How many campaigns match the filters. */
  totalCount: number;
}

/** @public */
export interface EntityCampaignList {
  items: EntityCampaign[];
}
