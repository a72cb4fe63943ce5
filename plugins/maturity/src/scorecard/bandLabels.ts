import { DoraBand } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** What a missing delivery band means: a banded metric lacks data. */
export const INSUFFICIENT_DATA = 'Insufficient data';

const BAND_NAMES: Record<DoraBand, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  none: 'None (no production deploy in 180 days)',
};

/** `Elite`, or `Insufficient data` when a banded metric lacks data. */
export function bandLabel(band: string | null | undefined): string {
  return band ? BAND_NAMES[band as DoraBand] ?? band : INSUFFICIENT_DATA;
}

/**
 * The delivery bands as a rollup counts them and the scorecard list filters
 * them, best first; `unknown` is the entities without a band.
 */
export const BAND_FILTER_LABELS: Record<DoraBand | 'unknown', string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  none: 'None',
  unknown: INSUFFICIENT_DATA,
};
