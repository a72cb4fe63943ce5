import { InfoCard, Link } from '@backstage/core-components';
import {
  DeliveryPerformance,
  DoraMetricResult,
  EntityMetrics,
  METRIC_DEFINITIONS,
  MetricId,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import { useState } from 'react';
import { bandLabel } from '../../scorecard/bandLabels';
import { DORA_REFERENCE_REPORTS } from '../../scorecard/doraReferenceClusters';
import { formatMetricValue } from '../../scorecard/formatMetricValue';
import {
  describePlacement,
  DoraClusterMetric,
  placeInDoraCluster,
} from '../../scorecard/placeInDoraCluster';
import { statusColor } from '../../scorecard/statusColor';
import { DoraReferenceTable, DoraReportSelect } from '../DoraReferenceTable';

type DeliveryKey = keyof Omit<DeliveryPerformance, 'overallBand'>;

const ROWS: DeliveryKey[] = [
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'recoveryTime',
  'reworkRate',
];

/** The rows the DORA reports cluster; rework rate has no clusters. */
const CLUSTERED: ReadonlySet<DeliveryKey> = new Set<DeliveryKey>([
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'recoveryTime',
]);

const useStyles = makeStyles(theme => ({
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(1),
  },
  // The error colour is for the icon only: as text it is below 4.5:1 on
  // the dark theme's paper.
  error: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
  errorIcon: { color: statusColor(theme, 'error') },
  cluster: { display: 'block' },
}));

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

/** A metric's band; rework rate is not banded, a metric without data has none. */
function metricBand(key: DeliveryKey, result: DoraMetricResult): string {
  if (key === 'reworkRate') {
    return 'Not banded';
  }
  if (result.status === 'not-applicable') {
    return '—';
  }
  return bandLabel(result.band);
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

/**
 * What the weekly median of deployment frequency leaves out: the monthly
 * median (which decides the lower bands) and the counts behind both.
 */
function DeploymentFrequencyBreakdown(props: { metrics?: EntityMetrics }) {
  const breakdown = props.metrics?.metrics.deployment_frequency?.breakdown;
  if (!breakdown) {
    return null;
  }
  const parts: string[] = [];
  if (typeof breakdown.deployDaysPerMonth === 'number') {
    parts.push(`median month ${breakdown.deployDaysPerMonth} deploy-days`);
  }
  if (
    typeof breakdown.deployDays === 'number' &&
    typeof breakdown.weeks === 'number'
  ) {
    parts.push(
      `deploys on ${breakdown.deployDays} days in ${breakdown.weeks} weeks`,
    );
  }
  if (parts.length === 0) {
    return null;
  }
  return (
    <Typography variant="caption" color="textSecondary" component="div">
      {parts.join(' · ')}
    </Typography>
  );
}

/**
 * The value placed against the survey clusters: for deployment frequency
 * the mean deploy-days per week (the surveys ask how often, and a weekly
 * median is 0 for anything rarer than every other week), else the metric.
 */
function clusterValue(
  metric: DeliveryKey,
  result: DoraMetricResult,
  metrics?: EntityMetrics,
): number | null {
  const breakdown = metrics?.metrics.deployment_frequency?.breakdown;
  if (
    metric === 'deploymentFrequency' &&
    typeof breakdown?.deployDays === 'number' &&
    typeof breakdown?.weeks === 'number' &&
    breakdown.weeks > 0
  ) {
    return breakdown.deployDays / breakdown.weeks;
  }
  return result.value;
}

/** This entity's value against the chosen report's clusters. */
function ClusterPlacement(props: {
  reportId: string;
  metric: DeliveryKey;
  result: DoraMetricResult;
  metrics?: EntityMetrics;
}) {
  const { reportId, metric, result } = props;
  const classes = useStyles();
  if (
    !CLUSTERED.has(metric) ||
    result.status !== 'ok' ||
    result.value === null
  ) {
    return <>—</>;
  }
  const clusterMetric = metric as DoraClusterMetric;
  const placement = placeInDoraCluster(
    reportId,
    clusterMetric,
    clusterValue(metric, result, props.metrics) ?? result.value,
  );
  if (!placement) {
    return <>—</>;
  }
  return (
    <>
      {describePlacement(placement)}
      <Typography
        variant="caption"
        color="textSecondary"
        className={classes.cluster}
      >
        {placement.clusters
          .map(cluster => `${cluster.name}: ${cluster[clusterMetric]}`)
          .join('; ')}
      </Typography>
    </>
  );
}

/** Props of {@link DeliveryPerformancePanel}. */
export interface DeliveryPerformancePanelProps {
  delivery: DeliveryPerformance;
  /** Adds the lead-time breakdown and metric evidence when present. */
  metrics?: EntityMetrics;
  /** Why the metrics could not be loaded; shown instead of their evidence. */
  metricsError?: Error;
  /** Loads the metrics again after `metricsError`. */
  onRetryMetrics?: () => void;
  onShowEvidence?: (
    title: string,
    evidence: string[],
    sampleSize: number,
  ) => void;
}

/**
 * The DORA metrics: value with unit, sample size and band, "insufficient
 * data" instead of a zero, and where the value falls among the published
 * clusters of a chosen State of DevOps report, whose cluster table and
 * citation follow. Says so when the metrics, and with them the evidence
 * and the lead-time breakdown, could not be loaded.
 */
export function DeliveryPerformancePanel(props: DeliveryPerformancePanelProps) {
  const { delivery, metrics, metricsError, onRetryMetrics, onShowEvidence } =
    props;
  const classes = useStyles();
  const [reportId, setReportId] = useState(DORA_REFERENCE_REPORTS[0].id);
  const report =
    DORA_REFERENCE_REPORTS.find(r => r.id === reportId) ??
    DORA_REFERENCE_REPORTS[0];
  return (
    <InfoCard
      title="Delivery performance (DORA)"
      subheader={`Overall band: ${bandLabel(
        delivery.overallBand,
      )} — the lowest band among the metrics; recovery time counts once enough failures were recovered to time`}
    >
      {metricsError && (
        <div className={classes.error} role="alert">
          <ErrorOutline fontSize="small" className={classes.errorIcon} />
          <Typography variant="body2" component="span">
            Could not load the metrics ({metricsError.message}): the evidence
            behind these values and the lead-time breakdown are missing.
          </Typography>
          {onRetryMetrics && (
            <Button size="small" color="primary" onClick={onRetryMetrics}>
              Try again
            </Button>
          )}
        </div>
      )}
      <div className={classes.heading}>
        <Typography variant="body2" color="textSecondary">
          Compared with the published clusters of
        </Typography>
        <DoraReportSelect value={report.id} onChange={setReportId} />
      </div>
      <Table size="small" aria-label="DORA metrics">
        <TableHead>
          <TableRow>
            <TableCell>Metric</TableCell>
            <TableCell>Value</TableCell>
            <TableCell align="right">Sample</TableCell>
            <TableCell>Band</TableCell>
            <TableCell>DORA {report.id} cluster</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {ROWS.map(key => {
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
                  {key === 'deploymentFrequency' && result.status === 'ok' && (
                    <DeploymentFrequencyBreakdown metrics={metrics} />
                  )}
                </TableCell>
                <TableCell align="right">{result.sampleSize}</TableCell>
                <TableCell>{metricBand(key, result)}</TableCell>
                <TableCell>
                  <ClusterPlacement
                    reportId={report.id}
                    metric={key}
                    result={result}
                    metrics={metrics}
                  />
                </TableCell>
                <TableCell>
                  {evidence.length > 0 && onShowEvidence && (
                    <Button
                      size="small"
                      color="primary"
                      onClick={() =>
                        onShowEvidence(title, evidence, result.sampleSize)
                      }
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
      <Typography variant="caption" color="textSecondary" component="p">
        ≈ places the measured value in the cluster whose published range holds
        it, or nearest the cluster's published value; the bands come from this
        plugin's rubric. Clusters: {report.citation}{' '}
        <Link to={report.url}>dora.dev</Link>
      </Typography>
      <DoraReferenceTable reportId={report.id} />
    </InfoCard>
  );
}
