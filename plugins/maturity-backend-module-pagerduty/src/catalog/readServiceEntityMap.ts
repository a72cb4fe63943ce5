import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** The annotation that maps a catalog entity to a PagerDuty service. */
export const PAGERDUTY_SERVICE_ID_ANNOTATION = 'pagerduty.com/service-id';

/** PagerDuty service id → the refs of the entities annotated with it. */
export type ServiceEntityMap = Map<string, string[]>;

/**
 * Reads the entities annotated with `pagerduty.com/service-id` in one
 * catalog call (only the fields it needs; the annotation is matched here, as
 * an exists-filter needs `@backstage/catalog-client`). One service may map to several entities; an entity names
 * one service.
 */
export async function readServiceEntityMap(options: {
  catalog: CatalogService;
  auth: AuthService;
}): Promise<ServiceEntityMap> {
  const { items } = await options.catalog.getEntities(
    {
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.annotations',
      ],
    },
    { credentials: await options.auth.getOwnServiceCredentials() },
  );

  const map: ServiceEntityMap = new Map();
  for (const entity of items) {
    const serviceId =
      entity.metadata.annotations?.[PAGERDUTY_SERVICE_ID_ANNOTATION]?.trim();
    if (!serviceId) continue;
    const refs = map.get(serviceId) ?? [];
    refs.push(stringifyEntityRef(entity));
    map.set(serviceId, refs);
  }
  for (const refs of map.values()) refs.sort();
  return map;
}
