import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogSnapshot } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { ServiceEntityMap, readServiceEntityMap } from './readServiceEntityMap';

/**
 * The service → entities map, re-read at every sync and, for webhooks, when
 * older than `maxAgeMs`.
 */
export class ServiceEntityIndex extends CatalogSnapshot<ServiceEntityMap> {
  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    maxAgeMs?: number;
  }) {
    super({
      read: () => readServiceEntityMap(options),
      maxAgeMs: options.maxAgeMs,
    });
  }
}
