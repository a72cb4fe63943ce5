import { MetricUnit } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/**
 * A metric value with its unit, e.g. `0.5 deploy-days/week`, `6.9 days`,
 * `27%`. Hours of a day or more are shown in days.
 */
export function formatMetricValue(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'ratio':
      return `${Math.round(value * 1000) / 10}%`;
    case 'hours':
      if (value >= 48) {
        return `${round(value / 24)} days`;
      }
      if (value < 1) {
        return `${Math.round(value * 60)} min`;
      }
      return `${round(value)} h`;
    case 'minutes':
      return `${round(value)} min`;
    case 'deploy-days-per-week':
      return `${round(value)} deploy-days/week`;
    case 'days-per-week':
      return `${round(value)} days/week`;
    default:
      return String(round(value));
  }
}

function round(value: number): number {
  return Math.abs(value) >= 10
    ? Math.round(value)
    : Math.round(value * 10) / 10;
}
