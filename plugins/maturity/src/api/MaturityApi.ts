import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  CategoryId,
  CheckState,
  DoraBand,
  EntityActivitySummary,
  EntityMetrics,
  Exemption,
  MaturityEventPage,
  MaturityEventType,
  MaturityLevel,
  Rollup,
  Scorecard,
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
 * One day of an entity's scorecard history, as `GET .../history` returns it.
 *
 * @public
 */
export interface ScorecardHistoryPoint {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  overallLevel: MaturityLevel;
  categoryLevels: Record<CategoryId, MaturityLevel>;
  deliveryBand: string | null;
  rubricVersion: string;
  checkStates?: Record<string, CheckState>;
}

/**
 * A compact row of a scorecard, as the scorecard list returns it.
 *
 * @public
 */
export interface ScorecardSummary {
  entityRef: string;
  title?: string;
  kind?: string;
  type?: string;
  lifecycle?: string;
  ownerRef?: string;
  systemRef?: string;
  domainRef?: string;
  overallLevel: MaturityLevel;
  categoryLevels: Record<CategoryId, MaturityLevel>;
  deliveryBand: string | null;
  imbalanced?: boolean;
  evaluatedAt: string;
}

/**
 * Filters, order and paging of {@link MaturityApi.listScorecards}.
 *
 * @public
 */
export interface ListScorecardsQuery {
  /** Owner entity refs; any of them matches. */
  owner?: string[];
  /** Adds every descendant group of the owners. */
  includeSubgroups?: boolean;
  system?: string;
  domain?: string;
  kind?: string;
  lifecycle?: string;
  minLevel?: number;
  maxLevel?: number;
  /** Case-insensitive search in entity ref and title. */
  q?: string;
  /** Only entities failing this check, by id (`test.3.e2e-tests`). */
  failingCheck?: string;
  /** Only entities of this overall delivery band; `unknown`: without one. */
  deliveryBand?: DoraBand | 'unknown';
  orderBy?: 'entityRef' | 'overallLevel' | 'evaluatedAt';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/**
 * One page of scorecard summaries.
 *
 * @public
 */
export interface ScorecardPage {
  items: ScorecardSummary[];
  totalCount: number;
}

/**
 * A new exemption of one check for one entity.
 *
 * @public
 */
export interface CreateExemptionRequest {
  checkId: string;
  reason: string;
  /** ISO 8601; no expiry when absent. */
  expiresAt?: string;
}

/**
 * The active rubric: its version and, opaquely, its categories and checks.
 *
 * @public
 */
export interface MaturityRubricDocument {
  version: string;
  [key: string]: unknown;
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

  /** The entity's exemptions, expired ones included until revoked. */
  listExemptions(entityRef: MaturityEntityRef): Promise<{ items: Exemption[] }>;

  /** Exempts the entity from a check, from its next evaluation on. */
  createExemption(
    entityRef: MaturityEntityRef,
    request: CreateExemptionRequest,
  ): Promise<Exemption>;

  /** Revokes an exemption. */
  revokeExemption(id: string): Promise<void>;

  /** A filtered, sorted page of scorecard summaries. */
  listScorecards(query?: ListScorecardsQuery): Promise<ScorecardPage>;

  /** The same rows as {@link MaturityApi.listScorecards}, as CSV text. */
  exportScorecardsCsv(query?: ListScorecardsQuery): Promise<string>;

  /** The organisation-wide rollup. */
  getOrgRollup(): Promise<Rollup>;

  /** The rollup of a group (with its descendant groups), system or domain. */
  getRollup(scopeRef: MaturityEntityRef): Promise<Rollup>;

  /** The active rubric. */
  getRubric(): Promise<MaturityRubricDocument>;
}

/**
 * The API reference of {@link MaturityApi}.
 *
 * @public
 */
export const maturityApiRef = createApiRef<MaturityApi>({
  id: 'plugin.maturity.service',
});
