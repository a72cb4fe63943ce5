import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { readAnnotatedEntities } from '@maturity-for-backstage/backstage-plugin-maturity-node';

/** The annotation that maps a catalog entity to a PagerDuty service. */
export const PAGERDUTY_SERVICE_ID_ANNOTATION = 'pagerduty.com/service-id';

/** PagerDuty service id → the refs of the entities annotated with it. */
export type ServiceEntityMap = Map<string, string[]>;

/**
 * Reads the entities annotated with `pagerduty.com/service-id` in one
 * catalog call. One service may map to several entities; an entity names
 * one service.
 */
export async function readServiceEntityMap(options: {
  catalog: CatalogService;
  auth: AuthService;
}): Promise<ServiceEntityMap> {
  const groups = await readAnnotatedEntities({
    catalog: options.catalog,
    auth: options.auth,
    annotation: PAGERDUTY_SERVICE_ID_ANNOTATION,
  });
  const map: ServiceEntityMap = new Map();
  for (const [serviceId, annotated] of groups) {
    map.set(serviceId, annotated.map(a => a.entityRef).sort());
  }
  return map;
}
