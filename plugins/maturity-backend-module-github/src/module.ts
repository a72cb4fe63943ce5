import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { maturitySourcesExtensionPoint } from '@internal/plugin-maturity-node';
import { GithubClient } from './api/GithubClient';
import { RepositoryIndex } from './catalog/RepositoryIndex';
import { GITHUB_CONFIG_KEY, readGithubConfig } from './config/readGithubConfig';
import { GithubSource } from './GithubSource';

/**
 * The GitHub source of the Maturity plugin: Actions workflow runs,
 * deployments, pull requests, direct pushes, branch protection and
 * repository facts of the repositories named by `github.com/project-slug`
 * annotations. Credentials come from `integrations.github`. Disabled without
 * `maturity.sources.github`.
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
      },
      async init({ sources, config, logger, scheduler, auth, catalog }) {
        const github = readGithubConfig(config);
        if (!github) {
          logger.info(
            `GitHub source is disabled: no ${GITHUB_CONFIG_KEY} config`,
          );
          return;
        }
        const integrations = ScmIntegrations.fromConfig(config);
        sources.addSource(
          new GithubSource({
            client: new GithubClient({
              credentials:
                DefaultGithubCredentialsProvider.fromIntegrations(integrations),
            }),
            repositories: new RepositoryIndex({ catalog, auth, integrations }),
            scheduler,
            schedule: github.schedule,
            initialLookbackDays: github.initialLookbackDays,
            maxConcurrency: github.maxConcurrency,
            logger,
          }),
        );
      },
    });
  },
});
