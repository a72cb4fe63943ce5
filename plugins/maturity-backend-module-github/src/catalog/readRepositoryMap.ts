import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { readAnnotatedEntities } from '@maturity-for-backstage/backstage-plugin-maturity-node';

/** The annotation that maps a catalog entity to a GitHub repository. */
export const GITHUB_PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';
/** A path inside a monorepository that belongs to the entity. */
export const GITHUB_PATH_ANNOTATION = 'maturity.io/github-path';
/**
 * The entity's production environment, as the Maturity backend reads it
 * (docs/scoring.md, "Linking"); without it, `prod`, `production`
 * or `live`.
 */
export const PRODUCTION_ENVIRONMENT_ANNOTATION =
  'maturity.io/production-environment';
/** Where the entity's source lives; names a GitHub Enterprise host. */
export const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';

/** One entity mapped to a repository. */
export interface RepositoryEntity {
  entityRef: string;
  /**
   * `maturity.io/github-path`, without a leading `./` or `/` and without a
   * trailing `/`.
   */
  path?: string;
  /**
   * `maturity.io/production-environment`: the deployments whose commits
   * are read for it (see `isProductionDeployment`).
   */
  productionEnvironment?: string;
}

/** A GitHub repository and the entities annotated with it. */
export interface GithubRepository {
  /** e.g. github.com or ghe.example.com */
  host: string;
  owner: string;
  repo: string;
  /** REST API base, e.g. https://api.github.com */
  apiBaseUrl: string;
  /** The repository's web URL, which credentials are looked up by. */
  url: string;
  /** Cursor scope: `owner/repo` on github.com, `host/owner/repo` elsewhere. */
  scope: string;
  entities: RepositoryEntity[];
}

/** Cursor scope → repository. */
export type RepositoryMap = Map<string, GithubRepository>;

/**
 * The cursor scope of a repository, which keys the repository map:
 * `owner/repo` on github.com, `host/owner/repo` elsewhere, lower case.
 */
export function repositoryScope(host: string, fullName: string): string {
  const name = fullName.toLocaleLowerCase('en-US');
  return host === 'github.com' ? name : `${host}/${name}`;
}

const SLUG = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/;

/**
 * The host of an entity's repository: github.com, unless its source
 * location points at another host that has a GitHub integration.
 */
function hostOf(entity: Entity, integrations: ScmIntegrationRegistry) {
  const location = entity.metadata.annotations?.[SOURCE_LOCATION_ANNOTATION];
  const target = location?.replace(/^url:/, '');
  if (target) {
    try {
      const host = new URL(target).host;
      if (host && integrations.github.byHost(host)) return host;
    } catch {
      // Not a URL: fall back to github.com.
    }
  }
  return 'github.com';
}

function apiBaseUrlOf(host: string, integrations: ScmIntegrationRegistry) {
  const configured = integrations.github.byHost(host)?.config.apiBaseUrl;
  if (configured) return configured.replace(/\/+$/, '');
  return host === 'github.com'
    ? 'https://api.github.com'
    : `https://${host}/api/v3`;
}

/**
 * Maps one entity to its repository key and details, or undefined when it
 * has no usable `github.com/project-slug`.
 */
export function repositoryOf(
  entity: Entity,
  integrations: ScmIntegrationRegistry,
): Omit<GithubRepository, 'entities'> | undefined {
  const slug =
    entity.metadata.annotations?.[GITHUB_PROJECT_SLUG_ANNOTATION]?.trim();
  const match = slug ? SLUG.exec(slug) : null;
  if (!match) return undefined;
  const [, owner, repo] = match;
  const host = hostOf(entity, integrations);
  return {
    host,
    owner,
    repo,
    apiBaseUrl: apiBaseUrlOf(host, integrations),
    url: `https://${host}/${owner}/${repo}`,
    scope: repositoryScope(host, `${owner}/${repo}`),
  };
}

/**
 * Reads the entities annotated with `github.com/project-slug` in one catalog
 * call and groups them by repository. Several entities may share a
 * repository (a monorepo); each gets the repository's events.
 */
export async function readRepositoryMap(options: {
  catalog: CatalogService;
  auth: AuthService;
  integrations: ScmIntegrationRegistry;
}): Promise<RepositoryMap> {
  const groups = await readAnnotatedEntities({
    catalog: options.catalog,
    auth: options.auth,
    annotation: GITHUB_PROJECT_SLUG_ANNOTATION,
    groupBy: ({ entity }) => repositoryOf(entity, options.integrations)?.scope,
  });

  const map: RepositoryMap = new Map();
  for (const [scope, annotated] of groups) {
    // The first entity in catalog order names the repository.
    const repository = repositoryOf(annotated[0].entity, options.integrations)!;
    const entities = annotated.map(({ entity, entityRef }) => {
      const path = entity.metadata.annotations?.[
        GITHUB_PATH_ANNOTATION
      ]?.trim().replace(/^(\.?\/)+|\/+$/g, '');
      const productionEnvironment =
        entity.metadata.annotations?.[
          PRODUCTION_ENVIRONMENT_ANNOTATION
        ]?.trim();
      return {
        entityRef,
        ...(path ? { path } : {}),
        ...(productionEnvironment ? { productionEnvironment } : {}),
      };
    });
    entities.sort((a, b) => a.entityRef.localeCompare(b.entityRef));
    map.set(scope, { ...repository, entities });
  }
  return map;
}
