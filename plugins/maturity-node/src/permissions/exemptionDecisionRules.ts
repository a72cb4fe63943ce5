import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';

/**
 * A catalog-style filter on entities: what a rule would select in a query
 * (the Maturity plugin only applies rules to one loaded entity).
 * @public
 */
export type MaturityEntityFilter = { key: string; values: string[] };

/**
 * The catalog entities whose exemptions `maturity.exemption.decide` guards,
 * as the Maturity plugin resolves conditions on them: it loads the entity
 * from the catalog and applies these rules.
 * @public
 */
export const maturityEntityPermissionResourceRef = createPermissionResourceRef<
  Entity,
  MaturityEntityFilter
>().with({ pluginId: 'maturity', resourceType: 'catalog-entity' });

const ownedBy = (entity: Entity) =>
  (entity.relations ?? [])
    .filter(relation => relation.type === RELATION_OWNED_BY)
    .map(relation => relation.targetRef);

/**
 * Entities owned by one of the claims (e.g. the user's ownership refs):
 * any of the entity's `ownedBy` relations, as the catalog's own
 * `IS_ENTITY_OWNER` rule matches, so a policy gives the same answer with
 * either. (Notices count an entity under one owner, `spec.owner` first.)
 * @public
 */
export const isEntityOwner = createPermissionRule({
  name: 'IS_ENTITY_OWNER',
  description: 'Entities owned by one of the given claims (entity refs)',
  resourceRef: maturityEntityPermissionResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe(`Entity refs to match within ${RELATION_OWNED_BY}`),
  }),
  apply: (entity, { claims }) => ownedBy(entity).some(o => claims.includes(o)),
  toQuery: ({ claims }) => ({ key: 'relations.ownedBy', values: claims }),
});

/**
 * Entities of one of the given kinds (case-insensitive).
 * @public
 */
export const isEntityKind = createPermissionRule({
  name: 'IS_ENTITY_KIND',
  description: 'Entities of one of the given kinds',
  resourceRef: maturityEntityPermissionResourceRef,
  paramsSchema: z.object({
    kinds: z.array(z.string()).describe('Kinds, e.g. Component'),
  }),
  apply: (entity, { kinds }) =>
    kinds.some(
      k =>
        k.toLocaleLowerCase('en-US') === entity.kind.toLocaleLowerCase('en-US'),
    ),
  toQuery: ({ kinds }) => ({ key: 'kind', values: kinds }),
});

/**
 * Entities in one of the given namespaces.
 * @public
 */
export const isInNamespace = createPermissionRule({
  name: 'IS_IN_NAMESPACE',
  description: 'Entities in one of the given namespaces',
  resourceRef: maturityEntityPermissionResourceRef,
  paramsSchema: z.object({
    namespaces: z.array(z.string()).describe('Namespaces, e.g. default'),
  }),
  apply: (entity, { namespaces }) =>
    namespaces.includes(entity.metadata.namespace ?? 'default'),
  toQuery: ({ namespaces }) => ({
    key: 'metadata.namespace',
    values: namespaces,
  }),
});

/**
 * The rules the Maturity plugin registers for its `catalog-entity` resource.
 * @public
 */
export const maturityEntityPermissionRules = {
  isEntityOwner,
  isEntityKind,
  isInNamespace,
};

const conditionExports = createConditionExports({
  resourceRef: maturityEntityPermissionResourceRef,
  rules: maturityEntityPermissionRules,
});

/**
 * Conditions for policies deciding `maturity.exemption.decide`, e.g.
 * `maturityEntityConditions.isEntityOwner({ claims })`.
 * @public
 */
export const maturityEntityConditions = conditionExports.conditions;

/**
 * Wraps conditions on an entity into a conditional decision the Maturity
 * plugin resolves.
 * @public
 */
export const createMaturityEntityConditionalDecision =
  conditionExports.createConditionalDecision;
