import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityActivitySummary,
  MaturityEventPage,
} from '@internal/plugin-maturity-common';
import {
  GetEntityEventsOptions,
  MaturityApi,
  MaturityEntityRef,
  MaturityTimeWindow,
} from './MaturityApi';

/**
 * {@link MaturityApi} over the Maturity backend's REST API.
 *
 * @public
 */
export class MaturityClient implements MaturityApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityActivity(
    entityRef: MaturityEntityRef,
    window: MaturityTimeWindow = {},
  ): Promise<EntityActivitySummary> {
    const query = new URLSearchParams();
    appendWindow(query, window);
    return this.get<EntityActivitySummary>(
      `${entityPath(entityRef)}/activity`,
      query,
    );
  }

  async getEntityEvents(
    entityRef: MaturityEntityRef,
    options: GetEntityEventsOptions = {},
  ): Promise<MaturityEventPage> {
    const query = new URLSearchParams();
    for (const type of options.types ?? []) {
      query.append('type', type);
    }
    appendWindow(query, options);
    if (options.limit !== undefined) {
      query.set('limit', String(options.limit));
    }
    if (options.cursor) {
      query.set('cursor', options.cursor);
    }
    return this.get<MaturityEventPage>(
      `${entityPath(entityRef)}/events`,
      query,
    );
  }

  private async get<T>(path: string, query: URLSearchParams): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('maturity');
    const search = query.toString();
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/**
 * `/v1/entities/{kind}/{namespace}/{name}`. Entity references compare
 * case-insensitively; each part is sent in the lowercase form
 * `stringifyEntityRef` gives, URL-encoded.
 */
function entityPath(entityRef: MaturityEntityRef): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/v1/entities/${[kind, namespace, name]
    .map(part => encodeURIComponent(part.toLocaleLowerCase('en-US')))
    .join('/')}`;
}

function appendWindow(query: URLSearchParams, window: MaturityTimeWindow) {
  if (window.from) {
    query.set('from', window.from);
  }
  if (window.to) {
    query.set('to', window.to);
  }
}
