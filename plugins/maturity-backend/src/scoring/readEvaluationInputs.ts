import {
  Exemption,
  RepoFactValue,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { EventStore } from '../database/EventStore';
import { MetricsWindowReader } from '../database/MetricsWindowReader';
import { ExemptionStore } from '../database/ExemptionStore';
import { HistoryStore } from '../database/HistoryStore';
import {
  PreviousLevels,
  ScorecardResultStore,
} from '../database/ScorecardStore';
import { MetricsWindow } from '../database/MetricsWindow';
import { groupByEntity } from '../metrics';
import { deriveWindowFacts, WindowFacts } from './deriveWindowFacts';
import { EvaluationSubject } from './toEvaluationSubject';

/** The evaluation window [from, to). */
export interface EvaluationWindow {
  from: Date;
  to: Date;
}

/**
 * Everything a batch's evaluation reads, per entity of the batch; the
 * window's rows already turned into metrics, connections and CI step kinds,
 * so a batch read ahead holds those, not its raw rows.
 */
export interface EvaluationInputs extends WindowFacts {
  subjects: EvaluationSubject[];
  window: EvaluationWindow;
  /** Entities an annotation maps to an incident tool. */
  mappedToIncidentTool: Set<string>;
  repoFacts: Map<string, Record<string, RepoFactValue>>;
  exemptions: Map<string, Exemption[]>;
  historyStarts: Map<string, Date>;
  /**
   * What each entity's latest scorecard held; empty when not asked for (a
   * history backfill holds nothing).
   */
  previousLevels: Map<string, PreviousLevels>;
}

/** The stores the second stage reads. */
export interface EvaluationInputStores {
  events: Pick<EventStore, 'getLatestRepoFacts'>;
  metricsWindow: MetricsWindowReader;
  exemptions: Pick<ExemptionStore, 'listExemptions'>;
  history: Pick<HistoryStore, 'getHistoryStarts'>;
  results: Pick<ScorecardResultStore, 'readHeldLevels'>;
}

/**
 * The second stage of an evaluation: reads a batch's inputs (the metrics
 * window's rows, repository facts, exemptions, first history day, what the
 * latest scorecards held) side by side, a fixed number of statements for
 * the whole batch, decides which tools are connected to each entity, and
 * turns the window's rows into metrics and CI step kinds.
 */
export async function readEvaluationInputs(
  stores: EvaluationInputStores,
  subjects: EvaluationSubject[],
  window: EvaluationWindow,
  options: {
    incidentAnnotations: readonly string[];
    /**
     * Read what the latest scorecards held (for the latest evaluation):
     * `held` their held levels only, `withCheckStates` their check states
     * too (to tell newly failing checks to a listener).
     */
    previousLevels?: 'held' | 'withCheckStates';
  },
): Promise<EvaluationInputs> {
  const refs = subjects.map(s => s.entityRef);
  const metricsWindow: MetricsWindow = {
    entities: subjects.map(s => ({
      entityRef: s.entityRef,
      productionEnvironment:
        s.annotations['maturity.io/production-environment'],
      owner: s.ownerRef,
    })),
    from: window.from,
    to: window.to,
  };
  const [rows, repoFacts, exemptionList, historyStarts, previousLevels] =
    await Promise.all([
      stores.metricsWindow.readWindow(metricsWindow),
      stores.events.getLatestRepoFacts(refs),
      stores.exemptions.listExemptions(refs),
      stores.history.getHistoryStarts(refs),
      options.previousLevels
        ? stores.results.readHeldLevels(refs, {
            checkStates: options.previousLevels === 'withCheckStates',
          })
        : new Map<string, PreviousLevels>(),
    ]);
  const mappedToIncidentTool = new Set(
    subjects
      .filter(subject => isMappedToIncidentTool(subject, options))
      .map(subject => subject.entityRef),
  );
  const { metrics, connections, ciStepKinds } = deriveWindowFacts(
    rows,
    metricsWindow,
    mappedToIncidentTool,
  );
  return {
    subjects,
    window,
    metrics,
    ciStepKinds,
    connections,
    mappedToIncidentTool,
    repoFacts,
    exemptions: groupByEntity(exemptionList),
    historyStarts,
    previousLevels,
  };
}

/** Whether an annotation maps the entity to an incident tool. */
function isMappedToIncidentTool(
  subject: EvaluationSubject,
  options: { incidentAnnotations: readonly string[] },
): boolean {
  return options.incidentAnnotations.some(a => a in subject.annotations);
}
