import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  MaturityEventSink,
  MaturityEventSource,
  scheduleSourceSync,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { GithubClient } from './api/GithubClient';
import { GithubWebhookSubscriber } from './webhooks/GithubWebhookSubscriber';
import { RepositoryIndex } from './catalog/RepositoryIndex';
import { GITHUB_PROJECT_SLUG_ANNOTATION } from './catalog/readRepositoryMap';
import { syncGithubRepositories } from './sync/syncGithubRepositories';
import { RepositorySyncResult } from './sync/syncGithubRepository';

/** The scheduled task of the pull sync. */
export const GITHUB_SYNC_TASK_ID = 'maturity-github-sync';

/**
 * The `github` maturity source: a scheduled pull (global scope, once across
 * replicas) of every repository named by a `github.com/project-slug`, and
 * the webhook deliveries of those repositories as they arrive; both write
 * through the one `github` sink.
 */
export class GithubSource implements MaturityEventSource {
  readonly id = 'github';
  readonly collects = ['build', 'deployment', 'change', 'repo_fact'] as const;
  readonly entityAnnotations = [GITHUB_PROJECT_SLUG_ANNOTATION];
  private readonly warnedProtection = new Set<string>();

  constructor(
    private readonly options: {
      client: GithubClient;
      repositories: RepositoryIndex;
      scheduler: SchedulerService;
      schedule: SchedulerServiceTaskScheduleDefinition;
      initialLookbackDays: number;
      maxConcurrency: number;
      logger: LoggerService;
      webhooks?: GithubWebhookSubscriber;
    },
  ) {}

  async connect(sink: MaturityEventSink): Promise<void> {
    await scheduleSourceSync({
      scheduler: this.options.scheduler,
      id: GITHUB_SYNC_TASK_ID,
      schedule: this.options.schedule,
      sync: () => this.sync(sink),
      sourceName: 'GitHub',
      scopes: 'repositories',
      scopeOf: result => result.scope,
    });
    this.options.logger.info('GitHub source scheduled');
    await this.options.webhooks?.subscribe(sink);
  }

  /** One pull of every mapped repository; what the scheduled task runs. */
  async sync(sink: MaturityEventSink): Promise<RepositorySyncResult[]> {
    const repositories = await this.options.repositories.refresh();
    if (repositories.size === 0) {
      this.options.logger.info(
        'No catalog entity has a github.com/project-slug annotation; nothing to sync',
      );
      return [];
    }
    return syncGithubRepositories({
      client: this.options.client,
      sink,
      repositories,
      logger: this.options.logger,
      initialLookbackDays: this.options.initialLookbackDays,
      maxConcurrency: this.options.maxConcurrency,
      warnedProtection: this.warnedProtection,
    });
  }
}
