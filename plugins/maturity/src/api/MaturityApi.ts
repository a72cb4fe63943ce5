import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  EntityActivitySummary,
  MaturityEventPage,
  MaturityEventType,
} from '@internal/plugin-maturity-common';

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
}

/**
 * The API reference of {@link MaturityApi}.
 *
 * @public
 */
export const maturityApiRef = createApiRef<MaturityApi>({
  id: 'plugin.maturity.service',
});
