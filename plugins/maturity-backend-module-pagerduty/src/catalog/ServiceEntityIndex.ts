import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ServiceEntityMap, readServiceEntityMap } from './readServiceEntityMap';

/**
 * The service → entities map, re-read at every sync and, for webhooks, when
 * older than `maxAgeMs`.
 */
export class ServiceEntityIndex {
  private cached?: { map: ServiceEntityMap; at: number };

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      maxAgeMs?: number;
    },
  ) {}

  async refresh(): Promise<ServiceEntityMap> {
    const map = await readServiceEntityMap(this.options);
    this.cached = { map, at: Date.now() };
    return map;
  }

  async get(): Promise<ServiceEntityMap> {
    const maxAge = this.options.maxAgeMs ?? 5 * 60 * 1000;
    if (this.cached && Date.now() - this.cached.at < maxAge) {
      return this.cached.map;
    }
    return this.refresh();
  }
}
