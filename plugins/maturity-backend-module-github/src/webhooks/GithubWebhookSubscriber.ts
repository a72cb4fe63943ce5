import { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import {
  MaturityEventSink,
  SourceEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { GithubClient } from '../api/GithubClient';
import { GithubRepository } from '../catalog/readRepositoryMap';
import { RepositoryIndex } from '../catalog/RepositoryIndex';
import { deploymentStatusEvents } from './deploymentStatusEvents';
import { findWebhookRepository } from './findWebhookRepository';
import { pullRequestEvents } from './pullRequestEvents';
import { pushEvents } from './pushEvents';
import { GITHUB_WEBHOOK_TOPICS, readGithubWebhook } from './readGithubWebhook';
import { GithubWebhook } from './types';
import { workflowRunEvents } from './workflowRunEvents';

/** The subscription's id; the events service prefixes the plugin id. */
export const GITHUB_WEBHOOK_SUBSCRIBER_ID = 'maturity-github';

function eventsOf(
  webhook: GithubWebhook,
  repository: GithubRepository,
  client: GithubClient,
  logger: LoggerService,
): Promise<SourceEvent[]> {
  switch (webhook.kind) {
    case 'workflow_run':
      return workflowRunEvents(webhook.payload, repository, client);
    case 'deployment_status':
      return deploymentStatusEvents(
        webhook.payload,
        repository,
        client,
        logger,
      );
    case 'pull_request':
      return pullRequestEvents(webhook.payload, repository, client);
    case 'push':
      return pushEvents(webhook.payload, repository, client);
    default:
      return Promise.resolve([]);
  }
}

const message = (error: unknown) =>
  isError(error) ? error.message : String(error);

/**
 * Writes GitHub webhook deliveries (published by
 * `@backstage/plugin-events-backend-module-github`, signature already
 * checked) through the source's sink as they arrive, as the same events the
 * pull sync writes: the store is updated at once and the entities are
 * queued for evaluation. Deliveries for repositories no entity names, and
 * actions that change nothing recorded, are ignored.
 */
export class GithubWebhookSubscriber {
  constructor(
    private readonly options: {
      events: EventsService;
      /** Bounded look-ups: see `createWebhookClient`. */
      client: GithubClient;
      /** Shared with the pull sync, which refreshes it every run. */
      repositories: RepositoryIndex;
      logger: LoggerService;
    },
  ) {}

  async subscribe(sink: MaturityEventSink): Promise<void> {
    await this.options.events.subscribe({
      id: GITHUB_WEBHOOK_SUBSCRIBER_ID,
      topics: Object.keys(GITHUB_WEBHOOK_TOPICS),
      onEvent: params => this.onDelivery(sink, params),
    });
  }

  /**
   * Writes one delivery. Never throws: a delivery that is invalid or cannot
   * be completed is logged and skipped, and the next pull sync reads what
   * it carried.
   */
  async onDelivery(sink: MaturityEventSink, params: EventParams) {
    const { logger, repositories, client } = this.options;
    const id = params.metadata?.['x-github-delivery'];
    const delivery = `GitHub ${params.topic.replace(/^github\./, '')}${
      typeof id === 'string' ? ` delivery ${id}` : ' delivery'
    }`;

    let reading;
    try {
      reading = readGithubWebhook(params.topic, params.eventPayload);
    } catch (error) {
      logger.warn(`Ignored an invalid ${delivery}: ${message(error)}`);
      return;
    }
    if (!reading.handled) {
      logger.debug(`Ignored ${delivery}: ${reading.reason}`);
      return;
    }

    const { webhook } = reading;
    const name = webhook.payload.repository.full_name;
    try {
      const repository = findWebhookRepository(
        await repositories.get(),
        webhook.payload.repository,
      );
      if (!repository) {
        logger.debug(
          `Ignored ${delivery} of ${name}: no entity is annotated with it`,
        );
        return;
      }
      const events = await eventsOf(webhook, repository, client, logger);
      const written = await sink.write(events);
      logger.debug(
        `${delivery} of ${name}: ${written.created} new, ${written.updated} updated, ${written.unchanged} unchanged events`,
      );
    } catch (error) {
      logger.warn(
        `Skipped ${delivery} of ${name}; the next sync reads it: ${message(
          error,
        )}`,
      );
    }
  }
}
