/**
 * What the metrics engine needs to know about an entity besides its events.
 *
 * @internal
 */
export interface MetricsEntityContext {
  entityRef: string;
  /**
   * The `maturity.io/production-environment` annotation. Without it, the
   * environments named prod, production or live (any case) are production.
   */
  productionEnvironment?: string;
  /** Full entity ref of the owning group. */
  owner?: string;
  /**
   * Whether an incident tool is mapped to the entity by annotation. An entity
   * with any stored incident counts as connected as well.
   */
  hasIncidentSource: boolean;
}

/**
 * The entities and the window [from, to) metrics are computed for.
 *
 * @internal
 */
export interface MetricsWindow {
  entities: MetricsEntityContext[];
  from: Date;
  to: Date;
}
