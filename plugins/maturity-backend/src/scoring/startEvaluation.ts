import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { MaturityDatabase } from '../database/MaturityDatabase';
import { RollupBuilder } from '../rollups/RollupBuilder';
import { CatalogScope } from './CatalogScope';
import { EntityEvaluator } from './EntityEvaluator';
import { EvaluationConfig } from './readEvaluationConfig';
import { scheduleEvaluation } from './scheduleEvaluation';
import { LevelChangeListener } from './LevelChangeListener';

/**
 * Puts the evaluation together and schedules it: the evaluator over the
 * database's stores, the rollups it asks for after evaluating, and the
 * scheduled full and queued runs. Returns the evaluator, which also serves
 * a single entity's refresh.
 * @internal
 */
export async function startEvaluation(options: {
  db: MaturityDatabase;
  evaluation: EvaluationConfig;
  /** The annotations that map entities to an incident tool. */
  incidentAnnotations: string[];
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  scheduler: SchedulerService;
  /** Told of held level changes after each saved batch. */
  levelChanges?: LevelChangeListener;
}): Promise<EntityEvaluator> {
  const { db, evaluation, catalog, auth, logger } = options;
  const scope = new CatalogScope({ catalog, auth, ...evaluation });
  const rollups = new RollupBuilder({
    ...db,
    readScope: async () => ({
      groups: await scope.groups(),
      systemDomains: await scope.systemDomains(),
    }),
    rubric: evaluation.rubric,
    logger,
  });
  const evaluator = new EntityEvaluator({
    catalog,
    auth,
    logger,
    ...db,
    ...evaluation,
    incidentAnnotations: options.incidentAnnotations,
    levelChanges: options.levelChanges,
    onEvaluated: () => rollups.requestRebuild(),
  });
  await scheduleEvaluation({
    ...db,
    ...evaluation,
    scheduler: options.scheduler,
    evaluator,
    rollups,
    logger,
  });
  return evaluator;
}
