export {
  EntityMaturityLink,
  useEntityMaturityPath,
  shortEntityRef,
} from './EntityMaturityLink';
export type { EntityMaturityLinkProps } from './EntityMaturityLink';
