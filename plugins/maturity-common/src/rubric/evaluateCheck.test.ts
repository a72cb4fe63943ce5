import { defaultRubric } from './defaultRubric';
import { evaluateCheck } from './evaluateCheck';
import {
  bareInput,
  checkById,
  eliteInput,
  exemption,
  insufficientMetric,
  notApplicableMetric,
  okMetric,
} from './__testUtils__/evaluationInputs';

const check = (id: string) => checkById(defaultRubric, id);

describe('evaluateCheck: metric rules', () => {
  const automated = check('build-deploy.3.automated-prod-deploys');

  it('explains a pass with numbers, units and counts', () => {
    const input = eliteInput();
    input.metrics.deploy_automation_share = okMetric(
      'deploy_automation_share',
      0.82,
      50,
    );
    expect(evaluateCheck(automated, input)).toEqual({
      checkId: 'build-deploy.3.automated-prod-deploys',
      title: 'At least 80% of production deploys automated',
      category: 'build-deploy',
      level: 3,
      required: true,
      state: 'pass',
      message: '0.82 ≥ 0.80 of production deploys automated (41 of 50)',
      observed: {
        deploy_automation_share: 0.82,
        'deploy_automation_share.sampleSize': 50,
      },
      threshold: '>= 0.8',
      source: 'CDMM',
      howToFix: automated.howToFix,
      evidence: [
        'deployment:deploy_automation_share-1',
        'deployment:deploy_automation_share-2',
      ],
    });
  });

  it('explains a fail with the relation that holds', () => {
    const input = eliteInput();
    input.metrics.deploy_automation_share = okMetric(
      'deploy_automation_share',
      0.62,
      50,
    );
    const result = evaluateCheck(automated, input);
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      '0.62 < 0.80 of production deploys automated (31 of 50)',
    );
  });

  it('passes exactly at the threshold', () => {
    const input = eliteInput();
    input.metrics.deploy_automation_share = okMetric(
      'deploy_automation_share',
      0.8,
      50,
    );
    expect(evaluateCheck(automated, input).state).toBe('pass');
  });

  it('compares hours with <= and counts with ==', () => {
    const input = eliteInput();
    input.metrics.pr_open_to_merge = okMetric('pr_open_to_merge', 30.5, 60);
    input.metrics.rollbacks = okMetric('rollbacks', 2, 40);
    const prs = evaluateCheck(check('design.3.short-lived-prs'), input);
    expect(prs.state).toBe('fail');
    expect(prs.message).toBe(
      '30.5 > 24 hours from PR opened to merged (median)',
    );
    expect(prs.threshold).toBe('<= 24');
    const rollbacks = evaluateCheck(check('culture.5.no-rollbacks'), input);
    expect(rollbacks.state).toBe('fail');
    expect(rollbacks.message).toBe('2 ≠ 0 rollbacks');
  });

  it('is insufficient data when the metric has too few samples', () => {
    const input = eliteInput();
    input.metrics.deploy_automation_share = insufficientMetric(
      'deploy_automation_share',
      3,
    );
    const result = evaluateCheck(automated, input);
    expect(result.state).toBe('insufficient-data');
    expect(result.message).toBe(
      'Insufficient data: automated production deploys from 3 samples, at least 5 needed',
    );
    expect(result.observed).toEqual({
      deploy_automation_share: null,
      'deploy_automation_share.sampleSize': 3,
    });
  });

  it('is not applicable when the metric is missing or not applicable', () => {
    const input = eliteInput();
    delete input.metrics.deploy_automation_share;
    expect(evaluateCheck(automated, input).state).toBe('not-applicable');
    input.metrics.deploy_automation_share = notApplicableMetric(
      'deploy_automation_share',
    );
    expect(evaluateCheck(automated, input).state).toBe('not-applicable');
  });

  it('is not applicable when the tool the metric reads is not connected', () => {
    // The metric has a value, but no incident tool is connected to trust it.
    const input = eliteInput({
      connections: { scm: true, ci: true, incidents: false },
    });
    const result = evaluateCheck(
      check('culture.4.incidents-routed-to-owner'),
      input,
    );
    expect(result.state).toBe('not-applicable');
    expect(result.message).toBe(
      'Not applicable: incident management not connected',
    );
  });
});

describe('evaluateCheck: fact rules', () => {
  const codeowners = check('culture.3.codeowners');

  it('passes a true fact and fails a false one', () => {
    const input = eliteInput();
    expect(evaluateCheck(codeowners, input)).toMatchObject({
      state: 'pass',
      message: 'codeowners: true',
      observed: { codeowners: true },
    });
    expect(evaluateCheck(codeowners, input).threshold).toBeUndefined();
    input.repoFacts.codeowners = false;
    expect(evaluateCheck(codeowners, input)).toMatchObject({
      state: 'fail',
      message: 'codeowners: false, expected true',
    });
  });

  it('passes a fact that names the tool providing the practice', () => {
    const pipeline = check('mlops.1.pipeline-definition');
    const input = eliteInput();
    input.repoFacts['ml-pipeline-definition'] = 'kubeflow';
    expect(evaluateCheck(pipeline, input)).toMatchObject({
      state: 'pass',
      message: 'ml-pipeline-definition: kubeflow',
      observed: { 'ml-pipeline-definition': 'kubeflow' },
    });
    for (const absent of [false, '', '  ']) {
      input.repoFacts['ml-pipeline-definition'] = absent;
      expect(evaluateCheck(pipeline, input).state).toBe('fail');
    }
  });

  it('fails a missing fact when source control is connected', () => {
    const input = eliteInput();
    delete input.repoFacts.codeowners;
    expect(evaluateCheck(codeowners, input)).toMatchObject({
      state: 'fail',
      observed: { codeowners: null },
    });
  });

  it('is not applicable for a missing fact without source control', () => {
    expect(evaluateCheck(codeowners, bareInput()).state).toBe('not-applicable');
  });

  it('compares a numeric fact', () => {
    const stale = check('design.3.few-stale-branches');
    const input = eliteInput();
    input.repoFacts['stale-branches'] = 3;
    expect(evaluateCheck(stale, input)).toMatchObject({
      state: 'pass',
      threshold: '<= 3',
      message: 'stale-branches: 3 ≤ 3',
    });
    input.repoFacts['stale-branches'] = 7;
    expect(evaluateCheck(stale, input)).toMatchObject({
      state: 'fail',
      message: 'stale-branches: 7 > 3',
    });
  });

  it('accepts an annotation where the fact is missing', () => {
    const input = eliteInput();
    delete input.repoFacts['incident-service-mapped'];
    input.entity.annotations['pagerduty.com/service-id'] = 'P123ABC';
    expect(
      evaluateCheck(check('culture.3.incident-service-mapped'), input),
    ).toMatchObject({
      state: 'pass',
      message: 'Annotation pagerduty.com/service-id set',
    });
    delete input.entity.annotations['pagerduty.com/service-id'];
    expect(
      evaluateCheck(check('culture.3.incident-service-mapped'), input).state,
    ).toBe('fail');
  });
});

describe('evaluateCheck: composite rules', () => {
  const protectedBranch = check('culture.3.protected-default-branch');

  it('fails when any part fails and names the threshold of its metric', () => {
    const input = eliteInput();
    input.metrics.direct_pushes = okMetric('direct_pushes', 4, 4);
    const result = evaluateCheck(protectedBranch, input);
    expect(result.state).toBe('fail');
    expect(result.threshold).toBe('== 0');
    expect(result.message).toBe(
      '4 ≠ 0 direct pushes to the default branch; branch-protection: true; branch-protection-required-checks: true',
    );
  });

  it('is not applicable when a part cannot be judged', () => {
    const input = eliteInput({
      connections: { scm: false, ci: true, incidents: true },
    });
    expect(evaluateCheck(protectedBranch, input).state).toBe('not-applicable');
  });

  it('marks not-measured practices not applicable, never passed', () => {
    const result = evaluateCheck(
      {
        ...check('design.4.independent-deploys'),
        rule: { kind: 'not-measured', reason: 'No source reports it.' },
      },
      eliteInput(),
    );
    expect(result.state).toBe('not-applicable');
    expect(result.message).toBe('Not measured yet: No source reports it.');
  });

  it('passes independent deploys up to 20% bundled with other components', () => {
    const independent = check('design.4.independent-deploys');
    const input = eliteInput();
    // 4 of 20 deploys shipped with another component's deploy of the commit.
    input.metrics.bundled_deploy_share = okMetric(
      'bundled_deploy_share',
      0.2,
      20,
    );
    expect(evaluateCheck(independent, input)).toMatchObject({
      state: 'pass',
      message:
        '0.20 ≤ 0.20 of production deploys bundled with other components (4 of 20)',
    });
    input.metrics.bundled_deploy_share = okMetric(
      'bundled_deploy_share',
      0.25,
      20,
    );
    expect(evaluateCheck(independent, input).state).toBe('fail');
    input.metrics.bundled_deploy_share = insufficientMetric(
      'bundled_deploy_share',
      4,
    );
    expect(evaluateCheck(independent, input).state).toBe('insufficient-data');
  });
});

describe('evaluateCheck: other rules', () => {
  it('requires connections rather than skipping without them', () => {
    const connected = check('information.1.scm-and-ci-connected');
    expect(evaluateCheck(connected, eliteInput()).state).toBe('pass');
    const result = evaluateCheck(
      connected,
      eliteInput({ connections: { scm: true, ci: false, incidents: false } }),
    );
    expect(result).toMatchObject({
      state: 'fail',
      message: 'CI not connected',
      observed: { 'connection.scm': true, 'connection.ci': false },
    });
  });

  it('fails DORA computability on insufficient data', () => {
    const input = eliteInput();
    input.metrics.lead_time = insufficientMetric('lead_time', 4);
    expect(
      evaluateCheck(check('information.2.dora-computable'), input),
    ).toMatchObject({ state: 'fail' });
  });

  it('still needs 5 production deploys for DORA computability, though deployment frequency bands any count', () => {
    // Two deploys in the window: deployment frequency is measured (no
    // minimum sample), but only 2 of the 5 production deploys are there.
    const input = eliteInput();
    input.metrics.deployment_frequency = okMetric('deployment_frequency', 0, 2);
    input.metrics.deploy_commit_resolution_share = insufficientMetric(
      'deploy_commit_resolution_share',
      2,
    );
    expect(
      evaluateCheck(check('information.2.dora-computable'), input),
    ).toMatchObject({
      state: 'fail',
      message: expect.stringContaining(
        'Deploys resolving to a commit not computable from 2 samples (at least 5 needed)',
      ),
    });
    expect(
      evaluateCheck(check('information.2.dora-computable'), eliteInput()),
    ).toMatchObject({ state: 'pass' });
  });

  it('reads history days and catalog completeness', () => {
    const history = check('information.4.scorecard-history');
    expect(evaluateCheck(history, eliteInput({ historyDays: 90 })).state).toBe(
      'pass',
    );
    expect(
      evaluateCheck(history, eliteInput({ historyDays: 89 })),
    ).toMatchObject({
      state: 'fail',
      message: '89 < 90 days of scorecard history',
      threshold: '>= 90',
    });
    const input = eliteInput();
    input.entity.catalogCompleteness = 4 / 6;
    expect(
      evaluateCheck(check('information.3.catalog-complete'), input),
    ).toMatchObject({
      state: 'fail',
      message: '0.67 < 0.80 catalog completeness',
    });
  });

  it('judges the owner kind', () => {
    const owner = check('culture.1.owner-is-group');
    expect(evaluateCheck(owner, eliteInput()).message).toBe(
      'Owned by group:default/payments',
    );
    expect(evaluateCheck(owner, bareInput())).toMatchObject({
      state: 'fail',
      message: 'Owner user:default/jdoe is not a Group',
    });
  });
});

describe('evaluateCheck: exemptions', () => {
  const automated = check('build-deploy.3.automated-prod-deploys');
  const failing = () => {
    const input = eliteInput();
    input.metrics.deploy_automation_share = okMetric(
      'deploy_automation_share',
      0.5,
      40,
    );
    return input;
  };

  it('turns an actively exempted check exempt and keeps what was observed', () => {
    const waiver = exemption(automated.id);
    const result = evaluateCheck(automated, {
      ...failing(),
      exemptions: [waiver],
    });
    expect(result.state).toBe('exempt');
    expect(result.exemption).toEqual(waiver);
    expect(result.observed.deploy_automation_share).toBe(0.5);
    expect(result.message).toBe(
      'Exempt: Legacy batch job, replaced in Q1 (until 2027-01-01T00:00:00Z). Observed: 0.50 < 0.80 of production deploys automated (20 of 40)',
    );
  });

  it('ignores expired exemptions and those of other entities or checks', () => {
    const input = failing();
    input.exemptions = [
      exemption(automated.id, { expiresAt: '2026-11-20T06:00:00Z' }),
      exemption(automated.id, { entityRef: 'component:default/other' }),
      exemption('build-deploy.3.green-at-merge'),
    ];
    const result = evaluateCheck(automated, input);
    expect(result.state).toBe('fail');
    expect(result.exemption).toBeUndefined();
  });

  it('waives only with an approved exemption, not a request or an ended one', () => {
    const input = failing();
    input.exemptions = (
      ['requested', 'denied', 'withdrawn', 'revoked', 'expired'] as const
    ).map(status => exemption(automated.id, { status }));
    expect(evaluateCheck(automated, input).state).toBe('fail');
    input.exemptions.push(exemption(automated.id, { id: 'exemption-2' }));
    expect(evaluateCheck(automated, input).exemption?.id).toBe('exemption-2');
  });

  it('applies an exemption without expiry', () => {
    const input = failing();
    input.exemptions = [exemption(automated.id, { expiresAt: undefined })];
    expect(evaluateCheck(automated, input).state).toBe('exempt');
  });
});
