import { AuthService } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
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
    if (!entity) return [];
    const owners = (entity.relations ?? [])
      .filter(r => r.type === RELATION_OWNED_BY)
      .map(r => r.targetRef);
    if (owners.length > 0) return owners;
    // Relations not computed yet (a fresh entity): its spec names the owner.
    const owner = entity.spec?.owner;
    if (typeof owner !== 'string' || owner === '') return [];
    return [
      stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      ),
    ];
  }
}
