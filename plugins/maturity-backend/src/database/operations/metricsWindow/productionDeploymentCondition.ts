import { Knex } from 'knex';
import { MetricsEntityContext } from '../../MetricsWindow';

/** Environment names that are production when no annotation says otherwise. */
export const DEFAULT_PRODUCTION_ENVIRONMENTS = ['prod', 'production', 'live'];

/**
 * A SQL condition, true when the deployment row under `alias` went to the
 * production environment of its entity. Only for rows of the batch's own
 * entities (every caller filters on them): entities are grouped by their
 * production environment, and only annotated entities are named, so a batch
 * without annotations gets a plain environment test. A list of every ref of
 * the batch would be re-evaluated by each correlated probe (PostgreSQL sorts
 * an index condition's array on every rescan).
 */
export function productionDeploymentCondition(
  db: Knex,
  alias: string,
  entities: ReadonlyArray<
    Pick<MetricsEntityContext, 'entityRef' | 'productionEnvironment'>
  >,
): Knex.Raw {
  const byEnvironment = new Map<string, string[]>();
  let unannotated = 0;
  for (const entity of entities) {
    if (entity.productionEnvironment) {
      const key = entity.productionEnvironment.toLowerCase();
      byEnvironment.set(key, [
        ...(byEnvironment.get(key) ?? []),
        entity.entityRef,
      ]);
    } else {
      unannotated += 1;
    }
  }
  const annotated = [...byEnvironment.values()].flat();
  const terms: string[] = [];
  const bindings: string[] = [];
  const refs = (list: string[]) => list.map(() => '?').join(', ');
  const environment = `lower(${alias}.environment)`;
  if (unannotated > 0) {
    const defaults = `${environment} in (${refs(
      DEFAULT_PRODUCTION_ENVIRONMENTS,
    )})`;
    terms.push(
      annotated.length > 0
        ? `(${alias}.entity_ref not in (${refs(annotated)}) and ${defaults})`
        : defaults,
    );
    bindings.push(
      ...(annotated.length > 0 ? annotated : []),
      ...DEFAULT_PRODUCTION_ENVIRONMENTS,
    );
  }
  for (const [name, list] of byEnvironment) {
    terms.push(
      `(${alias}.entity_ref in (${refs(list)}) and ${environment} = ?)`,
    );
    bindings.push(...list, name);
  }
  return db.raw(terms.length ? `(${anyOf(terms)})` : '(1 = 0)', bindings);
}

/**
 * The terms joined by `or` as a balanced tree, in their order: SQLite
 * refuses an expression deeper than 1000, and a chain would be as deep as
 * a batch has production environments. PostgreSQL flattens either form.
 */
function anyOf(terms: string[]): string {
  if (terms.length === 1) return terms[0];
  const half = Math.ceil(terms.length / 2);
  return `(${anyOf(terms.slice(0, half))} or ${anyOf(terms.slice(half))})`;
}
