import { ScmIntegrationRegistry } from '@backstage/integration';
import { GITHUB_CONFIG_KEY } from './readGithubConfig';

/**
 * Stops start-up when no `integrations.github` entry has a token or a
 * GitHub App: every request would go out anonymously (60 an hour). Which
 * hosts and owners need credentials is only known at each sync (from the
 * catalog, and from the App's installations), so a repository whose host or
 * owner has none fails there, its request not sent.
 */
export function requireGithubCredentials(
  integrations: ScmIntegrationRegistry,
): void {
  if (hasGithubCredentials(integrations)) return;
  throw new Error(
    `${GITHUB_CONFIG_KEY} is configured, but integrations.github has no token ` +
      'or GitHub App for any host: add one under integrations.github (GitHub ' +
      'allows 60 anonymous requests an hour, too few to sync)',
  );
}

/** Whether any `integrations.github` entry has a token or a GitHub App. */
export function hasGithubCredentials(
  integrations: ScmIntegrationRegistry,
): boolean {
  return integrations.github
    .list()
    .some(({ config }) => !!config.token || (config.apps?.length ?? 0) > 0);
}
