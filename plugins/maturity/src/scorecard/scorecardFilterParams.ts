import { DoraBand } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import type { ScorecardFilters } from '../components/ScorecardSummaryTable';

const TEXT_KEYS = [
  'system',
  'domain',
  'kind',
  'lifecycle',
  'q',
  'failingCheck',
  'waivedCheck',
] as const;

const BANDS: ReadonlyArray<DoraBand | 'unknown'> = [
  'elite',
  'high',
  'medium',
  'low',
  'none',
  'unknown',
];

function level(text: string | null, highest = 5): number | undefined {
  if (text === null || !/^\d$/.test(text) || Number(text) > highest) {
    return undefined;
  }
  return Number(text);
}

/** The highest MLOps level, Google's level 2. */
const HIGHEST_MLOPS_LEVEL = 2;

/**
 * The scorecard list filters in a page's query string, named as the list
 * API names them (`?owner=group:default/payments&includeSubgroups=true&
 * failingCheck=test.3.e2e-tests`), so a drill-down link is a URL. Values
 * the API would reject are left out.
 */
export function filtersFromSearchParams(
  params: URLSearchParams,
): ScorecardFilters {
  const filters: ScorecardFilters = {};
  const owners = params.getAll('owner').filter(owner => owner.trim());
  if (owners.length > 0) {
    filters.owner = owners;
    filters.includeSubgroups = params.get('includeSubgroups') === 'true';
  }
  for (const key of TEXT_KEYS) {
    const value = params.get(key);
    if (value?.trim()) {
      filters[key] = value;
    }
  }
  const minLevel = level(params.get('minLevel'));
  if (minLevel !== undefined) filters.minLevel = minLevel;
  const maxLevel = level(params.get('maxLevel'));
  if (maxLevel !== undefined) filters.maxLevel = maxLevel;
  const minMlopsLevel = level(params.get('minMlopsLevel'), HIGHEST_MLOPS_LEVEL);
  if (minMlopsLevel !== undefined) filters.minMlopsLevel = minMlopsLevel;
  const maxMlopsLevel = level(params.get('maxMlopsLevel'), HIGHEST_MLOPS_LEVEL);
  if (maxMlopsLevel !== undefined) filters.maxMlopsLevel = maxMlopsLevel;
  const band = params.get('deliveryBand') as DoraBand | 'unknown' | null;
  if (band && BANDS.includes(band)) {
    filters.deliveryBand = band;
  }
  // Levels without waivers: the level bounds, the order and the heatmap.
  if (params.get('levels') === 'withoutWaivers') {
    filters.levels = 'withoutWaivers';
  }
  return filters;
}

/** The query string of {@link filtersFromSearchParams}; unset filters are left out. */
export function searchParamsOfFilters(
  filters: ScorecardFilters,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const owner of filters.owner ?? []) {
    params.append('owner', owner);
  }
  if (filters.owner?.length && filters.includeSubgroups) {
    params.set('includeSubgroups', 'true');
  }
  for (const key of TEXT_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.minLevel !== undefined) {
    params.set('minLevel', String(filters.minLevel));
  }
  if (filters.maxLevel !== undefined) {
    params.set('maxLevel', String(filters.maxLevel));
  }
  if (filters.minMlopsLevel !== undefined) {
    params.set('minMlopsLevel', String(filters.minMlopsLevel));
  }
  if (filters.maxMlopsLevel !== undefined) {
    params.set('maxMlopsLevel', String(filters.maxMlopsLevel));
  }
  if (filters.deliveryBand) params.set('deliveryBand', filters.deliveryBand);
  if (filters.levels === 'withoutWaivers') params.set('levels', filters.levels);
  return params;
}

/** The same string for the same filters, whatever order they were set in. */
export function filtersKey(filters: ScorecardFilters): string {
  return searchParamsOfFilters(filters).toString();
}
