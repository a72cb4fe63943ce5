import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  BasicPermission,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import {
  MaturityEventType,
  maturityEventsCreatePermission,
  maturityEventsReadPermission,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import express from 'express';
import Router from 'express-promise-router';
import { EventStore } from '../database/EventStore';
import { ScorecardStore } from '../database/ScorecardStore';
import { EntityEvaluator } from '../scoring/EntityEvaluator';
import { addScorecardRoutes } from './scorecardRoutes';
import { normalizeEventBatch } from '../ingest/normalizeEventBatch';
import { validateEventBatch } from '../ingest/validateEventBatch';
import { spec } from '../schema/openapi.generated';
import { IngestLimits } from './IngestLimits';
import { canonicalEntityRef } from '../canonicalEntityRef';
import { parseTimeParameter, strictQueryParameters } from './queryParameters';
import { jsonBodyParser } from './jsonBodyParser';
import { databaseErrorsWithoutSql } from './databaseErrorsWithoutSql';
import { assertMayWriteSources, SourceWriters } from './SourceWriters';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The activity view's default window, as for the metrics. */
const DEFAULT_ACTIVITY_DAYS = 90;

/** @internal */
export interface RouterOptions {
  store: EventStore;
  scorecards: ScorecardStore;
  evaluator: EntityEvaluator;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  limits: IngestLimits;
  writers: SourceWriters;
  /** Where database errors are logged; their text never reaches a response. */
  logger?: LoggerService;
}

/** @internal */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, scorecards, evaluator, httpAuth, permissions, limits } =
    options;

  // Parsing happens before the validated router, whose error handler would
  // turn a 413 for an oversize body into a 400; so do the strict checks of
  // query parameters, which the validator's coercion is too lenient for.
  const router = Router();
  router.use(jsonBodyParser(limits));
  router.use(strictQueryParameters(spec));

  const api = createValidatedOpenApiRouter(spec, {
    middleware: [jsonBodyParser(limits)],
    validatorOptions: {
      // The ingest body is checked against the same spec schemas by
      // validateEventBatch, event by event, for messages naming the field.
      ignorePaths: (path: string) => /\/v1\/events\/?$/.test(path),
    },
  });
  router.use(api);

  async function authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ) {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
  }

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
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorize(credentials, maturityEventsCreatePermission);
    const batch = validateEventBatch(req.body, limits.maxEventsPerBatch);
    const events = normalizeEventBatch(batch);
    assertMayWriteSources(options.writers, credentials, events);
    const result = await store.ingest(events, { sameVersionChange: 'reject' });
    if (result.created + result.updated > 0) {
      await scorecards.enqueueEvaluation(
        [...new Set(events.map(e => e.entityRef))],
        new Date(),
      );
    }
    res.json(result);
  });

  api.get('/v1/entities/:kind/:namespace/:name/events', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorize(credentials, maturityEventsReadPermission);
    const { from, to } = parseRange(req.query);
    const types = req.query.type as MaturityEventType[] | undefined;
    const page = await store.listEvents({
      entityRef: canonicalEntityRef(req.params),
      types,
      from,
      to,
      limit: req.query.limit ?? 50,
      cursor: req.query.cursor,
    });
    // The spec describes stored events as open objects; the typed event
    // union is stricter than what its generated type can express.
    res.json(page as unknown as Parameters<typeof res.json>[0]);
  });

  api.get('/v1/entities/:kind/:namespace/:name/activity', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorize(credentials, maturityEventsReadPermission);
    const range = parseRange(req.query);
    const to = range.to ?? new Date();
    const from =
      range.from ?? new Date(to.getTime() - DEFAULT_ACTIVITY_DAYS * DAY_MS);
    if (from.getTime() >= to.getTime()) {
      throw new InputError('from: must be before to');
    }
    res.json(
      await store.summarizeActivity({
        entityRef: canonicalEntityRef(req.params),
        from,
        to,
      }),
    );
  });

  addScorecardRoutes(api, { httpAuth, authorize, scorecards, evaluator });
  router.use(databaseErrorsWithoutSql(options.logger));

  return router;
}
