import {
  AuthService,
  LoggerService,
  PermissionsRegistryService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { MaturityDatabase } from '../database/MaturityDatabase';
import { EntityEvaluator } from '../scoring/EntityEvaluator';
import { createExemptionWorkflow } from './createExemptionWorkflow';
import { ExemptionChangeListener } from './ExemptionChangeListener';
import { ExemptionWorkflow } from './ExemptionWorkflow';
import { registerExemptionPermissions } from './registerExemptionPermissions';
import { scheduleExemptionExpiry } from './scheduleExemptionExpiry';

/**
 * The governed exemption workflow, set up: its permission's resource type
 * registered (decisions are conditional on the catalog entity), the
 * workflow the routes and actions use, and its hourly expiry task.
 *
 * @internal
 */
export async function startExemptionWorkflow(options: {
  db: MaturityDatabase;
  evaluator: EntityEvaluator;
  /** Told after each committed change. */
  listener: ExemptionChangeListener;
  config: Config;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  permissionsRegistry: PermissionsRegistryService;
  scheduler: Pick<SchedulerService, 'scheduleTask'>;
}): Promise<ExemptionWorkflow> {
  const { db, logger } = options;
  registerExemptionPermissions(options);
  const workflow = createExemptionWorkflow({
    ...db,
    config: options.config,
    evaluator: options.evaluator,
    logger,
    listener: options.listener,
  });
  await scheduleExemptionExpiry(options.scheduler, workflow, logger);
  return workflow;
}
