/**
 * The GitHub source of the Maturity plugin: a backend module that pulls
 * Actions workflow runs, deployments, pull requests, direct pushes and
 * repository facts from GitHub and GitHub Enterprise, and writes GitHub
 * webhook deliveries received through the events backend as they arrive.
 *
 * @packageDocumentation
 */

export { maturityModuleGithub as default } from './module';
export { maturityModuleGithub } from './module';
