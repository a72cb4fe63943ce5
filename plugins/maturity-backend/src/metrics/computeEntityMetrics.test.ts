import { METRIC_DEFINITIONS } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  DeploymentRecord,
  IncidentRecord,
  MetricsWindowRows,
} from '../database/MetricsWindowReader';
import { computeEntityMetrics } from './computeEntityMetrics';

// Arithmetic over rows: no database, the rows as the window read gives them.
const SHOP = 'component:default/shop';
const FROM = new Date('2026-03-01T00:00:00Z');
const TO = new Date('2026-03-29T00:00:00Z');
const HOUR = 3_600_000;

const empty = (): MetricsWindowRows => ({
  presence: new Map(),
  deployments: [],
  changeLinks: [],
  reverts: [],
  changes: [],
  authors: [],
  builds: [],
  incidents: [],
});

const deploy = (id: number, at: string): DeploymentRecord => ({
  id,
  entityRef: SHOP,
  externalId: `D${id}`,
  environment: 'production',
  status: 'success',
  shas: [],
  startedAt: Date.parse(at),
  deployedAt: Date.parse(at) + 0.1 * HOUR,
  isProduction: true,
  deployedToPreproductionFirst: false,
  fixesIncidents: [],
  bundled: false,
});

const incident = (id: number, at: string): IncidentRecord => ({
  id,
  entityRef: SHOP,
  source: 'pagerduty',
  externalId: `I${id}`,
  urgency: 'high',
  triggeredAt: Date.parse(at),
  resolvedAt: Date.parse(at) + 2 * HOUR,
  linkedDeploymentIds: [],
  linkedCommitShas: [],
});

describe('computeEntityMetrics', () => {
  it('gives every metric for every entity, never a fake zero without events', () => {
    const [result] = computeEntityMetrics(empty(), {
      entities: [{ entityRef: SHOP, hasIncidentSource: true }],
      from: FROM,
      to: TO,
    });
    expect(result.entityRef).toBe(SHOP);
    expect(result.from).toBe(FROM.toISOString());
    expect(Object.keys(result.metrics).sort()).toEqual(
      Object.keys(METRIC_DEFINITIONS).sort(),
    );
    // Counts are real zeros; nothing else gets a value without a sample.
    expect(result.metrics.production_deploys).toMatchObject({
      status: 'ok',
      value: 0,
    });
    const valuedWithoutStatus = Object.entries(result.metrics)
      .filter(([, metric]) => metric.status !== 'ok')
      .filter(([, metric]) => (metric.value ?? null) !== null)
      .map(([id]) => id);
    expect(valuedWithoutStatus).toEqual([]);
    expect(result.metrics.lead_time.status).toBe('not-applicable');
    expect(result.metrics.mttr.status).toBe('insufficient-data');
    expect(result.incidentLinks).toEqual([]);
  });

  it('links incidents to the deployment before them and judges stability only with an incident tool', () => {
    const rows = {
      ...empty(),
      presence: new Map([
        [
          SHOP,
          {
            builds: false,
            changes: false,
            repoFacts: false,
            incidents: true,
            productionDeploys: true,
            lastProductionDeployAt: Date.parse('2026-03-09T10:06:00Z'),
          },
        ],
      ]),
      deployments: [
        deploy(1, '2026-03-02T10:00:00Z'),
        deploy(2, '2026-03-09T10:00:00Z'),
      ],
      incidents: [incident(7, '2026-03-09T12:00:00Z')],
    };
    const window = { from: FROM, to: TO };
    const [connected] = computeEntityMetrics(rows, {
      ...window,
      entities: [{ entityRef: SHOP, hasIncidentSource: true }],
    });
    expect(connected.incidentLinks).toEqual([
      {
        incidentId: 'incident:7',
        deploymentId: 'deployment:2',
        method: 'window',
      },
    ]);
    expect(connected.metrics.production_deploys.value).toBe(2);
    expect(connected.metrics.incidents_high_urgency.value).toBe(1);
    expect(connected.metrics.change_failure_rate.status).not.toBe(
      'not-applicable',
    );
    expect(connected.metrics.mttr).toMatchObject({
      status: 'insufficient-data',
      sampleSize: 1,
    });

    // As decided by the evaluation: without an incident tool no incident is
    // no evidence of stability.
    const [unconnected] = computeEntityMetrics(rows, {
      ...window,
      entities: [{ entityRef: SHOP, hasIncidentSource: false }],
    });
    expect(unconnected.metrics.change_failure_rate.status).toBe(
      'not-applicable',
    );
    expect(unconnected.metrics.mttr.status).toBe('not-applicable');
  });

  it('gives the share of deploys naming their commit that shipped with another component', () => {
    const withCommit = (id: number, day: string, bundled: boolean) => ({
      ...deploy(id, `2026-03-${day}T10:00:00Z`),
      commitSha: `${id}`.padStart(40, 'a'),
      bundled,
    });
    const rows = {
      ...empty(),
      presence: new Map([
        [
          SHOP,
          {
            builds: false,
            changes: false,
            repoFacts: false,
            incidents: false,
            productionDeploys: true,
            lastProductionDeployAt: Date.parse('2026-03-20T10:06:00Z'),
          },
        ],
      ]),
      deployments: [
        withCommit(1, '02', true),
        withCommit(2, '03', false),
        withCommit(3, '04', true),
        withCommit(4, '05', false),
        withCommit(5, '06', false),
        withCommit(6, '09', false),
        // Without a commit it cannot be matched: not in the sample.
        deploy(7, '2026-03-20T10:00:00Z'),
      ],
    };
    const [result] = computeEntityMetrics(rows, {
      entities: [{ entityRef: SHOP, hasIncidentSource: false }],
      from: FROM,
      to: TO,
    });
    // 2 of the 6 deploys with a commit.
    expect(result.metrics.bundled_deploy_share).toMatchObject({
      status: 'ok',
      value: 2 / 6,
      sampleSize: 6,
    });
    expect(result.metrics.bundled_deploy_share.evidence.slice(0, 2)).toEqual([
      'deployment:3',
      'deployment:1',
    ]);
  });
});
