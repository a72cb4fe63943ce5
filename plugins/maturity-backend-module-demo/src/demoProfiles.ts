import {
  BuildStepKind,
  RepoFactValue,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { ownerGroupName } from './DemoEntity';

/**
 * How mature a demo team behaves, from the DORA elite cluster down to a team
 * that deploys by hand once a month.
 *
 * @public
 */
export type DemoMaturityTier =
  | 'elite'
  | 'high'
  | 'medium'
  | 'low-medium'
  | 'struggling';

/**
 * A `[low, high]` range the demo draws from log-uniformly, so most values sit
 * near the low end and a few reach the high end, as real durations do.
 *
 * @public
 */
export type DemoRange = readonly [low: number, high: number];

/**
 * The behaviour of one demo team: what its source control, CI, deployments
 * and incidents look like. Rates are per component.
 *
 * @public
 */
export interface DemoProfile {
  /** The maturity tier the profile belongs to. */
  tier: DemoMaturityTier;

  /** Changes reaching the default branch per working day. */
  changesPerWorkingDay: number;
  /** First commit to pull request opened. */
  codingHours: DemoRange;
  /** Pull request opened to merged. */
  reviewHours: DemoRange;
  /** Share of pull requests reviewed before merge. */
  reviewCoverage: number;
  /** Share of changes pushed straight to the default branch. */
  directPushShare: number;
  /** Share of pull requests closed without merging. */
  abandonedShare: number;
  /** Share of changes that also touch tests. */
  testTouchShare: number;
  /** Share of changes referencing an issue. */
  issueLinkShare: number;
  /**
   * Days after which the people working on the team's code change (rotating
   * contractors, one maintainer staying); unset for a stable team.
   */
  authorRotationDays?: number;

  /** Success rate of default-branch CI runs. */
  ciSuccessRate: number;
  /** Share of merged pull requests whose last CI run was green. */
  greenAtMergeShare: number;
  /** Duration of a default-branch CI run. */
  ciMinutes: DemoRange;
  /** Duration of a pull request CI run. */
  pullRequestCiMinutes: DemoRange;
  /** What a default-branch CI run does. */
  ciSteps: readonly BuildStepKind[];

  /**
   * Production deploys per working day (a mean: 0.1 is about two a month).
   * With `deploysEveryChange` it is the rate the changes give, for
   * comparison; the deploys follow the changes.
   */
  productionDeploysPerWorkingDay: number;
  /**
   * Continuous deployment: every change that passes CI on the default branch
   * goes to staging and on to production by itself, instead of on planned
   * deploys.
   */
  deploysEveryChange: boolean;
  /** Share of weeks without any deploy (freezes, people away, fear). */
  deployFreezeWeekShare: number;
  /** Hours of the UTC day in which planned deploys start. */
  deployHoursUtc: DemoRange;
  /** Share of deploys a pipeline starts rather than a person. */
  automatedDeployShare: number;
  /** Share of production deploys whose commit went to staging first. */
  stagingBeforeProductionShare: number;
  /** Wait between the staging deploy and the production deploy. */
  stagingSoakMinutes: DemoRange;
  /** Duration of an automated deploy; manual ones take three times longer. */
  deployMinutes: DemoRange;
  /** Rollout strategy recorded on deployments. */
  deployStrategy: string;

  /** Share of production deploys that fail in production. */
  changeFailureRate: number;
  /** Share of those failures where the rollout itself fails. */
  failedRolloutShare: number;
  /** Deploy finished to incident triggered. */
  detectionHours: DemoRange;
  /** Incident triggered to resolved, for failures and high-urgency incidents. */
  recoveryHours: DemoRange;
  /** How a bad deploy is remedied; the remaining share is fixed in place. */
  remediation: { rollback: number; hotfix: number; revert: number };
  /** Share of deploy-caused incidents the incident tool links to the deploy. */
  explicitLinkShare: number;

  /** Incidents per month that no deploy caused. */
  unrelatedIncidentsPerMonth: number;
  /** Share of those that page someone (high urgency). */
  highUrgencyShare: number;
  /** Triggered to resolved for low-urgency incidents. */
  lowUrgencyResolutionHours: DemoRange;
  /** Share of high-urgency incidents that get notes or a postmortem. */
  postmortemShare: number;
  /** Resolved to postmortem written. */
  postmortemDelayDays: DemoRange;
  /** Share of incidents the owning team responds to (others go to a central team). */
  ownerRespondsShare: number;

  /** Repository facts a scanner would observe. */
  repoFacts: Readonly<Record<string, RepoFactValue>>;
}

const ALL_TESTING_STEPS: readonly BuildStepKind[] = [
  'build',
  'lint',
  'static-analysis',
  'unit-test',
  'integration-test',
  'e2e-test',
  'performance-test',
  'sast',
  'sca',
  'coverage',
  'publish',
  'deploy',
];

const elite: DemoProfile = {
  tier: 'elite',
  changesPerWorkingDay: 4,
  codingHours: [0.5, 8],
  reviewHours: [0.3, 6],
  reviewCoverage: 0.98,
  directPushShare: 0,
  abandonedShare: 0.05,
  testTouchShare: 0.8,
  issueLinkShare: 0.95,
  ciSuccessRate: 0.96,
  greenAtMergeShare: 0.99,
  ciMinutes: [5, 12],
  pullRequestCiMinutes: [3, 9],
  ciSteps: ALL_TESTING_STEPS,
  productionDeploysPerWorkingDay: 4,
  deploysEveryChange: true,
  deployFreezeWeekShare: 0,
  deployHoursUtc: [8, 17],
  automatedDeployShare: 1,
  stagingBeforeProductionShare: 0.98,
  stagingSoakMinutes: [10, 30],
  deployMinutes: [3, 8],
  deployStrategy: 'canary',
  changeFailureRate: 0.03,
  failedRolloutShare: 0.4,
  detectionHours: [0.05, 0.5],
  recoveryHours: [0.2, 0.9],
  remediation: { rollback: 0, hotfix: 0.3, revert: 0.6 },
  explicitLinkShare: 0.8,
  unrelatedIncidentsPerMonth: 0.8,
  highUrgencyShare: 0.4,
  lowUrgencyResolutionHours: [2, 72],
  postmortemShare: 0.95,
  postmortemDelayDays: [0.5, 5],
  ownerRespondsShare: 1,
  repoFacts: {
    codeowners: true,
    lockfile: true,
    dependabot: true,
    'ci-config': true,
    'ci-system': 'github-actions',
    'build-file': true,
    dockerfile: true,
    tests: true,
    'api-spec': true,
    'config-as-code': true,
    iac: true,
    'iac-validated-in-ci': true,
    'feature-flag-sdk': true,
    'telemetry-sdk': true,
    'branch-protection': true,
    'branch-protection-required-checks': true,
    'gitops-manifest': true,
    'stale-branches': 1,
    'zero-downtime-strategy': true,
    'tests-required-checks': true,
    'e2e-gates-production': true,
    'progressive-delivery': true,
  },
};

const high: DemoProfile = {
  tier: 'high',
  changesPerWorkingDay: 3,
  codingHours: [1, 24],
  reviewHours: [1, 24],
  reviewCoverage: 0.95,
  directPushShare: 0.01,
  abandonedShare: 0.06,
  testTouchShare: 0.7,
  issueLinkShare: 0.85,
  ciSuccessRate: 0.94,
  greenAtMergeShare: 0.985,
  ciMinutes: [8, 16],
  pullRequestCiMinutes: [5, 12],
  ciSteps: ALL_TESTING_STEPS,
  productionDeploysPerWorkingDay: 0.7,
  deploysEveryChange: false,
  deployFreezeWeekShare: 0.02,
  deployHoursUtc: [9, 16],
  automatedDeployShare: 0.95,
  stagingBeforeProductionShare: 0.95,
  stagingSoakMinutes: [20, 120],
  deployMinutes: [4, 12],
  deployStrategy: 'blue-green',
  changeFailureRate: 0.1,
  failedRolloutShare: 0.3,
  detectionHours: [0.1, 2],
  recoveryHours: [0.5, 6],
  remediation: { rollback: 0.3, hotfix: 0.4, revert: 0.2 },
  explicitLinkShare: 0.6,
  unrelatedIncidentsPerMonth: 1,
  highUrgencyShare: 0.4,
  lowUrgencyResolutionHours: [4, 120],
  postmortemShare: 0.85,
  postmortemDelayDays: [1, 10],
  ownerRespondsShare: 0.95,
  repoFacts: {
    ...elite.repoFacts,
    'gitops-manifest': false,
    'iac-validated-in-ci': false,
    'stale-branches': 0,
    // Blue-green without automated analysis.
    'progressive-delivery': false,
  },
};

const medium: DemoProfile = {
  tier: 'medium',
  changesPerWorkingDay: 2,
  codingHours: [6, 96],
  reviewHours: [4, 96],
  reviewCoverage: 0.85,
  directPushShare: 0,
  abandonedShare: 0.08,
  testTouchShare: 0.65,
  issueLinkShare: 0.7,
  ciSuccessRate: 0.88,
  greenAtMergeShare: 0.98,
  ciMinutes: [10, 25],
  pullRequestCiMinutes: [8, 18],
  ciSteps: [
    'build',
    'lint',
    'unit-test',
    'integration-test',
    'e2e-test',
    'coverage',
    'publish',
  ],
  productionDeploysPerWorkingDay: 0.3,
  deploysEveryChange: false,
  deployFreezeWeekShare: 0.08,
  deployHoursUtc: [10, 16],
  automatedDeployShare: 0.93,
  stagingBeforeProductionShare: 0.95,
  stagingSoakMinutes: [60, 24 * 60],
  deployMinutes: [6, 20],
  deployStrategy: 'rolling',
  changeFailureRate: 0.15,
  failedRolloutShare: 0.3,
  detectionHours: [0.25, 6],
  recoveryHours: [1, 20],
  remediation: { rollback: 0.4, hotfix: 0.4, revert: 0.1 },
  explicitLinkShare: 0.4,
  unrelatedIncidentsPerMonth: 1.2,
  highUrgencyShare: 0.45,
  lowUrgencyResolutionHours: [6, 168],
  postmortemShare: 0.6,
  postmortemDelayDays: [2, 20],
  ownerRespondsShare: 0.9,
  repoFacts: {
    codeowners: true,
    lockfile: true,
    dependabot: true,
    'ci-config': true,
    'ci-system': 'github-actions',
    'build-file': true,
    dockerfile: true,
    tests: true,
    'api-spec': true,
    'config-as-code': true,
    iac: false,
    'iac-validated-in-ci': false,
    'feature-flag-sdk': false,
    'telemetry-sdk': true,
    'branch-protection': true,
    'branch-protection-required-checks': true,
    'gitops-manifest': false,
    'stale-branches': 4,
    'zero-downtime-strategy': true,
    'tests-required-checks': true,
    'e2e-gates-production': false,
    'progressive-delivery': false,
  },
};

const lowMedium: DemoProfile = {
  tier: 'low-medium',
  changesPerWorkingDay: 1.2,
  codingHours: [8, 120],
  reviewHours: [6, 120],
  reviewCoverage: 0.6,
  directPushShare: 0.15,
  abandonedShare: 0.1,
  testTouchShare: 0.4,
  issueLinkShare: 0.5,
  ciSuccessRate: 0.82,
  greenAtMergeShare: 0.85,
  ciMinutes: [12, 35],
  pullRequestCiMinutes: [10, 25],
  ciSteps: ['build', 'lint', 'unit-test', 'publish'],
  productionDeploysPerWorkingDay: 0.1,
  deploysEveryChange: false,
  deployFreezeWeekShare: 0.2,
  deployHoursUtc: [11, 17],
  automatedDeployShare: 0.5,
  stagingBeforeProductionShare: 0.6,
  stagingSoakMinutes: [120, 3 * 24 * 60],
  deployMinutes: [10, 30],
  deployStrategy: 'rolling',
  changeFailureRate: 0.22,
  failedRolloutShare: 0.3,
  detectionHours: [0.5, 10],
  recoveryHours: [6, 72],
  remediation: { rollback: 0.5, hotfix: 0.4, revert: 0 },
  explicitLinkShare: 0.3,
  unrelatedIncidentsPerMonth: 1.5,
  highUrgencyShare: 0.5,
  lowUrgencyResolutionHours: [12, 240],
  postmortemShare: 0.35,
  postmortemDelayDays: [3, 30],
  ownerRespondsShare: 0.8,
  repoFacts: {
    ...medium.repoFacts,
    codeowners: false,
    dependabot: false,
    'config-as-code': false,
    'telemetry-sdk': false,
    'branch-protection': false,
    'branch-protection-required-checks': false,
    'tests-required-checks': false,
    'stale-branches': 8,
  },
};

const struggling: DemoProfile = {
  tier: 'struggling',
  changesPerWorkingDay: 0.8,
  codingHours: [24, 336],
  reviewHours: [24, 240],
  reviewCoverage: 0.3,
  directPushShare: 0.35,
  abandonedShare: 0.12,
  testTouchShare: 0.2,
  issueLinkShare: 0.3,
  authorRotationDays: 45,
  ciSuccessRate: 0.7,
  greenAtMergeShare: 0.7,
  ciMinutes: [25, 70],
  pullRequestCiMinutes: [20, 60],
  ciSteps: ['build', 'unit-test'],
  productionDeploysPerWorkingDay: 0.06,
  deploysEveryChange: false,
  deployFreezeWeekShare: 0.3,
  deployHoursUtc: [18, 21],
  automatedDeployShare: 0.15,
  stagingBeforeProductionShare: 0.3,
  stagingSoakMinutes: [240, 3 * 24 * 60],
  deployMinutes: [20, 60],
  deployStrategy: 'recreate',
  changeFailureRate: 0.45,
  failedRolloutShare: 0.35,
  detectionHours: [1, 12],
  recoveryHours: [24, 168],
  remediation: { rollback: 0.5, hotfix: 0.4, revert: 0 },
  explicitLinkShare: 0.15,
  unrelatedIncidentsPerMonth: 1.5,
  highUrgencyShare: 0.6,
  lowUrgencyResolutionHours: [24, 336],
  postmortemShare: 0.15,
  postmortemDelayDays: [7, 45],
  ownerRespondsShare: 0.6,
  repoFacts: {
    codeowners: false,
    lockfile: false,
    dependabot: false,
    'ci-config': true,
    'ci-system': 'jenkins',
    'build-file': true,
    dockerfile: false,
    tests: true,
    'api-spec': false,
    'config-as-code': false,
    iac: false,
    'iac-validated-in-ci': false,
    'feature-flag-sdk': false,
    'telemetry-sdk': false,
    'branch-protection': false,
    'branch-protection-required-checks': false,
    'gitops-manifest': false,
    'stale-branches': 23,
    'zero-downtime-strategy': false,
    'tests-required-checks': false,
    'e2e-gates-production': false,
    'progressive-delivery': false,
  },
};

/**
 * The behaviour of each maturity tier.
 *
 * @public
 */
export const demoProfiles: Readonly<Record<DemoMaturityTier, DemoProfile>> = {
  elite,
  high,
  medium,
  'low-medium': lowMedium,
  struggling,
};

/**
 * The tier of each team in the demo organisation, by group name. Teams not
 * listed behave like a medium team.
 *
 * @public
 */
export const demoTeamTiers: Readonly<Record<string, DemoMaturityTier>> = {
  platform: 'elite',
  payments: 'high',
  checkout: 'medium',
  search: 'medium',
  'web-experience': 'medium',
  'ml-platform': 'low-medium',
  analytics: 'low-medium',
  'billing-legacy': 'struggling',
};

/**
 * Teams whose components live in one repository and go out together: each
 * release deploys every component with new changes from the same commit at
 * the same time (a release train, the opposite of independent deploys).
 *
 * @internal
 */
export const demoReleaseTrainTeams: ReadonlySet<string> = new Set(['checkout']);

/**
 * The demo behaviour of the team owning an entity.
 *
 * @param owner - The owning group's name (`payments`), or its entity
 *   reference (`group:default/payments`).
 * @public
 */
export function getDemoProfile(owner: string): DemoProfile {
  const name = ownerGroupName(owner);
  const tier = Object.prototype.hasOwnProperty.call(demoTeamTiers, name)
    ? demoTeamTiers[name]
    : 'medium';
  return demoProfiles[tier];
}
