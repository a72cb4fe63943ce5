import {
  BuildEvent,
  BuildStatus,
  BuildStepKind,
  ChangeEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { DemoCommit, PlannedChange } from './DemoDayPlan';
import { DemoPlanningContext, demoIdPrefix } from './demoPlanningContext';
import {
  DEPENDENCY_BOT,
  changeTitle,
  dependencyUpdateTitle,
  rotatingRoster,
} from './demoVocabulary';
import { SeededRandom, demoSha } from './seededRandom';
import {
  HOUR_MS,
  MINUTE_MS,
  isWeekend,
  isoTime,
  startOfUtcDay,
} from './utcDays';

/** Changes on a weekend relative to a working day. */
const WEEKEND_CHANGE_FACTOR = 0.07;
/** The branch demo repositories release from. @internal */
export const DEFAULT_BRANCH = 'main';
/** Steps a pull request run skips: they only happen on the default branch. */
const DEFAULT_BRANCH_ONLY_STEPS: ReadonlySet<BuildStepKind> = new Set([
  'publish',
  'deploy',
  'performance-test',
]);

function pullRequestSteps(context: DemoPlanningContext): BuildStepKind[] {
  return context.profile.ciSteps.filter(
    step => !DEFAULT_BRANCH_ONLY_STEPS.has(step),
  );
}

function defaultBranchSteps(context: DemoPlanningContext): BuildStepKind[] {
  return context.profile.ciSteps.filter(
    step => context.deployable || step !== 'deploy',
  );
}

/**
 * Plans the changes landing on a day: pull requests (with their review and
 * CI runs, laid out backwards from the merge) and direct pushes, each built
 * on the default branch after it lands.
 *
 * @internal
 */
export function planChanges(
  context: DemoPlanningContext,
  day: number,
  random: SeededRandom,
): PlannedChange[] {
  const { profile } = context;
  const weekend = isWeekend(day);
  const count = random.poisson(
    profile.changesPerWorkingDay *
      context.activity *
      (weekend ? WEEKEND_CHANGE_FACTOR : 1),
  );
  const landingTimes: number[] = [];
  for (let i = 0; i < count; i++) {
    const hour = weekend ? random.between(10, 20) : random.between(8, 18.5);
    landingTimes.push(startOfUtcDay(day) + hour * HOUR_MS);
  }
  // Numbered in the order they land, so ids read chronologically.
  landingTimes.sort((a, b) => a - b);

  return landingTimes.map((landedAtMs, index) => {
    const id = `${demoIdPrefix(context, 'change', day)}:${index}`;
    if (random.chance(profile.directPushShare)) {
      return planDirectPush(context, random, id, landedAtMs, {
        title: changeTitle(random),
        author: rotatingAuthor(context, day, random),
      });
    }
    const fromBot = context.dependencyUpdates && random.chance(0.1);
    return planPullRequest(context, random, id, landedAtMs, {
      title: fromBot ? dependencyUpdateTitle(random) : changeTitle(random),
      author: fromBot ? DEPENDENCY_BOT : rotatingAuthor(context, day, random),
      abandoned: random.chance(profile.abandonedShare),
      codingMs: random.skewed(profile.codingHours) * HOUR_MS,
      reviewMs: random.skewed(profile.reviewHours) * HOUR_MS,
      labels: fromBot
        ? ['dependencies']
        : [random.pick(['feature', 'bug', 'chore', 'refactor'])],
    });
  });
}

/**
 * The author of a change on a day when the team's people rotate; undefined
 * (anyone of the team's roster) for a stable team.
 */
function rotatingAuthor(
  context: DemoPlanningContext,
  day: number,
  random: SeededRandom,
): string | undefined {
  const days = context.profile.authorRotationDays;
  if (days === undefined) return undefined;
  const rotation = Math.floor(day / days);
  return random.pick(
    rotatingRoster(context.ownerRef, rotation, context.roster[0]),
  );
}

/** @internal */
export interface ChangeOptions {
  title: string;
  author?: string;
  labels?: string[];
  isRevert?: boolean;
}

/**
 * A branch named the way people name them, from the change's title, with a
 * short suffix from its id so two changes with one title stay apart.
 */
function branchName(kind: string, title: string, externalId: string): string {
  const prefix = kind === 'change' ? 'feat' : kind;
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 5)
    .join('-');
  return `${prefix}/${slug}-${demoSha(externalId).slice(0, 4)}`;
}

/** Shared fields of any change: author, issue links, what it touches. */
function changeBasics(
  context: DemoPlanningContext,
  random: SeededRandom,
  options: ChangeOptions,
) {
  const fromBot = options.author === DEPENDENCY_BOT;
  const touchesSource = !fromBot && random.chance(0.92);
  return {
    type: 'change' as const,
    source: 'demo',
    entityRef: context.entityRef,
    title: options.title,
    author: options.author ?? random.pick(context.roster),
    targetBranch: DEFAULT_BRANCH,
    touchesSource,
    touchesTests:
      touchesSource && random.chance(context.profile.testTouchShare),
    linkedIssues:
      !fromBot && random.chance(context.profile.issueLinkShare)
        ? [`${context.projectKey}-${random.integer(100, 4999)}`]
        : [],
    labels: options.labels ?? [],
    ...(options.isRevert ? { isRevert: true } : {}),
  };
}

function defaultBranchBuild(
  context: DemoPlanningContext,
  externalId: string,
  sha: string,
  startMs: number,
  durationMs: number,
  status: BuildStatus,
): BuildEvent {
  return {
    type: 'build',
    source: 'demo',
    entityRef: context.entityRef,
    externalId,
    pipeline: 'ci',
    branch: DEFAULT_BRANCH,
    isDefaultBranch: true,
    commitSha: sha,
    trigger: 'push',
    status,
    startedAt: isoTime(startMs),
    finishedAt: isoTime(startMs + durationMs),
    steps: defaultBranchSteps(context),
  };
}

/**
 * The commit lands, its default-branch run starts within a couple of
 * minutes, and the commit becomes deployable if the run passes.
 */
function landOnDefaultBranch(
  context: DemoPlanningContext,
  random: SeededRandom,
  externalId: string,
  sha: string,
  landedAtMs: number,
  forceGreen: boolean,
): { build: BuildEvent; commit: DemoCommit } {
  const startMs = landedAtMs + random.between(0.5, 2) * MINUTE_MS;
  const durationMs = random.skewed(context.profile.ciMinutes) * MINUTE_MS;
  const passed = forceGreen || random.chance(context.profile.ciSuccessRate);
  return {
    build: defaultBranchBuild(
      context,
      `${externalId}:ci`,
      sha,
      startMs,
      durationMs,
      passed ? 'success' : 'failure',
    ),
    commit: {
      sha,
      mergedAtMs: landedAtMs,
      deployableAtMs: passed ? startMs + durationMs : undefined,
    },
  };
}

/**
 * A commit pushed straight to the default branch.
 *
 * @internal
 */
export function planDirectPush(
  context: DemoPlanningContext,
  random: SeededRandom,
  externalId: string,
  pushedAtMs: number,
  options: ChangeOptions & { forceGreen?: boolean },
): PlannedChange {
  const sha = demoSha(externalId);
  const authoredAtMs = pushedAtMs - random.skewed([0.1, 4]) * HOUR_MS;
  const change: ChangeEvent = {
    ...changeBasics(context, random, options),
    externalId,
    kind: 'commit',
    state: 'merged',
    directPush: true,
    sha,
    commitShas: [sha],
    authoredAt: isoTime(authoredAtMs),
    mergedAt: isoTime(pushedAtMs),
    reviewCount: 0,
  };
  const landed = landOnDefaultBranch(
    context,
    random,
    externalId,
    sha,
    pushedAtMs,
    options.forceGreen ?? false,
  );
  return { change, builds: [landed.build], commit: landed.commit };
}

/** @internal */
export interface PullRequestOptions extends ChangeOptions {
  abandoned?: boolean;
  codingMs: number;
  reviewMs: number;
  /** Fixes are always reviewed quickly or not at all, and must pass CI. */
  forceGreen?: boolean;
}

/**
 * A pull request that is merged (or closed) at `endedAtMs`: its commits,
 * review and CI runs are laid out backwards from that moment.
 *
 * @internal
 */
export function planPullRequest(
  context: DemoPlanningContext,
  random: SeededRandom,
  externalId: string,
  endedAtMs: number,
  options: PullRequestOptions,
): PlannedChange {
  const { profile } = context;
  const runMs = random.skewed(profile.pullRequestCiMinutes) * MINUTE_MS;
  // A pull request cannot merge before its first run finished.
  const reviewMs = Math.max(options.reviewMs, runMs + 3 * MINUTE_MS);
  const openedAtMs = endedAtMs - reviewMs;
  const authoredAtMs = openedAtMs - options.codingMs;
  const commitCount = random.integer(1, 5);
  const commitShas: string[] = [];
  for (let i = 0; i < commitCount; i++) {
    commitShas.push(demoSha(`${externalId}:commit:${i}`));
  }
  const headSha = commitShas[commitShas.length - 1];
  const reviewed = random.chance(profile.reviewCoverage);
  const kind = externalId.split(':').slice(-3)[0];
  const branch = branchName(kind, options.title, externalId);

  const builds: BuildEvent[] = [];
  const pullRequestRun = (index: number, startMs: number, passed: boolean) =>
    builds.push({
      type: 'build',
      source: 'demo',
      entityRef: context.entityRef,
      externalId: `${externalId}:pr-ci:${index}`,
      pipeline: 'ci',
      branch,
      isDefaultBranch: false,
      commitSha: headSha,
      trigger: 'pull_request',
      status: passed ? 'success' : 'failure',
      startedAt: isoTime(startMs),
      finishedAt: isoTime(startMs + runMs),
      steps: pullRequestSteps(context),
    });
  const greenAtEnd =
    options.forceGreen || random.chance(profile.greenAtMergeShare);
  const firstRunStartMs = openedAtMs + random.between(0.5, 2) * MINUTE_MS;
  if (greenAtEnd && random.chance(1 - profile.ciSuccessRate)) {
    // Red first, then green after a fix pushed halfway through review.
    pullRequestRun(0, firstRunStartMs, false);
    const retryStartMs = Math.min(
      openedAtMs + reviewMs / 2,
      endedAtMs - runMs - MINUTE_MS,
    );
    pullRequestRun(1, Math.max(retryStartMs, firstRunStartMs), true);
  } else {
    pullRequestRun(0, firstRunStartMs, greenAtEnd);
  }

  const change: ChangeEvent = {
    ...changeBasics(context, random, options),
    externalId,
    kind: 'pull_request',
    state: options.abandoned ? 'closed' : 'merged',
    commitShas,
    authoredAt: isoTime(authoredAtMs),
    openedAt: isoTime(openedAtMs),
    reviewCount: reviewed ? random.integer(1, 3) : 0,
  };
  if (reviewed) {
    change.firstReviewAt = isoTime(
      openedAtMs + reviewMs * random.between(0.1, 0.6),
    );
    change.approvedAt = isoTime(
      openedAtMs + reviewMs * random.between(0.7, 0.98),
    );
  }
  if (options.abandoned) {
    change.closedAt = isoTime(endedAtMs);
    return { change, builds };
  }
  const sha = demoSha(externalId);
  change.sha = sha;
  change.mergedAt = isoTime(endedAtMs);
  const landed = landOnDefaultBranch(
    context,
    random,
    externalId,
    sha,
    endedAtMs,
    options.forceGreen ?? false,
  );
  builds.push(landed.build);
  return { change, builds, commit: landed.commit };
}
