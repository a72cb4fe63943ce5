import {
  AuthService,
  BackstageCredentials,
  BackstageServicePrincipal,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  canonicalEntityKind,
  canonicalEntityRef,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';

const SERVICE_CREDENTIALS: BackstageCredentials<BackstageServicePrincipal> = {
  $$type: '@backstage/BackstageCredentials',
  principal: { type: 'service', subject: 'plugin:maturity' },
};

type KindFilter = { kind?: string | string[] };

function kindsOf(filter: unknown): Set<string> | undefined {
  if (!filter) return undefined;
  const filters = (Array.isArray(filter) ? filter : [filter]) as KindFilter[];
  const kinds = new Set<string>();
  for (const f of filters) {
    for (const kind of [f.kind ?? []].flat()) {
      kinds.add(canonicalEntityKind(kind));
    }
  }
  return kinds;
}

/**
 * An in-memory catalog holding the benchmark organisation. It answers the
 * two calls the evaluator makes: entities by kind (`fields` is ignored, so
 * every call returns whole entities) and entities by ref. Each answer is a
 * fresh copy, as a catalog client deserialising a response would return.
 */
export function createBenchCatalogService(entities: Entity[]): CatalogService {
  const byRef = new Map(entities.map(e => [canonicalEntityRef(e), e]));
  const unsupported = async () => {
    throw new Error('Not part of the benchmark catalog');
  };
  return {
    async getEntities(request?: { filter?: unknown }) {
      const kinds = kindsOf(request?.filter);
      const items = entities.filter(
        e => !kinds || kinds.has(canonicalEntityKind(e.kind)),
      );
      return { items: structuredClone(items) };
    },
    async getEntitiesByRefs(request: { entityRefs: string[] }) {
      return {
        items: request.entityRefs.map(ref => {
          const entity = byRef.get(canonicalEntityRef(ref));
          return entity ? structuredClone(entity) : undefined;
        }),
      };
    },
    queryEntities: unsupported,
    getEntityAncestors: unsupported,
    getEntityByRef: unsupported,
    removeEntityByUid: unsupported,
    refreshEntity: unsupported,
    getEntityFacets: unsupported,
    getLocations: unsupported,
    queryLocations: unsupported,
    streamLocations: unsupported,
    streamEntities: unsupported,
    getLocationById: unsupported,
    getLocationByRef: unsupported,
    addLocation: unsupported,
    removeLocationById: unsupported,
    getLocationByEntity: unsupported,
    validateEntity: unsupported,
    analyzeLocation: unsupported,
  } as unknown as CatalogService;
}

/** The plugin's own service identity, all the evaluator asks auth for. */
export function createBenchAuthService(): AuthService {
  return {
    getOwnServiceCredentials: async () => SERVICE_CREDENTIALS,
  } as unknown as AuthService;
}

/** Every HTTP caller is the same service; nothing is checked. */
export function createBenchHttpAuthService(): HttpAuthService {
  return {
    credentials: async () => SERVICE_CREDENTIALS,
    issueUserCookie: async () => ({ expiresAt: new Date() }),
  } as unknown as HttpAuthService;
}

/** Allows every permission. */
export function createBenchPermissionsService(): PermissionsService {
  return {
    authorize: async (requests: unknown[]) =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    authorizeConditional: async (requests: unknown[]) =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  } as unknown as PermissionsService;
}

/** A logger that keeps quiet unless `verbose`. */
export function createBenchLogger(verbose: boolean): LoggerService {
  const write = (level: string) => (message: string, meta?: Error | object) => {
    if (verbose) {
      process.stderr.write(
        `[${level}] ${message}${meta ? ` ${JSON.stringify(meta)}` : ''}\n`,
      );
    }
  };
  const logger: LoggerService = {
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: () => {},
    child: () => logger,
  };
  return logger;
}
