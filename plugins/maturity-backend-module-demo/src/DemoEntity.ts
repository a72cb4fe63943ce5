/**
 * A catalog entity the demo generates activity for.
 *
 * @public
 */
export interface DemoEntity {
  /** Full entity reference, e.g. `component:default/checkout-api`. */
  entityRef: string;
  /** The entity's `spec.type`, e.g. `service`, `website`, `library`. */
  type: string;
  /** The owning group's name, e.g. `payments`. */
  owner: string;
  /** The entity's `spec.lifecycle`, e.g. `production`, `experimental`. */
  lifecycle?: string;
  /** The entity's `metadata.tags`; `ml` marks a machine-learning component. */
  tags?: string[];
  /**
   * Whole days before today the component's activity began: a component new
   * to its team, with less history than the demo's year. Unset: active for
   * as long as the demo looks back.
   */
  activeDays?: number;
}

/**
 * Types that run somewhere and therefore deploy and page people. Libraries,
 * documentation and anything unknown only build and change.
 */
const DEPLOYABLE_TYPES = new Set([
  'service',
  'website',
  'ml-pipeline',
  'ml-model',
]);

/** True when the entity deploys and can have incidents. @internal */
export function isDeployable(entity: DemoEntity): boolean {
  return DEPLOYABLE_TYPES.has(entity.type) && !isNotebookPrototype(entity);
}

/** True for the entity that runs scheduled model training. @internal */
export function isMlPipeline(entity: DemoEntity): boolean {
  return entity.type === 'ml-pipeline';
}

/**
 * True for a machine-learning component (the rubric's MLOps track applies):
 * an ML type or the `ml` tag.
 *
 * @internal
 */
export function isMlEntity(entity: DemoEntity): boolean {
  return (
    entity.type === 'ml-pipeline' ||
    entity.type === 'ml-model' ||
    (entity.tags ?? []).includes('ml')
  );
}

/**
 * True for an ML experiment still run from notebooks: an experimental ML
 * component. It has no CI pipeline, no tests and no deploys yet.
 *
 * @internal
 */
export function isNotebookPrototype(entity: DemoEntity): boolean {
  return isMlEntity(entity) && entity.lifecycle === 'experimental';
}

/**
 * The entity's short name for external ids: the name alone for components in
 * the default namespace, otherwise kind and namespace too, so ids stay unique.
 *
 * @internal
 */
export function demoSlug(entityRef: string): string {
  const match = /^(?:([^:]+):)?(?:([^/]+)\/)?(.+)$/.exec(entityRef);
  const kind = (match?.[1] ?? 'component').toLocaleLowerCase('en-US');
  const namespace = match?.[2] ?? 'default';
  const name = match?.[3] ?? entityRef;
  return kind === 'component' && namespace === 'default'
    ? name
    : `${kind}.${namespace}.${name}`;
}

/**
 * How busy an entity is relative to its team's profile: experiments get less
 * attention and deprecated components almost none.
 *
 * @internal
 */
export function lifecycleActivity(entity: DemoEntity): number {
  switch (entity.lifecycle) {
    case 'experimental':
      return 0.6;
    case 'deprecated':
      return 0.2;
    default:
      return 1;
  }
}

/**
 * The group name of an owner given as a name (`payments`) or an entity
 * reference (`group:default/payments`, `group:payments`).
 *
 * @internal
 */
export function ownerGroupName(owner: string): string {
  return owner.slice(owner.lastIndexOf('/') + 1).replace(/^group:/i, '');
}
