import {
  changeFailureRateBand,
  deploymentFrequencyBand,
  evaluateDeliveryPerformance,
  leadTimeBand,
  recoveryTimeBand,
} from './deliveryPerformance';
import {
  eliteMetrics,
  insufficientMetric,
  okMetric,
} from './__testUtils__/evaluationInputs';

describe('DORA bands at their boundaries', () => {
  it('bands deployment frequency (deploy-days per week)', () => {
    expect(deploymentFrequencyBand(3)).toBe('elite');
    expect(deploymentFrequencyBand(2.99)).toBe('high');
    expect(deploymentFrequencyBand(1)).toBe('high');
    expect(deploymentFrequencyBand(0.99)).toBe('medium');
    expect(deploymentFrequencyBand(12 / 52)).toBe('medium');
    expect(deploymentFrequencyBand(0.23)).toBe('low');
    expect(deploymentFrequencyBand(0)).toBe('low');
  });

  it('bands the lower deployment frequencies by the monthly median when given', () => {
    // Nine deploys in 90 days: no deploy in most weeks, some in every month.
    expect(deploymentFrequencyBand(0, 3)).toBe('medium');
    expect(deploymentFrequencyBand(0.5, 1)).toBe('medium');
    expect(deploymentFrequencyBand(0.5, 0.5)).toBe('low');
    expect(deploymentFrequencyBand(0, 0)).toBe('low');
    // The weekly median still decides the upper bands.
    expect(deploymentFrequencyBand(1, 0)).toBe('high');
    expect(deploymentFrequencyBand(3, 12)).toBe('elite');
    expect(deploymentFrequencyBand(0, null)).toBe('low');
  });

  it('bands no production deploy in 180 days as none, below low', () => {
    // The last production deploy 180 days before the window's end is
    // still "in 180 days": low. A day older: none.
    expect(deploymentFrequencyBand(0, 0, 180)).toBe('low');
    expect(deploymentFrequencyBand(0, 0, 181)).toBe('none');
    expect(deploymentFrequencyBand(0, 0, 400)).toBe('none');
    expect(deploymentFrequencyBand(0, 0, null)).toBe('low');
    expect(deploymentFrequencyBand(0.5, 1, 3)).toBe('medium');
  });

  it('bands lead time (hours, strictly below each bound)', () => {
    expect(leadTimeBand(23.9)).toBe('elite');
    expect(leadTimeBand(24)).toBe('high');
    expect(leadTimeBand(167.9)).toBe('high');
    expect(leadTimeBand(168)).toBe('medium');
    expect(leadTimeBand(719)).toBe('medium');
    expect(leadTimeBand(720)).toBe('low');
    expect(leadTimeBand(4320)).toBe('low');
    expect(leadTimeBand(10000)).toBe('low');
  });

  it('bands change failure rate (at or below each bound)', () => {
    expect(changeFailureRateBand(0)).toBe('elite');
    expect(changeFailureRateBand(0.05)).toBe('elite');
    expect(changeFailureRateBand(0.051)).toBe('high');
    expect(changeFailureRateBand(0.15)).toBe('high');
    expect(changeFailureRateBand(0.151)).toBe('medium');
    expect(changeFailureRateBand(0.3)).toBe('medium');
    expect(changeFailureRateBand(0.31)).toBe('low');
    expect(changeFailureRateBand(1)).toBe('low');
  });

  it('bands recovery time (hours, strictly below each bound)', () => {
    expect(recoveryTimeBand(0.99)).toBe('elite');
    expect(recoveryTimeBand(1)).toBe('high');
    expect(recoveryTimeBand(24)).toBe('medium');
    expect(recoveryTimeBand(167)).toBe('medium');
    expect(recoveryTimeBand(168)).toBe('low');
    expect(recoveryTimeBand(720)).toBe('low');
  });
});

describe('evaluateDeliveryPerformance', () => {
  it('bands each metric and takes the lowest as overall', () => {
    const metrics = {
      ...eliteMetrics(),
      lead_time: okMetric('lead_time', 30, 120), // high
      change_failure_rate: okMetric('change_failure_rate', 0.2, 40), // medium
    };
    const delivery = evaluateDeliveryPerformance(metrics);
    expect(delivery.deploymentFrequency).toEqual({
      metricId: 'deployment_frequency',
      value: 4.5,
      status: 'ok',
      sampleSize: 13,
      band: 'elite',
    });
    expect(delivery.leadTime.band).toBe('high');
    expect(delivery.changeFailureRate.band).toBe('medium');
    expect(delivery.recoveryTime.band).toBe('elite');
    expect(delivery.overallBand).toBe('medium');
    expect(delivery.reworkRate).toEqual({
      metricId: 'rework_rate',
      value: 0.03,
      status: 'ok',
      sampleSize: 58,
      band: null,
    });
  });

  it('leaves a band null without data, and then the overall band too', () => {
    const delivery = evaluateDeliveryPerformance({
      ...eliteMetrics(),
      lead_time: insufficientMetric('lead_time', 4),
    });
    expect(delivery.leadTime).toEqual({
      metricId: 'lead_time',
      value: null,
      status: 'insufficient-data',
      sampleSize: 4,
      band: null,
    });
    expect(delivery.overallBand).toBeNull();
  });

  it('bands overall without recovery time when too few failures were recovered', () => {
    const delivery = evaluateDeliveryPerformance({
      ...eliteMetrics(),
      lead_time: okMetric('lead_time', 30, 120), // high
      failed_deployment_recovery_time: insufficientMetric(
        'failed_deployment_recovery_time',
        2,
      ),
    });
    expect(delivery.recoveryTime).toEqual({
      metricId: 'failed_deployment_recovery_time',
      value: null,
      status: 'insufficient-data',
      sampleSize: 2,
      band: null,
    });
    expect(delivery.overallBand).toBe('high');
  });

  it('bands deployment frequency with its monthly median', () => {
    const delivery = evaluateDeliveryPerformance({
      ...eliteMetrics(),
      deployment_frequency: {
        ...okMetric('deployment_frequency', 0, 9),
        breakdown: { weeks: 13, deployDays: 9, deployDaysPerMonth: 2.5 },
      },
    });
    expect(delivery.deploymentFrequency.band).toBe('medium');
    expect(delivery.overallBand).toBe('medium');
  });

  it('lets a slow recovery lower the overall band', () => {
    const delivery = evaluateDeliveryPerformance({
      ...eliteMetrics(),
      failed_deployment_recovery_time: okMetric(
        'failed_deployment_recovery_time',
        200,
        4,
      ), // low
    });
    expect(delivery.overallBand).toBe('low');
  });

  it('bands a rare deployer: two deploys in a quarter are Low, not missing data', () => {
    // Two production deploys in a 13-week window: 11 weeks of 0 deploy-days
    // → weekly median 0; four calendar months with [1, 0, 1, 0] deploy-days
    // → monthly median (0 + 1) / 2 = 0.5, below once a month; the last
    // deploy 20 days ago is within 180 days: Low.
    const delivery = evaluateDeliveryPerformance({
      ...eliteMetrics(),
      deployment_frequency: {
        ...okMetric('deployment_frequency', 0, 2),
        breakdown: {
          weeks: 13,
          deployDays: 2,
          productionDeploys: 2,
          deployDaysPerMonth: 0.5,
          daysSinceProductionDeploy: 20,
        },
      },
    });
    expect(delivery.deploymentFrequency).toEqual({
      metricId: 'deployment_frequency',
      value: 0,
      status: 'ok',
      sampleSize: 2,
      band: 'low',
    });
    expect(delivery.overallBand).toBe('low');
  });

  it('takes none as the lowest band overall', () => {
    // Only reachable with a window longer than 180 days (lead time and
    // change failure rate need deploys in the window), but the rule holds.
    const delivery = evaluateDeliveryPerformance({
      ...eliteMetrics(),
      deployment_frequency: {
        ...okMetric('deployment_frequency', 0, 6),
        breakdown: { deployDaysPerMonth: 0, daysSinceProductionDeploy: 200 },
      },
    });
    expect(delivery.deploymentFrequency.band).toBe('none');
    expect(delivery.overallBand).toBe('none');
  });

  it('treats missing metrics as not applicable', () => {
    const delivery = evaluateDeliveryPerformance({});
    expect(delivery.leadTime).toEqual({
      metricId: 'lead_time',
      value: null,
      status: 'not-applicable',
      sampleSize: 0,
      band: null,
    });
    expect(delivery.overallBand).toBeNull();
  });

  it('does not band change failure rate without an incident source', () => {
    const delivery = evaluateDeliveryPerformance(eliteMetrics(), {
      scm: true,
      ci: true,
      incidents: false,
    });
    expect(delivery.changeFailureRate.status).toBe('not-applicable');
    expect(delivery.changeFailureRate.band).toBeNull();
    expect(delivery.overallBand).toBeNull();
  });
});
