import { AuthService } from '@backstage/backend-plugin-api';
import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Who owns an entity, as notifications address it. */
export interface EntityOwners {
  /** The entity's owners (its `ownedBy` relations); empty when unknown. */
  ownersOf(entityRef: string): Promise<string[]>;
}

/** Owners from the catalog, read with the plugin's own credentials. */
export class CatalogEntityOwners implements EntityOwners {
  constructor(
    private readonly options: { catalog: CatalogService; auth: AuthService },
  ) {}

  async ownersOf(entityRef: string): Promise<string[]> {
    const { catalog, auth } = this.options;
    const entity = await catalog.getEntityByRef(entityRef, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    return (entity?.relations ?? [])
      .filter(r => r.type === RELATION_OWNED_BY)
      .map(r => r.targetRef);
  }
}
