/**
 * An entity reference the Maturity plugin can canonicalise: a full ref
 * string (`kind:namespace/name`), the compound form, or an entity.
 *
 * @public
 */
export type CanonicalizableEntityRef =
  | string
  | { kind: string; namespace?: string; name: string }
  | { kind: string; metadata: { namespace?: string; name: string } };

// toLowerCase is Unicode's default mapping whatever the host's locale, so a
// browser or server in a Turkish locale spells `I` as everyone else does
// (the same result as en-US's mapping, several times faster: every ref of
// every evaluation comes through here).
const lower = (text: string) => text.toLowerCase();

/**
 * The one spelling of an entity ref the Maturity plugin stores, compares and
 * sends: the catalog treats refs case-insensitively, so every table and
 * every request keys on the lowercased `kind:namespace/name`. A string is
 * taken as a full ref and only lowercased; the compound form and an entity
 * get the `default` namespace when they have none. No kind is assumed.
 *
 * Free of `@backstage/catalog-model` so both the frontend and the backend
 * share it; it spells refs as that package's `stringifyEntityRef` does.
 *
 * @public
 */
export function canonicalEntityRef(ref: CanonicalizableEntityRef): string {
  if (typeof ref === 'string') {
    return lower(ref);
  }
  const { kind } = ref;
  const { namespace, name } = 'metadata' in ref ? ref.metadata : ref;
  return lower(`${kind}:${namespace ?? 'default'}/${name}`);
}

/**
 * An entity kind as the plugin compares and stores it (lowercased, as the
 * kind part of a canonical ref).
 *
 * @public
 */
export function canonicalEntityKind(kind: string): string {
  return lower(kind);
}
