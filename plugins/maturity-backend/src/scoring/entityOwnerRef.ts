import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';
import { canonicalEntityRef } from '@maturity-for-backstage/backstage-plugin-maturity-node';

function resolved(value: unknown, namespace: string): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return canonicalEntityRef(
      parseEntityRef(value, {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * An entity's owner as the catalog states it, canonical: its `spec.owner`
 * resolved as the catalog resolves it (a bare name is a Group of the
 * entity's namespace), else its first `ownedBy` relation (an owner a
 * processor gave it); undefined when it has none. The one rule for who owns
 * an entity: the evaluation stores it with each scorecard (`owner_ref`,
 * which rollups and campaigns count by) and notifications address it
 * (EntityOwners).
 */
export function entityOwnerRef(entity: Entity): string | undefined {
  const namespace = entity.metadata.namespace ?? 'default';
  const fromSpec = resolved(
    (entity.spec as Record<string, unknown> | undefined)?.owner,
    namespace,
  );
  if (fromSpec) return fromSpec;
  const relation = (entity.relations ?? []).find(
    r => r.type === RELATION_OWNED_BY,
  );
  return relation ? resolved(relation.targetRef, namespace) : undefined;
}
