import { Knex } from 'knex';
import { MetricsEntityContext } from './MetricsEntityContext';

/** Environment names that are production when no annotation says otherwise. */
export const DEFAULT_PRODUCTION_ENVIRONMENTS = ['prod', 'production', 'live'];

/** Whether `environment` is the production environment of the entity. */
export function isProductionEnvironment(
  entity: Pick<MetricsEntityContext, 'productionEnvironment'>,
  environment: string,
): boolean {
  const name = environment.toLowerCase();
  return entity.productionEnvironment
    ? name === entity.productionEnvironment.toLowerCase()
    : DEFAULT_PRODUCTION_ENVIRONMENTS.includes(name);
}

/**
 * A SQL condition, true when the deployment row under `alias` went to the
 * production environment of its entity, for a batch of entities: entities are
 * grouped by their production environment, so the condition has one term per
 * distinct annotation value, whatever the batch size.
 */
export function productionDeploymentCondition(
  db: Knex,
  alias: string,
  entities: ReadonlyArray<
    Pick<MetricsEntityContext, 'entityRef' | 'productionEnvironment'>
  >,
): Knex.Raw {
  const byEnvironment = new Map<string, string[]>();
  const unannotated: string[] = [];
  for (const entity of entities) {
    if (entity.productionEnvironment) {
      const key = entity.productionEnvironment.toLowerCase();
      byEnvironment.set(key, [
        ...(byEnvironment.get(key) ?? []),
        entity.entityRef,
      ]);
    } else {
      unannotated.push(entity.entityRef);
    }
  }
  const terms: string[] = [];
  const bindings: string[] = [];
  const refs = (list: string[]) => list.map(() => '?').join(', ');
  if (unannotated.length > 0) {
    terms.push(
      `(${alias}.entity_ref in (${refs(
        unannotated,
      )}) and lower(${alias}.environment) in (${refs(
        DEFAULT_PRODUCTION_ENVIRONMENTS,
      )}))`,
    );
    bindings.push(...unannotated, ...DEFAULT_PRODUCTION_ENVIRONMENTS);
  }
  for (const [environment, list] of byEnvironment) {
    terms.push(
      `(${alias}.entity_ref in (${refs(
        list,
      )}) and lower(${alias}.environment) = ?)`,
    );
    bindings.push(...list, environment);
  }
  return db.raw(terms.length ? `(${terms.join(' or ')})` : '(1 = 0)', bindings);
}
