import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ApproveExemptionRequest,
  Campaign,
  CampaignEntityPage,
  CampaignInput,
  CampaignList,
  CampaignProgress,
  canonicalEntityRef,
  CreateExemptionRequest,
  DenyExemptionRequest,
  EntityActivitySummary,
  EntityCampaignList,
  EntityMetrics,
  Exemption,
  ExemptionEvent,
  ListScorecardsQuery,
  MaturityEventPage,
  Rollup,
  Rubric,
  RubricPreview,
  Scorecard,
  ScorecardHistoryPoint,
  ScorecardPage,
  StoredMaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  GetEntityEventsOptions,
  ListCampaignEntitiesOptions,
  ListCampaignsOptions,
  MaturityApi,
  MaturityEntityRef,
  MaturityTimeWindow,
} from './MaturityApi';

/** Most ids the backend reads in one request (the spec's `maxItems`). */
const MAX_IDS_PER_REQUEST = 100;

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

  async getEntityEventsById(
    entityRef: MaturityEntityRef,
    ids: string[],
    window: MaturityTimeWindow = {},
  ): Promise<{ items: StoredMaturityEvent[] }> {
    const wanted = [...new Set(ids)];
    const requests: Array<Promise<{ items: StoredMaturityEvent[] }>> = [];
    for (let i = 0; i < wanted.length; i += MAX_IDS_PER_REQUEST) {
      const query = new URLSearchParams();
      for (const id of wanted.slice(i, i + MAX_IDS_PER_REQUEST)) {
        query.append('id', id);
      }
      appendWindow(query, window);
      requests.push(this.get(`${entityPath(entityRef)}/events/by-id`, query));
    }
    const pages = await Promise.all(requests);
    return { items: pages.flatMap(page => page.items) };
  }

  async getScorecard(entityRef: MaturityEntityRef): Promise<Scorecard> {
    return this.get<Scorecard>(`${entityPath(entityRef)}/scorecard`);
  }

  async getMetrics(entityRef: MaturityEntityRef): Promise<EntityMetrics> {
    return this.get<EntityMetrics>(`${entityPath(entityRef)}/metrics`);
  }

  async getHistory(
    entityRef: MaturityEntityRef,
    window: MaturityTimeWindow = {},
  ): Promise<{ items: ScorecardHistoryPoint[] }> {
    const query = new URLSearchParams();
    appendWindow(query, window);
    return this.get(`${entityPath(entityRef)}/history`, query);
  }

  async refreshScorecard(entityRef: MaturityEntityRef): Promise<Scorecard> {
    const response = await this.send(
      'POST',
      `${entityPath(entityRef)}/refresh`,
    );
    return (await response.json()) as Scorecard;
  }

  async listExemptions(
    entityRef: MaturityEntityRef,
  ): Promise<{ items: Exemption[] }> {
    return this.get(`${entityPath(entityRef)}/exemptions`);
  }

  async createExemption(
    entityRef: MaturityEntityRef,
    request: CreateExemptionRequest,
  ): Promise<Exemption> {
    const response = await this.send(
      'POST',
      `${entityPath(entityRef)}/exemptions`,
      request,
    );
    return (await response.json()) as Exemption;
  }

  async listExemptionEvents(
    entityRef: MaturityEntityRef,
  ): Promise<{ items: ExemptionEvent[] }> {
    return this.get(`${entityPath(entityRef)}/exemption-events`);
  }

  async approveExemption(
    id: string,
    request: ApproveExemptionRequest = {},
  ): Promise<Exemption> {
    return this.decide(id, 'approve', request);
  }

  async denyExemption(
    id: string,
    request: DenyExemptionRequest,
  ): Promise<Exemption> {
    return this.decide(id, 'deny', request);
  }

  async withdrawExemption(id: string): Promise<Exemption> {
    return this.decide(id, 'withdraw', {});
  }

  async revokeExemption(id: string, comment?: string): Promise<void> {
    await this.decide(id, 'revoke', comment ? { comment } : {});
  }

  private async decide(
    id: string,
    action: 'approve' | 'deny' | 'withdraw' | 'revoke',
    body: object,
  ): Promise<Exemption> {
    const response = await this.send(
      'POST',
      `/v1/exemptions/${encodeURIComponent(id)}/${action}`,
      body,
    );
    return (await response.json()) as Exemption;
  }

  async listScorecards(
    query: ListScorecardsQuery = {},
  ): Promise<ScorecardPage> {
    return this.get<ScorecardPage>('/v1/scorecards', scorecardsQuery(query));
  }

  async exportScorecardsCsv(query: ListScorecardsQuery = {}): Promise<string> {
    const search = scorecardsQuery(query);
    search.set('format', 'csv');
    const response = await this.fetch('/v1/scorecards', search);
    return response.text();
  }

  async getOrgRollup(): Promise<Rollup> {
    return this.get<Rollup>('/v1/rollups/org');
  }

  async getRollup(scopeRef: MaturityEntityRef): Promise<Rollup> {
    return this.get<Rollup>(`/v1/rollups/${entityParts(scopeRef)}`);
  }

  async getRubric(): Promise<Rubric> {
    return this.get<Rubric>('/v1/rubric');
  }

  async previewRubric(
    rubric: Record<string, unknown>,
    page: { limit?: number; offset?: number } = {},
  ): Promise<RubricPreview> {
    const search = new URLSearchParams();
    if (page.limit !== undefined) search.set('limit', String(page.limit));
    if (page.offset !== undefined) search.set('offset', String(page.offset));
    const query = search.toString();
    const response = await this.send(
      'POST',
      `/v1/rubric/preview${query ? `?${query}` : ''}`,
      { rubric },
    );
    return (await response.json()) as RubricPreview;
  }

  async listCampaigns(query: ListCampaignsOptions = {}): Promise<CampaignList> {
    const search = new URLSearchParams();
    if (query.team) search.set('team', query.team);
    for (const status of query.status ?? []) search.append('status', status);
    if (query.limit !== undefined) search.set('limit', String(query.limit));
    if (query.offset !== undefined) search.set('offset', String(query.offset));
    return this.get<CampaignList>('/v1/campaigns', search);
  }

  async getCampaign(id: string): Promise<CampaignProgress> {
    return this.get<CampaignProgress>(campaignPath(id));
  }

  async createCampaign(input: CampaignInput): Promise<Campaign> {
    const response = await this.send('POST', '/v1/campaigns', input);
    return (await response.json()) as Campaign;
  }

  async updateCampaign(id: string, input: CampaignInput): Promise<Campaign> {
    const response = await this.send('PUT', campaignPath(id), input);
    return (await response.json()) as Campaign;
  }

  async deleteCampaign(id: string): Promise<void> {
    await this.send('DELETE', campaignPath(id));
  }

  async listCampaignEntities(
    id: string,
    options: ListCampaignEntitiesOptions = {},
  ): Promise<CampaignEntityPage> {
    const search = new URLSearchParams();
    if (options.meetsGoal !== undefined) {
      search.set('meetsGoal', String(options.meetsGoal));
    }
    if (options.owner) search.set('owner', options.owner);
    if (options.limit !== undefined) search.set('limit', String(options.limit));
    if (options.offset !== undefined) {
      search.set('offset', String(options.offset));
    }
    return this.get<CampaignEntityPage>(`${campaignPath(id)}/entities`, search);
  }

  async listEntityCampaigns(
    entityRef: MaturityEntityRef,
  ): Promise<EntityCampaignList> {
    return this.get<EntityCampaignList>(`${entityPath(entityRef)}/campaigns`);
  }

  private async get<T>(
    path: string,
    query: URLSearchParams = new URLSearchParams(),
  ): Promise<T> {
    const response = await this.fetch(path, query);
    return (await response.json()) as T;
  }

  private async fetch(path: string, query: URLSearchParams): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('maturity');
    const search = query.toString();
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }

  private async send(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('maturity');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : {
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

/** The query string of the scorecard list; unset filters are left out. */
function scorecardsQuery(query: ListScorecardsQuery): URLSearchParams {
  const search = new URLSearchParams();
  for (const owner of query.owner ?? []) {
    search.append('owner', owner);
  }
  if (query.includeSubgroups) {
    search.set('includeSubgroups', 'true');
  }
  const scalars: Array<keyof ListScorecardsQuery> = [
    'system',
    'domain',
    'kind',
    'lifecycle',
    'minLevel',
    'maxLevel',
    'minMlopsLevel',
    'maxMlopsLevel',
    'q',
    'failingCheck',
    'waivedCheck',
    'deliveryBand',
    'levels',
    'orderBy',
    'order',
    'limit',
    'offset',
  ];
  for (const key of scalars) {
    const value = query[key];
    if (value !== undefined && value !== '') {
      search.set(key, String(value));
    }
  }
  return search;
}

/** `/v1/campaigns/{id}`, the id URL-encoded. */
function campaignPath(id: string): string {
  return `/v1/campaigns/${encodeURIComponent(id)}`;
}

/**
 * `/v1/entities/{kind}/{namespace}/{name}`. Entity references compare
 * case-insensitively; each part is sent as the canonical ref spells it,
 * URL-encoded.
 */
function entityPath(entityRef: MaturityEntityRef): string {
  return `/v1/entities/${entityParts(entityRef)}`;
}

/** `{kind}/{namespace}/{name}` of the canonical ref, URL-encoded. */
function entityParts(entityRef: MaturityEntityRef): string {
  const { kind, namespace, name } = parseEntityRef(
    canonicalEntityRef(entityRef),
  );
  return [kind, namespace, name].map(encodeURIComponent).join('/');
}

function appendWindow(query: URLSearchParams, window: MaturityTimeWindow) {
  if (window.from) {
    query.set('from', window.from);
  }
  if (window.to) {
    query.set('to', window.to);
  }
}
