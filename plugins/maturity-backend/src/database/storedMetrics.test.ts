import { makeEvaluation } from '../testing/makeEvaluation';
import { fromStoredMetrics, toStoredMetrics } from './storedMetrics';

describe('storedMetrics', () => {
  const { metrics } = makeEvaluation('component:default/checkout-api', {
    levels: [3, 2, 3, 2, 3],
  });

  it('leaves out what the metric definitions say', () => {
    const measured = {
      ...metrics,
      metrics: {
        ...metrics.metrics,
        lead_time: {
          ...metrics.metrics.lead_time,
          value: 20.5,
          status: 'ok' as const,
          sampleSize: 7,
          evidence: ['change:9', 'change:8'],
          breakdown: { p75: 30, coding: null },
        },
        // A value some other engine wrote with a minimum of its own.
        ci_runs: { ...metrics.metrics.ci_runs, minimumSample: 3 },
      },
    };
    const stored = toStoredMetrics(measured);
    expect(stored.metrics.lead_time).toEqual({
      value: 20.5,
      status: 'ok',
      sampleSize: 7,
      evidence: ['change:9', 'change:8'],
      breakdown: { p75: 30, coding: null },
    });
    expect(stored.metrics.ci_runs).toMatchObject({ minimumSample: 3 });
    expect(fromStoredMetrics(JSON.parse(JSON.stringify(stored)))).toEqual(
      measured,
    );
  });
});
