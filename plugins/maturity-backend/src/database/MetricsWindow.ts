/**
 * What the metrics need to know about an entity besides its events.
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
   * Whether an incident tool is connected to the entity, as the evaluation
   * decided it (mapped by annotation, or any stored incident): without
   * one, no incident is no evidence of stability.
   */
  hasIncidentSource: boolean;
}

/**
 * The entities and the window [from, to) metrics are computed for.
 *
 * @internal
 */
export interface MetricsWindow {
  entities: Array<Omit<MetricsEntityContext, 'hasIncidentSource'>>;
  from: Date;
  to: Date;
  /**
   * Start of the previous window for author continuity, which ends at
   * `from`; by default a window as long as this one.
   */
  previousFrom?: Date;
}
