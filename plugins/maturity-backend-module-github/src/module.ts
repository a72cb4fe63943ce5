import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { maturitySourcesExtensionPoint } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { GithubClient } from './api/GithubClient';
import { RepositoryIndex } from './catalog/RepositoryIndex';
import { GITHUB_CONFIG_KEY, readGithubConfig } from './config/readGithubConfig';
import {
  hasGithubCredentials,
  requireGithubCredentials,
} from './config/requireGithubCredentials';
import { GithubSource } from './GithubSource';
import { createWebhookClient } from './webhooks/createWebhookClient';
import { GithubWebhookSubscriber } from './webhooks/GithubWebhookSubscriber';

/**
 * The GitHub source of the Maturity plugin: Actions workflow runs,
 * deployments, pull requests, direct pushes, branch protection and
 * repository facts of the repositories named by `github.com/project-slug`
 * annotations, pulled on a schedule and, with
 * `@backstage/plugin-events-backend-module-github` installed, pushed by
 * `workflow_run`, `deployment_status`, `pull_request` and `push` webhooks.
 * Credentials come from `integrations.github`: start-up fails without any,
 * and a repository whose host or owner has none fails its sync (nothing is
 * requested anonymously). On when `integrations.github` has credentials
 * or `maturity.sources.github` is set; off with
 * `maturity.sources.github.enabled: false`.
 *
 * @public
 */
export const maturityModuleGithub = createBackendModule({
  pluginId: 'maturity',
  moduleId: 'github',
  register(env) {
    env.registerInit({
      deps: {
        sources: maturitySourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
      },
      async init({
        sources,
        config,
        logger,
        scheduler,
        auth,
        catalog,
        events,
      }) {
        const integrations = ScmIntegrations.fromConfig(config);
        const hasCredentials = hasGithubCredentials(integrations);
        const github = readGithubConfig(config, { hasCredentials });
        if (!github) {
          logger.info(
            config.has(GITHUB_CONFIG_KEY)
              ? `GitHub source is disabled by ${GITHUB_CONFIG_KEY}.enabled`
              : `GitHub source is disabled: integrations.github has no token or GitHub App`,
          );
          return;
        }
        requireGithubCredentials(integrations);
        const credentials =
          DefaultGithubCredentialsProvider.fromIntegrations(integrations);
        const repositories = new RepositoryIndex({
          catalog,
          auth,
          integrations,
        });
        sources.addSource(
          new GithubSource({
            client: new GithubClient({ credentials }),
            repositories,
            scheduler,
            schedule: github.schedule,
            initialLookbackDays: github.initialLookbackDays,
            maxConcurrency: github.maxConcurrency,
            logger,
            webhooks: new GithubWebhookSubscriber({
              events,
              client: createWebhookClient(credentials),
              repositories,
              logger,
            }),
          }),
        );
      },
    });
  },
});
