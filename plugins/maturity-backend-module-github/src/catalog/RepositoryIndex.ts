import { AuthService } from '@backstage/backend-plugin-api';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { RepositoryMap, readRepositoryMap } from './readRepositoryMap';

/**
 * The repository → entities map, re-read at every sync and, for webhooks,
 * when older than `maxAgeMs`.
 */
export class RepositoryIndex {
  private cached?: { map: RepositoryMap; at: number };

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      integrations: ScmIntegrationRegistry;
      maxAgeMs?: number;
    },
  ) {}

  async refresh(): Promise<RepositoryMap> {
    const map = await readRepositoryMap(this.options);
    this.cached = { map, at: Date.now() };
    return map;
  }

  async get(): Promise<RepositoryMap> {
    const maxAge = this.options.maxAgeMs ?? 5 * 60 * 1000;
    if (this.cached && Date.now() - this.cached.at < maxAge) {
      return this.cached.map;
    }
    return this.refresh();
  }
}
