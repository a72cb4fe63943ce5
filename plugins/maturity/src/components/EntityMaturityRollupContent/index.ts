export {
  EntityMaturityRollupContent,
  memberFilters,
} from './EntityMaturityRollupContent';
