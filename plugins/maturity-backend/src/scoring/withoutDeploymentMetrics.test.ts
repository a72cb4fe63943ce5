import { makeEvaluation } from '../testing/makeEvaluation';
import { withoutDeploymentMetrics } from './withoutDeploymentMetrics';

describe('withoutDeploymentMetrics', () => {
  it('marks deployment metrics not applicable and leaves the rest', () => {
    const { metrics } = makeEvaluation('component:default/http-client-lib', {
      levels: [1, 1, 1, 1, 1],
    });
    const input = {
      ...metrics.metrics,
      non_production_deploys: {
        ...metrics.metrics.non_production_deploys,
        value: 0,
        status: 'ok' as const,
      },
      ci_runs: {
        ...metrics.metrics.ci_runs,
        value: 42,
        status: 'ok' as const,
        sampleSize: 42,
      },
    };
    const result = withoutDeploymentMetrics(input);
    expect(result.non_production_deploys).toMatchObject({
      status: 'not-applicable',
      value: null,
    });
    expect(result.deployment_frequency.status).toBe('not-applicable');
    expect(result.change_failure_rate.status).toBe('not-applicable');
    expect(result.lead_time.status).toBe('not-applicable');
    expect(result.ci_runs).toEqual(input.ci_runs);
    expect(result.pr_review_coverage).toEqual(input.pr_review_coverage);
  });
});
