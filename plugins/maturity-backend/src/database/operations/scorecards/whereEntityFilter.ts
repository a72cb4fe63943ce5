import {
  canonicalEntityKind,
  EntityFilter,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';

/** `like` pattern text matching `text` literally (with `escape '\'`). */
const literal = (text: string) => text.replace(/[\\%_]/g, c => `\\${c}`);

/**
 * Restricts a query on `scorecards` to the entities an `EntityFilter`
 * covers: the scorecard list's filters and a campaign's scope, one
 * definition for both. Each listed dimension accepts any of its values;
 * dimensions combine with `and`; an empty or absent one accepts all.
 *
 * - Owners: `ownerRefs` when given (not empty), else `filter.owners`. Sub-groups are
 *   the catalog's to know, so with `includeSubgroups` the caller resolves
 *   them and passes the owners with their descendants as `ownerRefs`.
 * - Refs (owners, systems, domains) are compared as given: canonical, as
 *   stored. Kinds and tags are lowercased, as stored.
 * - Tags: the `tags` column is a JSON array of strings; a tag matches when
 *   its JSON string, quotes included, is in it, which is exact on both
 *   engines without their JSON functions (a tag cannot match inside
 *   another: the quotes bound it). Rows evaluated before tags were kept
 *   have none and match no tag.
 *
 * `table` qualifies the columns when the query joins other tables.
 */
export function whereEntityFilter(
  query: Knex.QueryBuilder,
  filter: EntityFilter,
  options: { ownerRefs?: string[]; table?: string } = {},
): Knex.QueryBuilder {
  const column = (name: string) =>
    options.table ? `${options.table}.${name}` : name;
  const accepted = (values: string[] | undefined) =>
    values && values.length > 0 ? values : undefined;

  const owners = accepted(options.ownerRefs) ?? accepted(filter.owners);
  if (owners) query.whereIn(column('owner_ref'), owners);
  const systems = accepted(filter.systems);
  if (systems) query.whereIn(column('system_ref'), systems);
  const domains = accepted(filter.domains);
  if (domains) query.whereIn(column('domain_ref'), domains);
  const kinds = accepted(filter.kinds);
  if (kinds) query.whereIn(column('kind'), kinds.map(canonicalEntityKind));
  const lifecycles = accepted(filter.lifecycles);
  if (lifecycles) query.whereIn(column('lifecycle'), lifecycles);
  const types = accepted(filter.types);
  if (types) query.whereIn(column('type'), types);
  const tags = accepted(filter.tags);
  if (tags) {
    query.where(anyTag => {
      for (const tag of tags) {
        anyTag.orWhereRaw("?? like ? escape '\\'", [
          column('tags'),
          `%${literal(JSON.stringify(tag.toLowerCase()))}%`,
        ]);
      }
    });
  }
  return query;
}
