import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  maturityEventsCreatePermission,
  maturityEventsReadPermission,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import express from 'express';
import Router from 'express-promise-router';
import { EventStore } from '../database/EventStore';
import { ScorecardResultStore } from '../database/ScorecardStore';
import { EvaluationQueue } from '../database/EvaluationQueue';
import { ExemptionStore } from '../database/ExemptionStore';
import { HistoryStore } from '../database/HistoryStore';
import { RollupStore } from '../database/RollupStore';
import { RubricPreviewReader } from '../database/RubricPreviewReader';
import { EntityEvaluator } from '../scoring/EntityEvaluator';
import { addScorecardRoutes } from './scorecardRoutes';
import { addExemptionRoutes } from './exemptionRoutes';
import { ExemptionWorkflow } from '../exemptions/ExemptionWorkflow';
import { createExemptionWorkflow } from '../exemptions/createExemptionWorkflow';
import { addRubricPreviewRoute } from './rubricPreviewRoute';
import { addCampaignRoutes } from './campaignRoutes';
import { CampaignStore } from '../database/CampaignStore';
import { CampaignProgressRefresher } from '../campaigns/CampaignProgressRefresher';
import { ingestEvents } from '../ingest/ingestEvents';
import { EndpointMap, spec } from '../schema/openapi.generated';
import { IngestLimits } from './IngestLimits';
import { DAY_MS } from '../durations';
import { parseTimeParameter, strictQueryParameters } from './queryParameters';
import { jsonBodyParser } from './jsonBodyParser';
import { databaseErrorsWithoutSql } from './databaseErrorsWithoutSql';
import { assertMayWriteSources, SourceWriters } from './SourceWriters';
import { authorizeCaller, authorizeRequest } from './authorizeCaller';
import { canonicalEntityRef } from '@maturity-for-backstage/backstage-plugin-maturity-node';

/** The activity view's default window, as for the metrics. */
const DEFAULT_ACTIVITY_DAYS = 90;

/** @internal */
export interface RouterOptions {
  events: EventStore;
  results: ScorecardResultStore;
  history: HistoryStore;
  rollups: RollupStore;
  rubricPreview: RubricPreviewReader;
  exemptions: ExemptionStore;
  evaluationQueue: EvaluationQueue;
  evaluator: EntityEvaluator;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  limits: IngestLimits;
  writers: SourceWriters;
  /** The exemption workflow; default: no auto-approval, nobody told. */
  exemptionWorkflow?: ExemptionWorkflow;
  /** Where database errors are logged; their text never reaches a response. */
  logger?: LoggerService;
  /** Campaigns, their computed days and in-scope entities. */
  campaigns: CampaignStore;
  /** Told of each campaign change, so its figures follow soon. */
  campaignRefresher?: CampaignProgressRefresher;
  /** Reminders of a campaign without its own (`maturity.campaigns`). */
  campaignReminderDaysBefore: number[];
  /** The clock campaign statuses are read from; default the system's. */
  now?: () => Date;
}

/** @internal */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { events, evaluationQueue, httpAuth, permissions, limits } = options;

  // Every route needs a user or a service (issue 12), and a caller without
  // credentials learns that first (401), not what its body or query lacks;
  // also where the backend's default auth policy is turned off. Each route
  // still reads the credentials it allows and checks its permission.
  // Parsing happens before the validated router, whose error handler would
  // turn a 413 for an oversize body into a 400; so do the strict checks of
  // query parameters, which the validator's coercion is too lenient for.
  const router = Router();
  router.use((req, _res, next) => {
    httpAuth.credentials(req, { allow: ['user', 'service'] }).then(
      () => next(),
      error => next(error),
    );
  });
  router.use(jsonBodyParser(limits));
  router.use(strictQueryParameters(spec));

  const api = createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(
    spec,
    {
      middleware: [jsonBodyParser(limits)],
      validatorOptions: {
        // The ingest body is checked against the same spec schemas by
        // validateEventBatch, event by event, for messages naming the field.
        ignorePaths: (path: string) => /\/v1\/events\/?$/.test(path),
      },
    },
  );
  router.use(api);

  const authorizeWithPermissions = authorizeCaller(permissions);
  const authorize = authorizeRequest(httpAuth, authorizeWithPermissions);

  function parseRange(query: { from?: string; to?: string }) {
    const from =
      query.from !== undefined
        ? parseTimeParameter('from', query.from)
        : undefined;
    const to =
      query.to !== undefined ? parseTimeParameter('to', query.to) : undefined;
    if (from && to && from.getTime() >= to.getTime()) {
      throw new InputError('from: must be before to');
    }
    return { from, to };
  }

  api.post('/v1/events', async (req, res) => {
    const credentials = await authorize(req, maturityEventsCreatePermission);
    const result = await ingestEvents({ events, evaluationQueue }, req.body, {
      maxEvents: limits.maxEventsPerBatch,
      sameVersionChange: 'reject',
      assertMayWrite: batch =>
        assertMayWriteSources(options.writers, credentials, batch),
    });
    res.json(result);
  });

  api.get('/v1/entities/:kind/:namespace/:name/events', async (req, res) => {
    await authorize(req, maturityEventsReadPermission);
    const { from, to } = parseRange(req.query);
    res.json(
      await events.listEvents({
        entityRef: canonicalEntityRef(req.params),
        types: req.query.type,
        from,
        to,
        limit: req.query.limit ?? 50,
        cursor: req.query.cursor,
      }),
    );
  });

  api.get(
    '/v1/entities/:kind/:namespace/:name/events/by-id',
    async (req, res) => {
      await authorize(req, maturityEventsReadPermission);
      const { from, to } = parseRange(req.query);
      res.json({
        items: await events.readEventsById({
          entityRef: canonicalEntityRef(req.params),
          ids: req.query.id,
          from,
          to,
        }),
      });
    },
  );

  api.get('/v1/entities/:kind/:namespace/:name/activity', async (req, res) => {
    await authorize(req, maturityEventsReadPermission);
    const range = parseRange(req.query);
    const to = range.to ?? new Date();
    const from =
      range.from ?? new Date(to.getTime() - DEFAULT_ACTIVITY_DAYS * DAY_MS);
    if (from.getTime() >= to.getTime()) {
      throw new InputError('from: must be before to');
    }
    res.json(
      await events.summarizeActivity({
        entityRef: canonicalEntityRef(req.params),
        from,
        to,
      }),
    );
  });

  addScorecardRoutes(api, { ...options, authorize });
  addExemptionRoutes(api, {
    authorize,
    authorizeCaller: authorizeWithPermissions,
    exemptions: options.exemptions,
    workflow:
      options.exemptionWorkflow ??
      createExemptionWorkflow({ ...options, logger: options.logger }),
  });
  addRubricPreviewRoute(api, { ...options, authorize });
  addCampaignRoutes(api, {
    ...options,
    authorize,
    refresher: options.campaignRefresher,
    defaultReminderDaysBefore: options.campaignReminderDaysBefore,
    now: options.now ?? (() => new Date()),
  });
  router.use(databaseErrorsWithoutSql(options.logger));

  return router;
}
