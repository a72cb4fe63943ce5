import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  canonicalEntityKind,
  canonicalEntityRef,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';

/** A catalog group and its parent, by canonical ref. */
export interface CatalogGroup {
  ref: string;
  parentRef?: string;
}

/**
 * The first stage of an evaluation: what the catalog holds that the
 * evaluation and the rollups are about (the entities of the configured
 * kinds, each system's domain, the group tree), every ref canonical.
 */
export class CatalogScope {
  private readonly kinds: Set<string>;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      /** Entity kinds evaluated, any case. */
      kinds: string[];
    },
  ) {
    this.kinds = new Set(options.kinds.map(canonicalEntityKind));
  }

  private credentials() {
    return this.options.auth.getOwnServiceCredentials();
  }

  /** Every entity of the evaluated kinds. */
  async entities(): Promise<Entity[]> {
    const { items } = await this.options.catalog.getEntities(
      { filter: this.options.kinds.map(kind => ({ kind })) },
      { credentials: await this.credentials() },
    );
    return items;
  }

  /** The given entities that are still in the catalog and of an evaluated kind. */
  async entitiesByRefs(entityRefs: string[]): Promise<Entity[]> {
    const { items } = await this.options.catalog.getEntitiesByRefs(
      { entityRefs },
      { credentials: await this.credentials() },
    );
    return items.filter(
      (e): e is Entity => !!e && this.kinds.has(canonicalEntityKind(e.kind)),
    );
  }

  /** Each system's domain. */
  async systemDomains(): Promise<Map<string, string>> {
    const { items } = await this.options.catalog.getEntities(
      {
        filter: { kind: 'system' },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.domain'],
      },
      { credentials: await this.credentials() },
    );
    const map = new Map<string, string>();
    for (const system of items) {
      const domain = system.spec?.domain;
      if (typeof domain !== 'string') continue;
      map.set(
        canonicalEntityRef(system),
        canonicalEntityRef(
          parseEntityRef(domain, {
            defaultKind: 'domain',
            defaultNamespace: system.metadata.namespace ?? 'default',
          }),
        ),
      );
    }
    return map;
  }

  /** Every group with its parent. */
  async groups(): Promise<CatalogGroup[]> {
    const { items } = await this.options.catalog.getEntities(
      {
        filter: { kind: 'group' },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.parent'],
      },
      { credentials: await this.credentials() },
    );
    return items.map(group => {
      const namespace = group.metadata.namespace ?? 'default';
      const parent = group.spec?.parent;
      return {
        ref: canonicalEntityRef(group),
        parentRef:
          typeof parent === 'string'
            ? canonicalEntityRef(
                parseEntityRef(parent, {
                  defaultKind: 'group',
                  defaultNamespace: namespace,
                }),
              )
            : undefined,
      };
    });
  }
}
