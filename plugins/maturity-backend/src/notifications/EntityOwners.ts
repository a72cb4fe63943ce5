import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityOwnerRef } from '../scoring/entityOwnerRef';

/**
 * What a notifier knows of an entity's owner: the owner stored with its
 * scorecard by the latest evaluation (a string), that the evaluation found
 * none (null), or nothing (undefined: the catalog is asked).
 */
export type KnownOwner = string | null | undefined;

/**
 * Who owns an entity, as every notification addresses it: one rule, the
 * owner the catalog states (entityOwnerRef), which the evaluation also
 * stores with each scorecard (`owner_ref`) and rollups and campaign tallies
 * count by, so a notice goes to the group those show. A batch whose owners
 * are stored (fresh: written by the latest evaluation from the catalog)
 * needs no catalog call; the entities it knows nothing of are read from the
 * catalog, with the plugin's own credentials, in one call for the batch.
 */
export class EntityOwners {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      /** Where a failed catalog read is told. */
      logger: LoggerService;
    },
  ) {}

  /** The entity's owner read from the catalog, as a list; empty when none. */
  async ownersOf(entityRef: string): Promise<string[]> {
    const owner = (await this.readOwners([entityRef])).get(entityRef);
    return owner ? [owner] : [];
  }

  /**
   * Items grouped by the owner to notify, in first-seen order: what turns
   * ten entities of one group into one notification. An item's known owner
   * is used as it is; the owners of items with none known are read from the
   * catalog at once. Items whose entity has no owner are left out, or with
   * `unowned: 'entity'` addressed by their entity's ref (the notifications
   * backend looks for its owner). When the catalog cannot be read, the error
   * is logged and the items it was asked about are left out whatever
   * `unowned` says: nobody is known to address them to, so a caller that
   * records what it notified leaves them for its next run.
   */
  async groupByOwner<T>(
    items: T[],
    options: {
      entityRefOf: (item: T) => string;
      knownOwnerOf: (item: T) => KnownOwner;
      unowned?: 'skip' | 'entity';
    },
  ): Promise<Map<string, T[]>> {
    const { entityRefOf, knownOwnerOf, unowned = 'skip' } = options;
    const unknown = [
      ...new Set(
        items.filter(i => knownOwnerOf(i) === undefined).map(entityRefOf),
      ),
    ];
    let read = new Map<string, string>();
    let unread = false;
    if (unknown.length > 0) {
      try {
        read = await this.readOwners(unknown);
      } catch (error) {
        unread = true;
        this.options.logger.warn(
          `Owners of ${unknown.length} entities not read from the catalog, their notices left for the next run: ${error}`,
        );
      }
    }
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const known = knownOwnerOf(item);
      if (known === undefined && unread) continue;
      const owner =
        (known === undefined ? read.get(entityRefOf(item)) : known) ??
        (unowned === 'entity' ? entityRefOf(item) : undefined);
      if (!owner) continue;
      const group = groups.get(owner);
      if (group) group.push(item);
      else groups.set(owner, [item]);
    }
    return groups;
  }

  /** The owners the catalog states, by entity ref; none for an unknown entity. */
  private async readOwners(entityRefs: string[]): Promise<Map<string, string>> {
    const { catalog, auth } = this.options;
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'spec.owner',
          'relations',
        ],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const owners = new Map<string, string>();
    items.forEach((entity, index) => {
      const owner = entity ? entityOwnerRef(entity) : undefined;
      if (owner) owners.set(entityRefs[index], owner);
    });
    return owners;
  }
}
