export { EntityActivity } from './EntityActivity';
export type { EntityActivityProps } from './EntityActivity';
