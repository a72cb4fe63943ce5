import { parseEntityRef } from '@backstage/catalog-model';

/**
 * The app path of an entity's Maturity tab, `/catalog/<namespace>/<kind>/
 * <name>/maturity`: the tab both frontend systems mount on components and
 * on groups, systems and domains (the rollup). Relative, so the
 * notifications backend resolves it against `app.baseUrl`.
 */
export function maturityTabLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}/maturity`;
}

/** The entity's name, as a notification lists it. */
export function entityName(entityRef: string): string {
  return parseEntityRef(entityRef).name;
}
