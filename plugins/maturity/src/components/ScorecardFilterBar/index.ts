export {
  ScorecardFilterBar,
  toFilters,
  toEntityRef,
  FILTER_DEBOUNCE_MS,
} from './ScorecardFilterBar';
export type { ScorecardFilterBarProps } from './ScorecardFilterBar';
