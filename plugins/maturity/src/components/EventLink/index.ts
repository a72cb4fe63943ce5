export { EventLink } from './EventLink';
