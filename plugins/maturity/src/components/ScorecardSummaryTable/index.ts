export { ScorecardSummaryTable, pageQuery } from './ScorecardSummaryTable';
export type {
  ScorecardSummaryTableProps,
  ScorecardFilters,
} from './ScorecardSummaryTable';
