/**
 * Maturity frontend plugin: the entity Maturity tab and card, and the API
 * client for the Maturity backend.
 *
 * @packageDocumentation
 */

export {
  maturityPlugin,
  EntityMaturityContent,
  EntityActivity,
  EntityScorecard,
  EntityMaturityCard,
  EntityMaturityRollupContent,
  MaturityPage,
} from './plugin';
export { rootRouteRef, rollupRouteRef, overviewRouteRef } from './routes';
export type { EntityActivityProps } from './components/EntityActivity';
export type { EntityScorecardProps } from './components/EntityScorecard';
export { maturityApiRef } from './api/MaturityApi';
export type {
  MaturityApi,
  MaturityEntityRef,
  MaturityTimeWindow,
  GetEntityEventsOptions,
  ListCampaignEntitiesOptions,
  ListCampaignsOptions,
  ScorecardHistoryPoint,
  ScorecardSummary,
  ListScorecardsQuery,
  ScorecardPage,
  CreateExemptionRequest,
} from './api/MaturityApi';
export { MaturityClient } from './api/MaturityClient';
