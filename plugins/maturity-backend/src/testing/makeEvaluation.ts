import {
  CATEGORY_IDS,
  CheckResult,
  EntityMetrics,
  MaturityLevel,
  MetricId,
  MetricValue,
  METRIC_DEFINITIONS,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { EvaluationRecord } from '../database/ScorecardStore';

const WINDOW = {
  from: '2026-08-25T00:00:00.000Z',
  to: '2026-11-23T00:00:00.000Z',
};

/** A type-correct evaluation with chosen category levels, for store tests. */
export function makeEvaluation(
  entityRef: string,
  options: {
    owner?: string;
    system?: string;
    levels: [number, number, number, number, number];
    failing?: string[];
    /** The category levels without waivers; absent: an older scorecard. */
    withoutWaivers?: [number, number, number, number, number];
    /** Exempt checks and the state their data gave. */
    waived?: Record<string, 'pass' | 'fail'>;
  },
): EvaluationRecord {
  const levels = options.levels as MaturityLevel[];
  const sorted = [...levels].sort((a, b) => a - b);
  const checks: CheckResult[] = (options.failing ?? []).map(checkId => ({
    checkId,
    title: checkId,
    category: 'build-deploy',
    level: 1,
    required: false,
    state: 'fail',
    message: 'failing',
    observed: {},
    source: 'heuristic',
    howToFix: 'fix it',
    evidence: [],
  }));
  for (const [checkId, state] of Object.entries(options.waived ?? {})) {
    checks.push({
      checkId,
      title: checkId,
      category: 'build-deploy',
      level: 1,
      required: true,
      state: 'exempt',
      stateWithoutWaiver: state,
      message: 'exempt',
      observed: {},
      source: 'heuristic',
      howToFix: 'fix it',
      evidence: [],
    });
  }
  const dora = (metricId: string) => ({
    metricId,
    value: null,
    status: 'insufficient-data' as const,
    sampleSize: 0,
    band: null,
  });
  const scorecard: Scorecard = {
    entityRef,
    rubricVersion: 'test-1',
    evaluatedAt: '2026-11-23T10:00:00.000Z',
    window: WINDOW,
    overallLevel: sorted[2],
    imbalanced: sorted[4] - sorted[0] >= 2,
    categories: CATEGORY_IDS.map((category, i) => ({
      category,
      level: levels[i],
      levels: [],
    })),
    checks,
    delivery: {
      deploymentFrequency: dora('deployment_frequency'),
      leadTime: dora('lead_time'),
      changeFailureRate: dora('change_failure_rate'),
      recoveryTime: dora('failed_deployment_recovery_time'),
      reworkRate: dora('rework_rate'),
      overallBand: null,
    },
  };
  if (options.withoutWaivers) {
    const without = options.withoutWaivers as MaturityLevel[];
    scorecard.levelsWithoutWaivers = {
      overallLevel: [...without].sort((a, b) => a - b)[2],
      categoryLevels: Object.fromEntries(
        CATEGORY_IDS.map((category, i) => [category, without[i]]),
      ) as Record<(typeof CATEGORY_IDS)[number], MaturityLevel>,
    };
  }
  const metrics: EntityMetrics = {
    entityRef,
    ...WINDOW,
    metrics: Object.fromEntries(
      Object.entries(METRIC_DEFINITIONS).map(([id, definition]) => [
        id,
        {
          value: null,
          status: 'insufficient-data',
          unit: definition.unit,
          sampleSize: 0,
          minimumSample: definition.minimumSample,
          evidence: [],
        } satisfies MetricValue,
      ]),
    ) as unknown as Record<MetricId, MetricValue>,
  };
  return {
    subject: {
      entityRef,
      kind: 'component',
      type: 'service',
      lifecycle: 'production',
      ownerRef: options.owner,
      systemRef: options.system,
      title: entityRef.split('/')[1],
    },
    scorecard,
    metrics,
  };
}
