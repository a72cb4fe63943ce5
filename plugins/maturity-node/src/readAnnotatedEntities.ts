import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * A catalog entity that carries a source's annotation.
 * @public
 */
export interface AnnotatedEntity {
  /** Only kind, namespace, name and annotations are read. */
  entity: Entity;
  entityRef: string;
  /** The annotation's value, trimmed; never empty. */
  value: string;
}

/**
 * Reads the catalog entities that carry `annotation` in one call, as the
 * plugin's own service (only the fields needed; the annotation is matched
 * here), and groups them by `groupBy`: by default the annotation's value,
 * e.g. a PagerDuty service id. An entity `groupBy` maps to undefined is left
 * out, and so is one whose annotation is blank. Groups and the entities in
 * each keep catalog order.
 * @public
 */
export async function readAnnotatedEntities(options: {
  catalog: CatalogService;
  auth: AuthService;
  annotation: string;
  groupBy?: (annotated: AnnotatedEntity) => string | undefined;
}): Promise<Map<string, AnnotatedEntity[]>> {
  const { catalog, auth, annotation } = options;
  const groupBy = options.groupBy ?? (annotated => annotated.value);
  const { items } = await catalog.getEntities(
    {
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.annotations',
      ],
    },
    { credentials: await auth.getOwnServiceCredentials() },
  );

  const groups = new Map<string, AnnotatedEntity[]>();
  for (const entity of items) {
    const value = entity.metadata.annotations?.[annotation]?.trim();
    if (!value) continue;
    const annotated = { entity, entityRef: stringifyEntityRef(entity), value };
    const key = groupBy(annotated);
    if (key === undefined) continue;
    const group = groups.get(key) ?? [];
    group.push(annotated);
    groups.set(key, group);
  }
  return groups;
}
