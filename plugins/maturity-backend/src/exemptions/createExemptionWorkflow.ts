import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { EvaluationQueue } from '../database/EvaluationQueue';
import { ExemptionStore } from '../database/ExemptionStore';
import { EntityEvaluator } from '../scoring/EntityEvaluator';
import {
  ExemptionChangeListener,
  noExemptionChangeListener,
} from './ExemptionChangeListener';
import { ExemptionWorkflow } from './ExemptionWorkflow';

/** The ids of the rubric's checks: its categories' and its MLOps track's. */
export function rubricCheckIds(
  evaluator: Pick<EntityEvaluator, 'rubric'>,
): ReadonlySet<string> {
  const { categories, mlops } = evaluator.rubric;
  const levels = [...categories.flatMap(c => c.levels), ...mlops.levels];
  return new Set(levels.flatMap(l => l.checks.map(check => check.id)));
}

/**
 * The plugin's exemption workflow, as configured: `maturity.exemptions.
 * autoApprove` names the checks whose requests are approved at once.
 * `listener` is told about every committed change (notifications hook in
 * here); by default nobody is.
 */
export function createExemptionWorkflow(options: {
  config?: Config;
  exemptions: ExemptionStore;
  evaluationQueue: Pick<EvaluationQueue, 'enqueueEvaluation'>;
  evaluator: Pick<EntityEvaluator, 'rubric'>;
  listener?: ExemptionChangeListener;
  logger?: LoggerService;
}): ExemptionWorkflow {
  const autoApprove =
    options.config?.getOptionalStringArray('maturity.exemptions.autoApprove') ??
    [];
  const unknown =
    autoApprove.length === 0
      ? []
      : autoApprove.filter(id => !rubricCheckIds(options.evaluator).has(id));
  if (unknown.length > 0) {
    options.logger?.warn(
      `maturity.exemptions.autoApprove names checks the rubric does not have: ${unknown.join(
        ', ',
      )}`,
    );
  }
  return new ExemptionWorkflow({
    store: options.exemptions,
    evaluationQueue: options.evaluationQueue,
    listener: options.listener ?? noExemptionChangeListener,
    autoApprove,
    checkIds: () => rubricCheckIds(options.evaluator),
    logger: options.logger,
  });
}
