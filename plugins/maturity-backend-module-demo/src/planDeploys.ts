import { DemoProfile, DemoRange } from './demoProfiles';
import {
  DemoRemediation,
  PlannedChange,
  PlannedDeploy,
  PlannedFailure,
} from './DemoDayPlan';
import { DemoPlanningContext, demoIdPrefix } from './demoPlanningContext';
import { changeTitle, deployIncidentTitle } from './demoVocabulary';
import { planDirectPush, planPullRequest } from './planChanges';
import { planIncident } from './planIncidents';
import { SeededRandom, demoSha } from './seededRandom';
import {
  HOUR_MS,
  MINUTE_MS,
  isWeekend,
  mondayOf,
  startOfUtcDay,
  utcDayKey,
} from './utcDays';

/** Production deploys on a weekend relative to a working day. */
const WEEKEND_DEPLOY_FACTOR = 0.03;

/** A continuous deploy starts this long after its commit passed CI. */
const PIPELINE_PICKUP_MINUTES: DemoRange = [1, 3];

/**
 * When the deploys a team intends on a day start: on planned deploys, a
 * number around the profile's rate within its deploy hours; with continuous
 * deployment, right after each of the day's changes passed CI.
 */
function plannedStartTimes(
  context: DemoPlanningContext,
  day: number,
  random: SeededRandom,
  changes: readonly PlannedChange[],
): number[] {
  const { profile } = context;
  const startTimes: number[] = [];
  if (profile.deploysEveryChange) {
    for (const { commit } of changes) {
      if (commit?.deployableAtMs === undefined) continue;
      startTimes.push(
        commit.deployableAtMs +
          random.between(...PIPELINE_PICKUP_MINUTES) * MINUTE_MS,
      );
    }
  } else {
    const count = random.poisson(
      profile.productionDeploysPerWorkingDay *
        context.activity *
        (isWeekend(day) ? WEEKEND_DEPLOY_FACTOR : 1),
    );
    for (let i = 0; i < count; i++) {
      const [from, to] = profile.deployHoursUtc;
      startTimes.push(startOfUtcDay(day) + random.between(from, to) * HOUR_MS);
    }
  }
  return startTimes.sort((a, b) => a - b);
}

/**
 * Plans the production deploys a team intends on a day (none in a frozen
 * week), with their staging step and, for some, what goes wrong.
 *
 * @internal
 */
export function planDeploys(
  context: DemoPlanningContext,
  day: number,
  random: SeededRandom,
  changes: readonly PlannedChange[] = [],
): PlannedDeploy[] {
  const { profile } = context;
  const monday = mondayOf(day);
  // A release train freezes and departs for the whole team at once.
  const team = context.releasesWithTeam ? context.ownerRef : undefined;
  const frozen = new SeededRandom(
    `${team ?? context.entityRef}|${utcDayKey(monday)}|freeze`,
  ).chance(profile.deployFreezeWeekShare);
  if (frozen) {
    return [];
  }
  const startTimes = plannedStartTimes(
    context,
    day,
    team ? new SeededRandom(`${team}|${utcDayKey(day)}|release`) : random,
    changes,
  );

  // Production deploys of one entity queue behind each other.
  let previousFinishMs = -Infinity;
  return startTimes.map((plannedStartMs, index) => {
    const externalId = `${demoIdPrefix(context, 'deploy', day)}:${index}`;
    const automated = random.chance(profile.automatedDeployShare);
    const deployMs = () =>
      random.skewed(profile.deployMinutes) * MINUTE_MS * (automated ? 1 : 3);
    const stage = () => ({
      stagingMs: deployMs(),
      soakMs: random.skewed(profile.stagingSoakMinutes) * MINUTE_MS,
    });
    // A continuous pipeline stages a commit as soon as it passed CI, and
    // production follows the soak; a planned deploy stages ahead of its slot.
    let staging =
      profile.deploysEveryChange &&
      random.chance(profile.stagingBeforeProductionShare)
        ? stage()
        : undefined;
    const productionStartMs = Math.max(
      plannedStartMs + (staging ? staging.stagingMs + staging.soakMs : 0),
      previousFinishMs + random.between(5, 30) * MINUTE_MS,
    );
    const productionFinishMs = productionStartMs + deployMs();
    previousFinishMs = productionFinishMs;
    const deploy: PlannedDeploy = {
      externalId,
      cutoffMs: productionStartMs,
      productionStartMs,
      productionFinishMs,
      automated,
    };
    if (team) {
      deploy.releaseSha = demoSha(`${team}|${utcDayKey(day)}|release:${index}`);
    }
    if (
      !profile.deploysEveryChange &&
      random.chance(profile.stagingBeforeProductionShare)
    ) {
      staging = stage();
    }
    if (staging) {
      const startMs = productionStartMs - staging.soakMs - staging.stagingMs;
      deploy.staging = {
        externalId: `${demoIdPrefix(context, 'staging-deploy', day)}:${index}`,
        startMs,
        finishMs: startMs + staging.stagingMs,
      };
      deploy.cutoffMs = startMs;
    }
    if (random.chance(profile.changeFailureRate)) {
      deploy.failure = planFailure(context, random, day, index, deploy);
    }
    return deploy;
  });
}

function pickRemediation(
  random: SeededRandom,
  profile: DemoProfile,
): DemoRemediation {
  const draw = random.next();
  const { rollback, hotfix, revert } = profile.remediation;
  if (draw < rollback) return 'rollback';
  if (draw < rollback + hotfix) return 'hotfix';
  if (draw < rollback + hotfix + revert) return 'revert';
  return 'none';
}

function planFailure(
  context: DemoPlanningContext,
  random: SeededRandom,
  day: number,
  index: number,
  deploy: PlannedDeploy,
): PlannedFailure {
  const { profile } = context;
  const incidentId = `${demoIdPrefix(
    context,
    'incident',
    day,
  )}:deploy-${index}`;
  const recoveryMs = random.skewed(profile.recoveryHours) * HOUR_MS;
  const failure: PlannedFailure = {
    mode: random.chance(profile.failedRolloutShare)
      ? 'failed-rollout'
      : 'defect',
    linksDeployment: random.chance(profile.explicitLinkShare),
    namesRootCause: random.chance(0.2),
    remediation: 'none',
  };

  if (failure.mode === 'failed-rollout') {
    // The rollout aborts and the old version keeps serving; sometimes the
    // half-finished rollout still pages someone.
    if (random.chance(0.5)) {
      const triggeredAtMs =
        deploy.productionFinishMs + random.between(2, 20) * MINUTE_MS;
      failure.incident = planIncident(context, random, {
        externalId: incidentId,
        title: deployIncidentTitle(random, context.slug),
        urgency: random.chance(0.7) ? 'high' : 'low',
        triggeredAtMs,
        resolvedAtMs: triggeredAtMs + recoveryMs / 2,
      });
    }
    return failure;
  }

  const triggeredAtMs =
    deploy.productionFinishMs + random.skewed(profile.detectionHours) * HOUR_MS;
  const remediation = pickRemediation(random, profile);
  failure.remediation = remediation;
  let resolvedAtMs = triggeredAtMs + recoveryMs;
  const remediationDeployMs = () =>
    random.skewed(profile.deployMinutes) *
    MINUTE_MS *
    (deploy.automated ? 1 : 3);

  if (remediation === 'rollback') {
    const startMs = triggeredAtMs + recoveryMs * random.between(0.4, 0.8);
    const finishMs = startMs + remediationDeployMs();
    failure.remediationDeploy = {
      externalId: `${demoIdPrefix(context, 'rollback', day)}:${index}`,
      startMs,
      finishMs,
    };
    resolvedAtMs = finishMs + random.between(2, 15) * MINUTE_MS;
  } else if (remediation === 'hotfix' || remediation === 'revert') {
    const fixId = `${demoIdPrefix(context, remediation, day)}:${index}`;
    const startedAtMs = triggeredAtMs + recoveryMs * random.between(0.15, 0.35);
    const fixOptions = {
      title:
        remediation === 'revert'
          ? `Revert "${changeTitle(random)}"`
          : `Hotfix: ${changeTitle(random).toLocaleLowerCase('en-US')}`,
      labels: [remediation],
      isRevert: remediation === 'revert',
      forceGreen: true,
    };
    let fix: PlannedChange;
    if (remediation === 'hotfix' && random.chance(profile.directPushShare)) {
      fix = planDirectPush(
        context,
        random,
        fixId,
        startedAtMs + recoveryMs * 0.1,
        fixOptions,
      );
    } else {
      // Opened when work starts, merged once a quick review and the
      // slowest possible pull request run are done.
      const reviewMs =
        recoveryMs * 0.1 + (profile.pullRequestCiMinutes[1] + 3) * MINUTE_MS;
      fix = planPullRequest(context, random, fixId, startedAtMs + reviewMs, {
        ...fixOptions,
        codingMs: recoveryMs * 0.05,
        reviewMs,
      });
    }
    failure.fix = fix;
    const fixDeployableAtMs = fix.commit?.deployableAtMs ?? startedAtMs;
    const startMs = fixDeployableAtMs + random.between(1, 5) * MINUTE_MS;
    const finishMs = startMs + remediationDeployMs();
    failure.remediationDeploy = {
      externalId: `${demoIdPrefix(context, 'hotfix-deploy', day)}:${index}`,
      startMs,
      finishMs,
    };
    resolvedAtMs = finishMs + random.between(2, 15) * MINUTE_MS;
  }

  failure.incident = planIncident(context, random, {
    externalId: incidentId,
    title: deployIncidentTitle(random, context.slug),
    urgency: random.chance(0.85) ? 'high' : 'low',
    triggeredAtMs,
    resolvedAtMs,
  });
  return failure;
}
