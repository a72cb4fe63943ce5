import { AuthService } from '@backstage/backend-plugin-api';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogSnapshot } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { RepositoryMap, readRepositoryMap } from './readRepositoryMap';

/**
 * The repository → entities map, re-read at every sync and, for webhooks,
 * when older than `maxAgeMs`.
 */
export class RepositoryIndex extends CatalogSnapshot<RepositoryMap> {
  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    integrations: ScmIntegrationRegistry;
    maxAgeMs?: number;
  }) {
    super({
      read: () => readRepositoryMap(options),
      maxAgeMs: options.maxAgeMs,
    });
  }
}
