import { InfoCard } from '@backstage/core-components';
import {
  DeliveryPerformance,
  DoraMetricResult,
  EntityMetrics,
  METRIC_DEFINITIONS,
  MetricId,
} from '@internal/plugin-maturity-common';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { formatMetricValue } from '../../scorecard/formatMetricValue';
import { DoraReferenceTable } from '../DoraReferenceTable';
import { bandLabel } from '../ScorecardHeader';

const ROWS: Array<{ key: keyof Omit<DeliveryPerformance, 'overallBand'> }> = [
  { key: 'deploymentFrequency' },
  { key: 'leadTime' },
  { key: 'changeFailureRate' },
  { key: 'recoveryTime' },
  { key: 'reworkRate' },
];

function definition(metricId: string) {
  return METRIC_DEFINITIONS[metricId as MetricId];
}

/** The value in words: a number with its unit, or why there is none. */
export function formatDoraValue(
  result: DoraMetricResult,
  metrics?: EntityMetrics,
): string {
  const def = definition(result.metricId);
  if (result.status === 'ok' && result.value !== null && def) {
    return formatMetricValue(result.value, def.unit);
  }
  if (result.status === 'insufficient-data') {
    const minimum =
      metrics?.metrics[result.metricId as MetricId]?.minimumSample ??
      def?.minimumSample;
    return `Insufficient data (${result.sampleSize} of ${minimum})`;
  }
  return 'Not applicable';
}

function LeadTimeBreakdown(props: { metrics?: EntityMetrics }) {
  const breakdown = props.metrics?.metrics.lead_time?.breakdown;
  if (!breakdown) {
    return null;
  }
  const parts = (['coding', 'review', 'deploy', 'p75'] as const)
    .filter(key => typeof breakdown[key] === 'number')
    .map(
      key =>
        `${key === 'p75' ? 'p75' : key} ${formatMetricValue(
          breakdown[key] as number,
          'hours',
        )}`,
    );
  if (parts.length === 0) {
    return null;
  }
  return (
    <Typography variant="caption" color="textSecondary" component="div">
      {parts.join(' · ')}
    </Typography>
  );
}

/** Props of {@link DeliveryPerformancePanel}. */
export interface DeliveryPerformancePanelProps {
  delivery: DeliveryPerformance;
  /** Adds the lead-time breakdown and metric evidence when present. */
  metrics?: EntityMetrics;
  onShowEvidence?: (title: string, evidence: string[]) => void;
}

/**
 * The DORA metrics: value with unit, sample size and band, "insufficient
 * data" instead of a zero; with the published cluster values of a chosen
 * report beside them for reference.
 */
export function DeliveryPerformancePanel(props: DeliveryPerformancePanelProps) {
  const { delivery, metrics, onShowEvidence } = props;
  return (
    <InfoCard
      title="Delivery performance (DORA)"
      subheader={`Overall band: ${bandLabel(
        delivery.overallBand,
      )} — the lowest band of the four banded metrics`}
    >
      <Table size="small" aria-label="DORA metrics">
        <TableHead>
          <TableRow>
            <TableCell>Metric</TableCell>
            <TableCell>Value</TableCell>
            <TableCell align="right">Sample</TableCell>
            <TableCell>Band</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {ROWS.map(({ key }) => {
            const result = delivery[key];
            const def = definition(result.metricId);
            const title = def?.title ?? result.metricId;
            const evidence =
              metrics?.metrics[result.metricId as MetricId]?.evidence ?? [];
            return (
              <TableRow key={key}>
                <TableCell component="th" scope="row">
                  <span title={def?.description}>{title}</span>
                </TableCell>
                <TableCell>
                  {formatDoraValue(result, metrics)}
                  {key === 'leadTime' && result.status === 'ok' && (
                    <LeadTimeBreakdown metrics={metrics} />
                  )}
                </TableCell>
                <TableCell align="right">{result.sampleSize}</TableCell>
                <TableCell>
                  {key === 'reworkRate' ? 'Not banded' : bandLabel(result.band)}
                </TableCell>
                <TableCell>
                  {evidence.length > 0 && onShowEvidence && (
                    <Button
                      size="small"
                      color="primary"
                      onClick={() => onShowEvidence(title, evidence)}
                      aria-label={`Evidence for ${title}`}
                    >
                      Evidence
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <DoraReferenceTable />
    </InfoCard>
  );
}
