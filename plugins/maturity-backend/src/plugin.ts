import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  INCIDENT_SERVICE_ANNOTATIONS,
  MATURITY_EVENT_TYPES,
  maturityPermissions,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  MaturityEventSource,
  maturitySourcesExtensionPoint,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { DatabaseEventStore } from './database/DatabaseEventStore';
import { DatabaseScorecardStore } from './database/DatabaseScorecardStore';
import { computeEntityMetrics } from './metrics';
import { EntityEvaluator } from './scoring/EntityEvaluator';
import { readEvaluationConfig } from './scoring/readEvaluationConfig';
import { scheduleEvaluation } from './scoring/scheduleEvaluation';
import { DEMO_SOURCE, scheduleDemoActivity } from './demo/scheduleDemoActivity';
import { createEventSink } from './ingest/createEventSink';
import { readIngestLimits } from './service/IngestLimits';
import { readSourceWriters } from './service/SourceWriters';
import { createRouter } from './service/router';
import { registerMaturityActions } from './service/registerMaturityActions';

const SOURCE_ID = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$/;

/** The annotations that map entities to an incident tool, sources' included. */
function incidentAnnotationsOf(sources: MaturityEventSource[]): string[] {
  const annotations = new Set(INCIDENT_SERVICE_ANNOTATIONS);
  for (const source of sources) {
    if (source.collects?.includes('incident')) {
      for (const annotation of source.entityAnnotations ?? []) {
        annotations.add(annotation);
      }
    }
  }
  return [...annotations];
}

function describeSource(source: MaturityEventSource): string {
  const parts = [];
  if (source.collects?.length) {
    parts.push(`collects ${source.collects.join(', ')}`);
  }
  if (source.entityAnnotations?.length) {
    parts.push(`maps entities by ${source.entityAnnotations.join(', ')}`);
  }
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/**
 * The Maturity backend plugin: event store, ingest API and scoring.
 *
 * @public
 */
export const maturityPlugin = createBackendPlugin({
  pluginId: 'maturity',
  register(env) {
    const sources = new Map<string, MaturityEventSource>();
    env.registerExtensionPoint(maturitySourcesExtensionPoint, {
      addSource(...added) {
        for (const source of added) {
          if (!SOURCE_ID.test(source.id)) {
            throw new Error(`Invalid maturity source id '${source.id}'`);
          }
          if (sources.has(source.id)) {
            throw new Error(`Maturity source '${source.id}' added twice`);
          }
          const unknown = (source.collects ?? []).filter(
            type => !MATURITY_EVENT_TYPES.includes(type),
          );
          if (unknown.length > 0) {
            throw new Error(
              `Maturity source '${
                source.id
              }' collects unknown event types: ${unknown.join(', ')}`,
            );
          }
          sources.set(source.id, source);
        }
      },
    });

    env.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
      },
      async init({
        actionsRegistry,
        auth,
        catalog,
        config,
        database,
        httpAuth,
        httpRouter,
        logger,
        permissions,
        permissionsRegistry,
        scheduler,
      }) {
        const limits = readIngestLimits(config);
        // The sources installed modules and the demo write are theirs alone.
        const writers = readSourceWriters(config, [
          ...sources.keys(),
          DEMO_SOURCE,
        ]);
        const evaluation = readEvaluationConfig(config);
        permissionsRegistry.addPermissions(maturityPermissions);

        const store = await DatabaseEventStore.create({ database });
        const scorecards = await DatabaseScorecardStore.create({ database });
        const client = await database.getClient();
        const evaluator = new EntityEvaluator({
          catalog,
          auth,
          logger,
          events: store,
          scorecards,
          computeMetrics: request => computeEntityMetrics(client, request),
          rubric: evaluation.rubric,
          windowDays: evaluation.windowDays,
          kinds: evaluation.kinds,
          nonDeployableTypes: evaluation.nonDeployableTypes,
          batchSize: evaluation.batchSize,
          incidentAnnotations: incidentAnnotationsOf([...sources.values()]),
        });
        const enqueue = (refs: string[]) =>
          scorecards.enqueueEvaluation(refs, new Date());

        httpRouter.use(
          await createRouter({
            store,
            scorecards,
            evaluator,
            httpAuth,
            permissions,
            limits,
            writers,
            logger,
          }),
        );
        registerMaturityActions(actionsRegistry, { scorecards, permissions });
        await scheduleEvaluation({
          scheduler,
          schedule: evaluation.schedule,
          evaluator,
          scorecards,
          logger,
          historyBackfillDays: evaluation.historyBackfillDays,
          historyBackfillIntervalDays: evaluation.historyBackfillIntervalDays,
        });

        for (const source of sources.values()) {
          await source.connect(createEventSink(store, source.id, enqueue));
          logger.info(
            `Connected maturity source '${source.id}'${describeSource(source)}`,
          );
        }

        if (config.getOptionalBoolean('maturity.demo.enabled')) {
          logger.info('Demo activity is enabled (maturity.demo.enabled)');
          await scheduleDemoActivity({
            sink: createEventSink(store, DEMO_SOURCE, enqueue),
            catalog,
            auth,
            logger,
            scheduler,
          });
        }
      },
    });
  },
});
