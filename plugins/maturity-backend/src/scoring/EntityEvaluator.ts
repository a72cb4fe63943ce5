import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  EntityMetrics,
  evaluateScorecard,
  INCIDENT_SERVICE_ANNOTATIONS,
  Exemption,
  Rubric,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventStore } from '../database/EventStore';
import { EvaluationRecord, ScorecardStore } from '../database/ScorecardStore';
import { computeRollups } from '../rollups/computeRollups';
import { withCiStepFacts } from './ciStepFacts';
import { withoutDeploymentMetrics } from './withoutDeploymentMetrics';
import { EvaluationSubject, toEvaluationSubject } from './toEvaluationSubject';
import { canonicalEntityRef } from '../canonicalEntityRef';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Movers compare against this many days earlier. */
const MOVERS_DAYS = 30;

/** What the metrics engine is asked for one batch. */
export interface MetricsRequest {
  entities: Array<{
    entityRef: string;
    productionEnvironment?: string;
    owner?: string;
    hasIncidentSource: boolean;
  }>;
  from: Date;
  to: Date;
}

/** The metrics engine, as the evaluator sees it. */
export type ComputeMetrics = (
  request: MetricsRequest,
) => Promise<EntityMetrics[]>;

/**
 * Turns raw events into stored scorecards: reads catalog entities in
 * batches, computes their metrics set-based, evaluates the rubric, and
 * writes results and the day's history; then recomputes every rollup.
 */
export class EntityEvaluator {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      events: EventStore;
      scorecards: ScorecardStore;
      computeMetrics: ComputeMetrics;
      rubric: Rubric;
      windowDays: number;
      kinds: string[];
      /** spec.type values that are never deployed, e.g. `library`. */
      nonDeployableTypes: string[];
      batchSize: number;
      /**
       * Annotations mapping an entity to an incident tool: the common ones
       * (PagerDuty, Opsgenie) and those of installed incident sources.
       */
      incidentAnnotations?: string[];
    },
  ) {}

  get rubric(): Rubric {
    return this.options.rubric;
  }

  /** Evaluates every entity in scope and drops results of vanished ones. */
  async evaluateAll(now = new Date()) {
    const { catalog, auth, scorecards, kinds, events } = this.options;
    await events.refreshPlannerStatistics();
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      { filter: kinds.map(kind => ({ kind })) },
      { credentials },
    );
    const evaluated = await this.evaluateEntities(items, now);
    const removed = await scorecards.deleteEvaluatedBefore(now);
    await this.recomputeRollups(now);
    this.options.logger.info(
      `Evaluated ${evaluated} entities, removed ${removed} gone from the catalog`,
    );
    return { evaluated, removed };
  }

  /**
   * Fills the history of the last `days` days by evaluating every entity as
   * of the end of every `intervalDays`-th day from the stored raw events,
   * oldest first. Latest scorecards are left alone.
   */
  async backfillHistory(days: number, now = new Date(), intervalDays = 1) {
    const { catalog, auth, kinds, logger, events } = this.options;
    await events.refreshPlannerStatistics();
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      { filter: kinds.map(kind => ({ kind })) },
      { credentials },
    );
    const today = Math.floor(now.getTime() / DAY_MS);
    for (let day = today - days; day < today; day += intervalDays) {
      const endOfDay = new Date((day + 1) * DAY_MS - 1);
      await this.evaluateEntities(items, endOfDay, 'history');
    }
    logger.info(
      `Backfilled ${days} days of history for ${items.length} entities`,
    );
  }

  /** Evaluates the given entities (those still in the catalog). */
  async evaluateRefs(entityRefs: string[], now = new Date()) {
    if (entityRefs.length === 0) return 0;
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs },
      { credentials },
    );
    const inScope = items.filter(
      (e): e is Entity =>
        !!e &&
        this.options.kinds.some(
          k =>
            k.toLocaleLowerCase('en-US') === e.kind.toLocaleLowerCase('en-US'),
        ),
    );
    const evaluated = await this.evaluateEntities(inScope, now);
    await this.recomputeRollups(now);
    return evaluated;
  }

  private async systemDomains(): Promise<Map<string, string>> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { items } = await this.options.catalog.getEntities(
      {
        filter: { kind: 'system' },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.domain'],
      },
      { credentials },
    );
    const map = new Map<string, string>();
    for (const system of items) {
      const domain = system.spec?.domain;
      if (typeof domain !== 'string') continue;
      map.set(
        canonicalEntityRef(system),
        canonicalEntityRef(
          parseEntityRef(domain, {
            defaultKind: 'domain',
            defaultNamespace: system.metadata.namespace ?? 'default',
          }),
        ),
      );
    }
    return map;
  }

  private async evaluateEntities(
    entities: Entity[],
    now: Date,
    mode: 'latest' | 'history' = 'latest',
  ) {
    const {
      events,
      scorecards,
      computeMetrics,
      rubric,
      windowDays,
      batchSize,
      incidentAnnotations = INCIDENT_SERVICE_ANNOTATIONS,
    } = this.options;
    const systemDomains = await this.systemDomains();
    const to = now;
    const from = new Date(now.getTime() - windowDays * DAY_MS);
    let evaluated = 0;
    const mappedToIncidentTool = (subject: EvaluationSubject) =>
      incidentAnnotations.some(a => a in subject.annotations);

    // A batch's reads, started while the previous batch is evaluated and
    // saved: on PostgreSQL the two overlap on the server's cores.
    const readBatch = async (start: number) => {
      const subjects = entities
        .slice(start, start + batchSize)
        .map(entity => toEvaluationSubject(entity, systemDomains));
      const refs = subjects.map(s => s.entityRef);
      const [metrics, facts, exemptions, historyStarts] = await Promise.all([
        computeMetrics({
          entities: subjects.map(s => ({
            entityRef: s.entityRef,
            productionEnvironment:
              s.annotations['maturity.io/production-environment'],
            owner: s.ownerRef,
            hasIncidentSource: mappedToIncidentTool(s),
          })),
          from,
          to,
        }),
        events.getLatestRepoFacts(refs),
        scorecards.listExemptions(refs),
        scorecards.getHistoryStarts(refs),
      ]);
      // The metrics name the step kinds of the window's runs; ask the store
      // only for entities a custom metrics function left without them.
      const stepKinds = new Map<string, Set<string>>();
      for (const m of metrics) {
        if (m.ciStepKinds) stepKinds.set(m.entityRef, new Set(m.ciStepKinds));
      }
      const unknownSteps = refs.filter(ref => !stepKinds.has(ref));
      if (unknownSteps.length > 0) {
        for (const [ref, kinds] of await events.getCiStepKinds(
          unknownSteps,
          from,
          to,
        )) {
          stepKinds.set(ref, kinds);
        }
      }
      return {
        subjects,
        refs,
        metrics,
        facts,
        stepKinds,
        exemptions,
        historyStarts,
      };
    };
    const startReads = (start: number) => {
      if (start >= entities.length) return undefined;
      const reads = readBatch(start);
      // Awaited in the next round; until then a failure must not count as
      // unhandled.
      reads.catch(() => {});
      return reads;
    };

    let pending = startReads(0);
    for (let i = 0; pending; i += batchSize) {
      const {
        subjects,
        refs,
        metrics,
        facts,
        stepKinds,
        exemptions,
        historyStarts,
      } = await pending;
      pending = startReads(i + batchSize);
      const metricsByRef = new Map(metrics.map(m => [m.entityRef, m]));
      // The metrics say which tools are connected; ask the store only for
      // entities a custom metrics function left without that.
      const tools = new Map<
        string,
        NonNullable<EntityMetrics['connections']>
      >();
      for (const m of metrics) {
        if (m.connections) tools.set(m.entityRef, m.connections);
      }
      const unknown = refs.filter(ref => !tools.has(ref));
      if (unknown.length > 0) {
        for (const [ref, connected] of await events.getConnectedTools(
          unknown,
        )) {
          tools.set(ref, connected);
        }
      }
      const exemptionsByRef = new Map<string, Exemption[]>();
      for (const exemption of exemptions) {
        const list = exemptionsByRef.get(exemption.entityRef) ?? [];
        list.push(exemption);
        exemptionsByRef.set(exemption.entityRef, list);
      }

      const records: EvaluationRecord[] = subjects.map(subject => {
        const entityMetrics = metricsByRef.get(subject.entityRef) ?? {
          entityRef: subject.entityRef,
          from: from.toISOString(),
          to: to.toISOString(),
          metrics: {} as EntityMetrics['metrics'],
        };
        const connected = tools.get(subject.entityRef) ?? {
          scm: false,
          ci: false,
          incidents: false,
        };
        const firstDay = historyStarts.get(subject.entityRef);
        if (
          subject.type &&
          this.options.nonDeployableTypes.includes(subject.type)
        ) {
          entityMetrics.metrics = withoutDeploymentMetrics(
            entityMetrics.metrics,
          );
        }
        const repoFacts = withCiStepFacts(
          facts.get(subject.entityRef) ?? {},
          stepKinds.get(subject.entityRef),
        );
        const mapped = mappedToIncidentTool(subject);
        // An installed incident source's own annotation maps the entity as
        // surely as the common ones the rubric names.
        if (mapped) {
          repoFacts['incident-service-mapped'] ??= true;
        }
        const scorecard = evaluateScorecard(rubric, {
          entity: toRubricEntity(subject),
          metrics: entityMetrics.metrics,
          repoFacts,
          connections: {
            ...connected,
            incidents: connected.incidents || mapped,
          },
          historyDays: firstDay
            ? Math.floor((now.getTime() - firstDay.getTime()) / DAY_MS) + 1
            : 0,
          exemptions: exemptionsByRef.get(subject.entityRef) ?? [],
          now: now.toISOString(),
          window: { from: from.toISOString(), to: to.toISOString() },
        });
        return { subject, scorecard, metrics: entityMetrics };
      });
      if (mode === 'latest') {
        await scorecards.saveEvaluations(records, now);
      } else {
        await scorecards.saveHistory(records, now);
      }
      evaluated += records.length;
      // SQLite calls are synchronous: let requests in between batches, or a
      // long run starves the backend (token checks time out as 401s).
      await yieldToEventLoop();
    }
    return evaluated;
  }

  /** Rebuilds every rollup from the stored scorecards and the group tree. */
  async recomputeRollups(now = new Date()) {
    const { catalog, auth, scorecards } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const [summaries, groupEntities, systemDomains, previousLevels] =
      await Promise.all([
        scorecards.listAllSummaries(),
        catalog.getEntities(
          {
            filter: { kind: 'group' },
            fields: [
              'kind',
              'metadata.name',
              'metadata.namespace',
              'spec.parent',
            ],
          },
          { credentials },
        ),
        this.systemDomains(),
        scorecards.getLevelsAsOf(
          new Date(now.getTime() - MOVERS_DAYS * DAY_MS),
        ),
      ]);
    const groups = groupEntities.items.map(group => {
      const namespace = group.metadata.namespace ?? 'default';
      const parent = group.spec?.parent;
      return {
        ref: canonicalEntityRef(group),
        parentRef:
          typeof parent === 'string'
            ? canonicalEntityRef(
                parseEntityRef(parent, {
                  defaultKind: 'group',
                  defaultNamespace: namespace,
                }),
              )
            : undefined,
      };
    });
    await scorecards.replaceRollups(
      computeRollups({ summaries, groups, systemDomains, previousLevels, now }),
    );
  }
}

function toRubricEntity(subject: EvaluationSubject) {
  return {
    entityRef: subject.entityRef,
    kind: subject.kind,
    type: subject.type,
    lifecycle: subject.lifecycle,
    owner: subject.ownerRef,
    ownerIsGroup: subject.ownerRef?.startsWith('group:') ?? false,
    system: subject.systemRef,
    tags: subject.tags,
    annotations: subject.annotations,
    providesApis: subject.providesApis,
    catalogCompleteness: subject.catalogCompleteness,
  };
}
