/**
 * The Maturity backend plugin: stores raw delivery events per catalog entity
 * and serves them, and the scorecards computed from them, over a REST API.
 *
 * @packageDocumentation
 */

export { maturityPlugin as default } from './plugin';
export type { EventStore, ListEventsOptions } from './database/EventStore';
export type { ReadEventsByIdOptions } from './database/operations/events/readEventsById';
