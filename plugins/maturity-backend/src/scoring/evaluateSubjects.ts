import {
  evaluateScorecard,
  Rubric,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { RubricInputs } from '../database/RubricInputs';
import { EvaluationRecord } from '../database/ScorecardStore';
import { DAY_MS } from '../durations';
import { withCiStepFacts } from './ciStepFacts';
import { EvaluationInputs } from './readEvaluationInputs';
import { EvaluationSubject } from './toEvaluationSubject';
import { withoutDeploymentMetrics } from './withoutDeploymentMetrics';

/**
 * The third stage of an evaluation, pure: each entity's scorecard from the
 * rubric, its metrics, facts (those its CI steps prove included), connected
 * tools, history and exemptions.
 */
export function evaluateSubjects(
  inputs: EvaluationInputs,
  options: {
    rubric: Rubric;
    /** spec.type values that are never deployed, e.g. `library`. */
    nonDeployableTypes: readonly string[];
    now: Date;
    /** Checks advisory at `now`, each with the day it starts counting. */
    advisoryChecks?: Record<string, string>;
  },
): EvaluationRecord[] {
  const { subjects, window, metrics, connections } = inputs;
  const { rubric, now } = options;
  const evaluatedAt = now.toISOString();
  const from = window.from.toISOString();
  const to = window.to.toISOString();

  return subjects.map(subject => {
    const ref = subject.entityRef;
    const entityMetrics = metrics.get(ref)!;
    if (subject.type && options.nonDeployableTypes.includes(subject.type)) {
      entityMetrics.metrics = withoutDeploymentMetrics(entityMetrics.metrics);
    }
    const repoFacts = withCiStepFacts(
      inputs.repoFacts.get(ref) ?? {},
      new Set(inputs.ciStepKinds.get(ref)),
    );
    // An installed incident source's own annotation maps the entity as
    // surely as the common ones the rubric names.
    if (inputs.mappedToIncidentTool.has(ref)) {
      repoFacts['incident-service-mapped'] ??= true;
    }
    const firstDay = inputs.historyStarts.get(ref);
    // Kept with the metrics, so a rubric preview needs no other read.
    const rubricInputs: RubricInputs = {
      entity: toRubricEntity(subject),
      repoFacts,
      connections: connections.get(ref)!,
      historyDays: firstDay
        ? Math.floor((now.getTime() - firstDay.getTime()) / DAY_MS) + 1
        : 0,
    };
    const scorecard = evaluateScorecard(rubric, {
      ...rubricInputs,
      metrics: entityMetrics.metrics,
      exemptions: inputs.exemptions.get(ref) ?? [],
      advisoryChecks: options.advisoryChecks,
      now: evaluatedAt,
      window: { from, to },
    });
    return {
      subject,
      scorecard,
      metrics: entityMetrics,
      inputs: rubricInputs,
    };
  });
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
