export { EventStatus } from './EventStatus';
export type { EventStatusProps, EventStatusValue } from './EventStatus';
