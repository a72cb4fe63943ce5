/**
 * Maturity frontend plugin: the entity Maturity tab and the API client for
 * the Maturity backend.
 *
 * @packageDocumentation
 */

export {
  maturityPlugin,
  EntityMaturityContent,
  EntityActivity,
} from './plugin';
export type { EntityActivityProps } from './components/EntityActivity';
export { maturityApiRef } from './api/MaturityApi';
export type {
  MaturityApi,
  MaturityEntityRef,
  MaturityTimeWindow,
  GetEntityEventsOptions,
} from './api/MaturityApi';
export { MaturityClient } from './api/MaturityClient';
