import { GithubRepository } from '../../catalog/readRepositoryMap';

/**
 * The environments that are production when an entity names none: the
 * Maturity backend's rule (docs/scoring.md, "Linking"), repeated
 * here because the module must not import the backend.
 */
const DEFAULT_PRODUCTION_ENVIRONMENTS = ['prod', 'production', 'live'];

/**
 * Whether deployments to `environment` are production deployments of at
 * least one entity of the repository: its `maturity.io/production-environment`
 * annotation, else the default names, compared without case as the backend
 * compares them. Only those get their shipped commits read: the backend
 * links changes to production deployments alone, and other environments
 * (preview deployments, one per pull request) would cost a comparison each
 * for nothing.
 */
export function isProductionDeployment(
  repository: GithubRepository,
  environment: string,
): boolean {
  const name = environment.toLowerCase();
  return repository.entities.some(entity =>
    entity.productionEnvironment
      ? entity.productionEnvironment.toLowerCase() === name
      : DEFAULT_PRODUCTION_ENVIRONMENTS.includes(name),
  );
}
