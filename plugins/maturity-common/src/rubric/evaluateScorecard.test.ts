import { CATEGORY_IDS, CategoryId, Scorecard } from '../scorecard';
import { applyRubricOverrides } from './applyRubricOverrides';
import { defaultRubric } from './defaultRubric';
import { evaluateScorecard } from './evaluateScorecard';
import {
  bareInput,
  eliteInput,
  entity,
  exemption,
  insufficientMetric,
  okMetric,
  rubricChecks,
} from './__testUtils__/evaluationInputs';

const levelsOf = (scorecard: Scorecard) =>
  Object.fromEntries(scorecard.categories.map(c => [c.category, c.level]));

const stateOf = (scorecard: Scorecard, checkId: string) =>
  scorecard.checks.find(c => c.checkId === checkId)?.state;

const category = (scorecard: Scorecard, id: CategoryId) =>
  scorecard.categories.find(c => c.category === id)!;

describe('evaluateScorecard', () => {
  it('grades an entity with every practice at level 5 everywhere', () => {
    const input = eliteInput();
    const scorecard = evaluateScorecard(defaultRubric, input);
    expect(scorecard.entityRef).toBe('component:default/checkout-api');
    expect(scorecard.rubricVersion).toBe(defaultRubric.version);
    expect(scorecard.evaluatedAt).toBe(input.now);
    expect(scorecard.window).toEqual(input.window);
    expect(scorecard.categories.map(c => c.category)).toEqual([
      ...CATEGORY_IDS,
    ]);
    expect(levelsOf(scorecard)).toEqual({
      culture: 5,
      design: 5,
      'build-deploy': 5,
      test: 5,
      information: 5,
    });
    expect(scorecard.overallLevel).toBe(5);
    expect(scorecard.imbalanced).toBe(false);
    expect(scorecard.delivery.overallBand).toBe('elite');
    expect(scorecard.mlops).toBeUndefined();
    // Every category check is reported, in rubric order; the MLOps track is
    // left out for a service.
    expect(scorecard.checks.map(c => c.checkId)).toEqual(
      rubricChecks(defaultRubric)
        .filter(c => c.category !== 'mlops')
        .map(c => c.id),
    );
    expect(
      scorecard.checks.filter(
        c => c.state !== 'pass' && c.state !== 'not-applicable',
      ),
    ).toEqual([]);
  });

  it('grades a bare, unconnected entity at level 0 without failing what it cannot see', () => {
    const scorecard = evaluateScorecard(defaultRubric, bareInput());
    expect(levelsOf(scorecard)).toEqual({
      culture: 0,
      design: 0,
      'build-deploy': 0,
      test: 0,
      information: 0,
    });
    expect(scorecard.overallLevel).toBe(0);
    expect(scorecard.delivery.overallBand).toBeNull();
    expect(stateOf(scorecard, 'culture.3.codeowners')).toBe('not-applicable');
    expect(stateOf(scorecard, 'build-deploy.3.automated-prod-deploys')).toBe(
      'not-applicable',
    );
    expect(stateOf(scorecard, 'information.1.scm-and-ci-connected')).toBe(
      'fail',
    );
  });

  it('climbs a strict ladder: level 3 met over an unmet level 2 stays at 1', () => {
    const input = eliteInput();
    input.metrics.ci_default_branch_commit_build_share = okMetric(
      'ci_default_branch_commit_build_share',
      0.55,
      120,
    );
    const scorecard = evaluateScorecard(defaultRubric, input);
    const buildDeploy = category(scorecard, 'build-deploy');
    expect(buildDeploy.levels.map(l => l.met)).toEqual([
      true,
      false,
      true,
      true,
      true,
    ]);
    expect(buildDeploy.level).toBe(1);
    // [5, 5, 1, 5, 5]: median 5, but 5 − 1 ≥ 2.
    expect(scorecard.overallLevel).toBe(5);
    expect(scorecard.imbalanced).toBe(true);
  });

  it('takes the median of the five categories', () => {
    const input = eliteInput();
    input.metrics.incident_owner_routing_share = okMetric(
      'incident_owner_routing_share',
      0.5,
      8,
    ); // culture L4 R fails → 3
    input.repoFacts.lockfile = false; // design L2 R fails → 1
    input.repoFacts.tests = false; // test L1 R fails → 0
    input.metrics.incident_change_link_share = okMetric(
      'incident_change_link_share',
      0.2,
      5,
    ); // information L5 R fails → 4
    const scorecard = evaluateScorecard(defaultRubric, input);
    expect(levelsOf(scorecard)).toEqual({
      culture: 3,
      design: 1,
      'build-deploy': 5,
      test: 0,
      information: 4,
    });
    // Sorted [0, 1, 3, 4, 5] → 3.
    expect(scorecard.overallLevel).toBe(3);
    expect(scorecard.imbalanced).toBe(true);
  });

  it('leaves out what a missing incident tool would judge', () => {
    const scorecard = evaluateScorecard(
      defaultRubric,
      eliteInput({ connections: { scm: true, ci: true, incidents: false } }),
    );
    expect(stateOf(scorecard, 'culture.4.incidents-routed-to-owner')).toBe(
      'not-applicable',
    );
    expect(stateOf(scorecard, 'culture.4.incident-postmortems')).toBe(
      'not-applicable',
    );
    // An R that cannot be judged does not meet its level.
    expect(levelsOf(scorecard)).toMatchObject({ culture: 3, information: 4 });
    expect(scorecard.delivery.changeFailureRate.band).toBeNull();
  });

  it('lets an exempt required check meet its level, keeping the state exempt', () => {
    const input = eliteInput();
    input.metrics.ci_default_branch_commit_build_share = okMetric(
      'ci_default_branch_commit_build_share',
      0.55,
      120,
    );
    input.exemptions = [exemption('build-deploy.2.commits-built')];
    const scorecard = evaluateScorecard(defaultRubric, input);
    expect(stateOf(scorecard, 'build-deploy.2.commits-built')).toBe('exempt');
    expect(category(scorecard, 'build-deploy').level).toBe(5);
  });

  it('ignores an expired exemption', () => {
    const input = eliteInput();
    input.metrics.ci_default_branch_commit_build_share = okMetric(
      'ci_default_branch_commit_build_share',
      0.55,
      120,
    );
    input.exemptions = [
      exemption('build-deploy.2.commits-built', {
        expiresAt: '2026-11-01T00:00:00Z',
      }),
    ];
    const scorecard = evaluateScorecard(defaultRubric, input);
    expect(stateOf(scorecard, 'build-deploy.2.commits-built')).toBe('fail');
    expect(category(scorecard, 'build-deploy').level).toBe(1);
  });

  it('blocks a level whose required check lacks data and says so', () => {
    const input = eliteInput();
    input.metrics.deploy_automation_share = insufficientMetric(
      'deploy_automation_share',
      3,
    );
    const scorecard = evaluateScorecard(defaultRubric, input);
    const buildDeploy = category(scorecard, 'build-deploy');
    expect(buildDeploy.levels[2]).toMatchObject({
      level: 3,
      met: false,
      insufficientData: true,
    });
    expect(buildDeploy.level).toBe(2);
  });

  it('does not let insufficient data on a scored check fail its level', () => {
    const input = eliteInput();
    // Level 3 of build-deploy: R passes, green-at-merge lacks data, preprod
    // passes → 1 of 1 applicable.
    input.metrics.pr_green_at_merge_share = insufficientMetric(
      'pr_green_at_merge_share',
      4,
    );
    const scorecard = evaluateScorecard(defaultRubric, input);
    expect(category(scorecard, 'build-deploy').levels[2]).toMatchObject({
      met: true,
      passedScored: 1,
      applicableScored: 1,
    });
  });

  it('applies the two-thirds rule to a level of the default rubric', () => {
    const input = eliteInput();
    // Test level 4: R passes, SAST passes, performance tests absent → 1 of 2.
    input.repoFacts['performance-tests-in-ci'] = false;
    const scorecard = evaluateScorecard(defaultRubric, input);
    expect(category(scorecard, 'test').levels[3]).toMatchObject({
      met: false,
      passedScored: 1,
      applicableScored: 2,
    });
    expect(category(scorecard, 'test').level).toBe(3);
  });

  it('leaves disabled checks out', () => {
    const rubric = applyRubricOverrides(defaultRubric, {
      checks: { 'culture.3.codeowners': { enabled: false } },
    });
    const scorecard = evaluateScorecard(rubric, eliteInput());
    expect(stateOf(scorecard, 'culture.3.codeowners')).toBeUndefined();
    expect(scorecard.rubricVersion).toBe(rubric.version);
  });

  it('is deterministic and does not change its input', () => {
    const input = eliteInput();
    const copy = JSON.parse(JSON.stringify(input));
    const first = evaluateScorecard(defaultRubric, input);
    expect(evaluateScorecard(defaultRubric, input)).toEqual(first);
    expect(input).toEqual(copy);
  });
});

describe('evaluateScorecard: MLOps track', () => {
  const mlInput = (facts: Record<string, boolean>) => {
    const input = eliteInput({
      entity: entity({
        entityRef: 'component:default/churn-model',
        type: 'ml-model',
      }),
    });
    Object.assign(input.repoFacts, facts);
    return input;
  };
  const level1 = {
    'ml-pipeline-definition': true,
    'experiment-tracking': true,
    'data-validation': true,
    'model-validation': true,
  };
  const level2 = {
    'ml-pipeline-multi-env': true,
    'drift-monitoring': true,
  };

  it('is level 0 with none of the signals', () => {
    const scorecard = evaluateScorecard(defaultRubric, mlInput({}));
    expect(scorecard.mlops).toEqual({ level: 0 });
    const mlopsChecks = scorecard.checks.filter(c => c.category === 'mlops');
    expect(mlopsChecks.map(c => c.checkId)).toEqual([
      'mlops.1.pipeline-definition',
      'mlops.1.training-runs',
      'mlops.1.data-and-model-validation',
      'mlops.1.experiment-tracking',
      'mlops.2.pipeline-multi-env',
      'mlops.2.pipeline-tests',
      'mlops.2.drift-monitoring',
    ]);
  });

  it('is level 1 with pipeline, runs, validation and tracking', () => {
    expect(evaluateScorecard(defaultRubric, mlInput(level1)).mlops).toEqual({
      level: 1,
    });
  });

  it('needs every level 1 capability, not two thirds of them', () => {
    expect(
      evaluateScorecard(
        defaultRubric,
        mlInput({ ...level1, 'experiment-tracking': false }),
      ).mlops,
    ).toEqual({ level: 0 });
  });

  it('counts an exempt MLOps check as met, scored or required', () => {
    const exempt = (checkId: string) =>
      exemption(checkId, { entityRef: 'component:default/churn-model' });
    const withoutTracking = mlInput({
      ...level1,
      'experiment-tracking': false,
    });
    withoutTracking.exemptions = [exempt('mlops.1.experiment-tracking')];
    const scorecard = evaluateScorecard(defaultRubric, withoutTracking);
    expect(stateOf(scorecard, 'mlops.1.experiment-tracking')).toBe('exempt');
    expect(scorecard.mlops).toEqual({ level: 1 });
    // Without the waiver the track needs every level 1 check: none met.
    expect(scorecard.levelsWithoutWaivers?.mlopsLevel).toBe(0);

    const withoutPipeline = mlInput({
      ...level1,
      'ml-pipeline-definition': false,
    });
    withoutPipeline.exemptions = [exempt('mlops.1.pipeline-definition')];
    expect(evaluateScorecard(defaultRubric, withoutPipeline).mlops).toEqual({
      level: 1,
    });
    // Another entity's exemption does not count.
    withoutPipeline.exemptions = [exemption('mlops.1.pipeline-definition')];
    expect(evaluateScorecard(defaultRubric, withoutPipeline).mlops).toEqual({
      level: 0,
    });
  });

  it('is level 2 with multi-environment deploys, pipeline tests and drift monitoring', () => {
    expect(
      evaluateScorecard(defaultRubric, mlInput({ ...level1, ...level2 })).mlops,
    ).toEqual({ level: 2 });
  });

  it('does not reach level 2 without level 1', () => {
    expect(
      evaluateScorecard(
        defaultRubric,
        mlInput({ ...level2, 'ml-pipeline-definition': true }),
      ).mlops,
    ).toEqual({ level: 0 });
  });

  it('applies to entities tagged ml and to ml-pipeline types', () => {
    const tagged = eliteInput({ entity: entity({ tags: ['ml', 'python'] }) });
    expect(evaluateScorecard(defaultRubric, tagged).mlops).toEqual({
      level: 0,
    });
    const pipeline = eliteInput({ entity: entity({ type: 'ml-pipeline' }) });
    expect(evaluateScorecard(defaultRubric, pipeline).mlops).toBeDefined();
  });
});

describe('evaluateScorecard: levels without waivers', () => {
  const withoutWaivers = (scorecard: Scorecard) =>
    scorecard.levelsWithoutWaivers;

  it('counts each exempt check with the state its data gave', () => {
    const input = eliteInput({
      entity: entity({ ownerIsGroup: false, lifecycle: undefined }),
    });
    input.metrics.ci_default_branch_commit_build_share = okMetric(
      'ci_default_branch_commit_build_share',
      0.55,
      120,
    );
    input.exemptions = [
      exemption('culture.1.owner-is-group'),
      exemption('design.1.type-and-lifecycle', { id: 'exemption-2' }),
      exemption('build-deploy.2.commits-built', { id: 'exemption-3' }),
    ];
    const scorecard = evaluateScorecard(defaultRubric, input);
    for (const checkId of [
      'culture.1.owner-is-group',
      'design.1.type-and-lifecycle',
      'build-deploy.2.commits-built',
    ]) {
      const check = scorecard.checks.find(c => c.checkId === checkId)!;
      expect(check.state).toBe('exempt');
      expect(check.stateWithoutWaiver).toBe('fail');
    }
    // Culture stops at 4 either way: level 5's scored check also needs a
    // Group owner, and nothing waives it.
    expect(levelsOf(scorecard)).toEqual({
      culture: 4,
      design: 5,
      'build-deploy': 5,
      test: 5,
      information: 5,
    });
    expect(scorecard.overallLevel).toBe(5);
    // Without the waivers the three required checks fail their level:
    // [0, 0, 1, 5, 5], median 1.
    expect(withoutWaivers(scorecard)).toEqual({
      overallLevel: 1,
      categoryLevels: {
        culture: 0,
        design: 0,
        'build-deploy': 1,
        test: 5,
        information: 5,
      },
    });
  });

  it('equals the levels when the exempt check would pass anyway', () => {
    const input = eliteInput();
    input.exemptions = [exemption('build-deploy.2.commits-built')];
    const scorecard = evaluateScorecard(defaultRubric, input);
    const check = scorecard.checks.find(
      c => c.checkId === 'build-deploy.2.commits-built',
    )!;
    expect(check.state).toBe('exempt');
    expect(check.stateWithoutWaiver).toBe('pass');
    expect(withoutWaivers(scorecard)).toEqual({
      overallLevel: 5,
      categoryLevels: levelsOf(scorecard),
    });
  });

  it('leaves a check without exemption as it is, with no underlying state', () => {
    const scorecard = evaluateScorecard(defaultRubric, bareInput());
    expect(scorecard.checks.some(c => 'stateWithoutWaiver' in c)).toBe(false);
    expect(withoutWaivers(scorecard)).toEqual({
      overallLevel: 0,
      categoryLevels: levelsOf(scorecard),
    });
  });
});
