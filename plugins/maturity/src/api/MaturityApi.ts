import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  ApproveExemptionRequest,
  Campaign,
  CampaignEntityPage,
  CampaignInput,
  CampaignList,
  CampaignProgress,
  CampaignStatus,
  CreateExemptionRequest,
  DenyExemptionRequest,
  EntityActivitySummary,
  EntityCampaignList,
  EntityMetrics,
  Exemption,
  ExemptionEvent,
  ListScorecardsQuery,
  MaturityEventPage,
  MaturityEventType,
  Rollup,
  Rubric,
  RubricPreview,
  Scorecard,
  ScorecardHistoryPoint,
  ScorecardPage,
  StoredMaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

// The wire types are generated from the backend's OpenAPI spec into -common;
// this package has offered them under these names.
export type {
  ApproveExemptionRequest,
  CreateExemptionRequest,
  DenyExemptionRequest,
  ListScorecardsQuery,
  ScorecardHistoryPoint,
  ScorecardPage,
  ScorecardSummary,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/**
 * A time window. Both ends are ISO 8601 timestamps and optional: the backend
 * defaults to the last 90 days.
 *
 * @public
 */
export interface MaturityTimeWindow {
  /** Start of the window, inclusive. */
  from?: string;
  /** End of the window, exclusive. */
  to?: string;
}

/**
 * Options for reading one page of an entity's raw events.
 *
 * @public
 */
export interface GetEntityEventsOptions extends MaturityTimeWindow {
  /** Only events of these types; all types when absent or empty. */
  types?: MaturityEventType[];
  /** Page size. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * An entity, named by its full reference string (`component:default/checkout-api`)
 * or by its parts.
 *
 * @public
 */
export type MaturityEntityRef = string | CompoundEntityRef;

/**
 * Options for reading one page of a campaign's in-scope entities.
 *
 * @public
 */
export interface ListCampaignEntitiesOptions {
  /** Only entities that meet (true) or miss (false) the goal. */
  meetsGoal?: boolean;
  /** Only entities owned by this group or its sub-groups. */
  owner?: string;
  /** Page size; the backend defaults to 50. */
  limit?: number;
  /** Entities to skip, by entity ref. */
  offset?: number;
}

/**
 * Options for reading one page of the campaigns.
 *
 * @public
 */
export interface ListCampaignsOptions {
  /**
   * A group ref: only campaigns covering entities the group or its
   * sub-groups own, each with that group's part.
   */
  team?: string;
  /** Only campaigns with any of these statuses; absent or empty: any. */
  status?: CampaignStatus[];
  /** Page size; the backend defaults to 50. */
  limit?: number;
  /** Campaigns to skip, nearest deadline first. */
  offset?: number;
}

/**
 * Reads what the Maturity backend recorded about catalog entities.
 *
 * @public
 */
export interface MaturityApi {
  /**
   * Counts and latest times of an entity's events per type in a window.
   */
  getEntityActivity(
    entityRef: MaturityEntityRef,
    window?: MaturityTimeWindow,
  ): Promise<EntityActivitySummary>;

  /**
   * One page of an entity's events, newest first.
   */
  getEntityEvents(
    entityRef: MaturityEntityRef,
    options?: GetEntityEventsOptions,
  ): Promise<MaturityEventPage>;

  /**
   * The entity's events with these ids (`deployment:123`, what a result's
   * evidence names), in the order of the ids; ids not found (another
   * entity's, outside the window, deleted) are left out.
   */
  getEntityEventsById(
    entityRef: MaturityEntityRef,
    ids: string[],
    window?: MaturityTimeWindow,
  ): Promise<{ items: StoredMaturityEvent[] }>;

  /** The entity's latest scorecard; rejects with a 404 until evaluated. */
  getScorecard(entityRef: MaturityEntityRef): Promise<Scorecard>;

  /** The entity's metrics of its last evaluation, with evidence ids. */
  getMetrics(entityRef: MaturityEntityRef): Promise<EntityMetrics>;

  /** One point per UTC day; the backend defaults to the last 180 days. */
  getHistory(
    entityRef: MaturityEntityRef,
    window?: MaturityTimeWindow,
  ): Promise<{ items: ScorecardHistoryPoint[] }>;

  /** Re-evaluates the entity now and returns the fresh scorecard. */
  refreshScorecard(entityRef: MaturityEntityRef): Promise<Scorecard>;

  /** The entity's exemptions in every state, oldest request first. */
  listExemptions(entityRef: MaturityEntityRef): Promise<{ items: Exemption[] }>;

  /** The audit list of the entity's exemptions, newest change first. */
  listExemptionEvents(
    entityRef: MaturityEntityRef,
  ): Promise<{ items: ExemptionEvent[] }>;

  /**
   * Requests an exemption of the entity from a check, as the signed-in
   * user; it counts once approved (at once for auto-approved checks).
   */
  createExemption(
    entityRef: MaturityEntityRef,
    request: CreateExemptionRequest,
  ): Promise<Exemption>;

  /** Approves a request, optionally with a shorter expiry. */
  approveExemption(
    id: string,
    request?: ApproveExemptionRequest,
  ): Promise<Exemption>;

  /** Denies a request, saying why. */
  denyExemption(id: string, request: DenyExemptionRequest): Promise<Exemption>;

  /** Withdraws the signed-in user's own request. */
  withdrawExemption(id: string): Promise<Exemption>;

  /** Revokes an approved exemption. */
  revokeExemption(id: string, comment?: string): Promise<void>;

  /** A filtered, sorted page of scorecard summaries. */
  listScorecards(query?: ListScorecardsQuery): Promise<ScorecardPage>;

  /** The same rows as {@link MaturityApi.listScorecards}, as CSV text. */
  exportScorecardsCsv(query?: ListScorecardsQuery): Promise<string>;

  /** The organisation-wide rollup. */
  getOrgRollup(): Promise<Rollup>;

  /** The rollup of a group (with its descendant groups), system or domain. */
  getRollup(scopeRef: MaturityEntityRef): Promise<Rollup>;

  /** The active rubric. */
  getRubric(): Promise<Rubric>;

  /**
   * What a proposed `maturity.rubric` override would do to every entity's
   * levels, from the stored results: counts, responsible checks, per team,
   * and one page of the affected entities. Rejects with a 400 naming the
   * path of an invalid field (`rubric.checks.<id>.threshold: …`).
   */
  previewRubric(
    rubric: Record<string, unknown>,
    page?: { limit?: number; offset?: number },
  ): Promise<RubricPreview>;

  /**
   * A page of campaigns, nearest deadline first, with their latest figures
   * and how many match (`totalCount`); with `team` (a group ref), only
   * those covering entities the group or its sub-groups own, each with
   * that group's part. Statuses are those of today (UTC).
   */
  listCampaigns(query?: ListCampaignsOptions): Promise<CampaignList>;

  /** A campaign with its burn-up and per-team figures. */
  getCampaign(id: string): Promise<CampaignProgress>;

  /**
   * Creates a campaign (needs `maturity.campaign.manage`). Rejects with a
   * 400 naming the invalid field (`deadline: must not be before startsOn`).
   */
  createCampaign(input: CampaignInput): Promise<Campaign>;

  /** Replaces every field of a campaign; a finished one answers 409. */
  updateCampaign(id: string, input: CampaignInput): Promise<Campaign>;

  /** Deletes a campaign and its figures; a finished one answers 409. */
  deleteCampaign(id: string): Promise<void>;

  /** One page of a campaign's in-scope entities on its latest day. */
  listCampaignEntities(
    id: string,
    options?: ListCampaignEntitiesOptions,
  ): Promise<CampaignEntityPage>;

  /**
   * The active and upcoming campaigns an entity is in scope of, with
   * whether it meets each goal and what it still lacks.
   */
  listEntityCampaigns(
    entityRef: MaturityEntityRef,
  ): Promise<EntityCampaignList>;
}

/**
 * The API reference of {@link MaturityApi}.
 *
 * @public
 */
export const maturityApiRef = createApiRef<MaturityApi>({
  id: 'plugin.maturity.service',
});
