import {
  DeploymentEvent,
  DeploymentReason,
  IncidentEvent,
  MaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { DemoPlanningContext } from './demoPlanningContext';
import {
  DemoCommit,
  DemoDayPlan,
  PlannedDeploy,
  PlannedIncident,
} from './DemoDayPlan';
import { planDemoDay } from './planDemoDay';
import { DEMO_REMEDIATION_DAYS } from './demoEventSpans';
import { DAY_MS, isoTime, utcDayOf } from './utcDays';

/**
 * How far back the timeline looks for the previous deploy or the commits a
 * deploy ships. Longer than the longest gap between a struggling team's
 * deploys, and measured from the deploy itself, never from the start of the
 * generated window, so a day's events do not change as the window slides.
 */
const LOOKBACK_DAYS = 120;

/** The implicit incident-to-deploy link window of the rubric. */
const INCIDENT_LINK_WINDOW_MS = DAY_MS;

/** A production deployment that happened. */
interface ProductionDeploy {
  externalId: string;
  reason: DeploymentReason;
  succeeded: boolean;
  automated: boolean;
  startMs: number;
  finishMs: number;
  commit: DemoCommit;
  /**
   * A release train's commit, deployed instead of the entity's head commit
   * (which it ships among the others).
   */
  releaseSha?: string;
  /** False when a release ships a newer commit than the one it staged. */
  staged?: boolean;
}

/**
 * One entity's history, day by day. Each day is planned on its own from its
 * seeded streams; the timeline resolves what needs neighbouring days: which
 * planned deploys happen (only when there is something new to ship), which
 * commit each deploy carries, and which commits it ships since the previous
 * production deploy. Every answer looks back a fixed distance from the day it
 * concerns, which keeps the events of a day identical across runs.
 *
 * @internal
 */
export class DemoEntityTimeline {
  readonly #context: DemoPlanningContext;
  readonly #plans = new Map<number, DemoDayPlan>();
  readonly #keptDeploys = new Map<number, PlannedDeploy[]>();
  readonly #commits = new Map<number, DemoCommit[]>();
  readonly #fixDeploys = new Map<number, ProductionDeploy[]>();
  readonly #releases = new Map<number, ProductionDeploy[]>();
  readonly #productionDeploys = new Map<number, ProductionDeploy[]>();

  constructor(context: DemoPlanningContext) {
    this.#context = context;
  }

  /** Every event anchored to a day, whatever the current time. */
  eventsAnchoredOn(day: number): MaturityEvent[] {
    const plan = this.#plan(day);
    const events: MaturityEvent[] = [];
    for (const planned of plan.changes) {
      events.push(planned.change);
      if (this.#context.runsCi) events.push(...planned.builds);
    }
    if (plan.trainingRun) {
      const startMs = Date.parse(plan.trainingRun.startedAt);
      const commit = this.#headAt(startMs, false);
      events.push({ ...plan.trainingRun, commitSha: commit?.sha });
    }
    const deploys = new Map(
      this.#productionDeploysAnchoredOn(day).map(d => [d.externalId, d]),
    );
    for (const planned of this.#keptDeploysOn(day)) {
      events.push(...this.#deployEvents(planned, deploys));
    }
    for (const incident of plan.unrelatedIncidents) {
      if (!this.#deployedShortlyBefore(incident.triggeredAtMs)) {
        events.push(this.#incidentEvent(incident, {}));
      }
    }
    return events;
  }

  #plan(day: number): DemoDayPlan {
    let plan = this.#plans.get(day);
    if (!plan) {
      const { firstActiveDay } = this.#context;
      // Nothing before a new component began: no commits for its first
      // deploys to ship, no incidents.
      plan =
        firstActiveDay !== undefined && day < firstActiveDay
          ? { day, changes: [], deploys: [], unrelatedIncidents: [] }
          : planDemoDay(this.#context, day);
      this.#plans.set(day, plan);
    }
    return plan;
  }

  /**
   * The planned deploys of a day that happen: those with a commit that
   * became deployable since the previous planned deploy. Decided from
   * ordinary changes only, so it never depends on other deploys' outcomes.
   */
  #keptDeploysOn(day: number): PlannedDeploy[] {
    let kept = this.#keptDeploys.get(day);
    if (!kept) {
      kept = this.#plan(day).deploys.filter(deploy => {
        const previous = this.#previousPlannedDeploy(day, deploy);
        const fromMs = previous
          ? previous.cutoffMs
          : deploy.cutoffMs - LOOKBACK_DAYS * DAY_MS;
        return this.#hasDeployableChange(fromMs, deploy.cutoffMs);
      });
      this.#keptDeploys.set(day, kept);
    }
    return kept;
  }

  #previousPlannedDeploy(
    day: number,
    deploy: PlannedDeploy,
  ): PlannedDeploy | undefined {
    for (let d = day; d >= day - LOOKBACK_DAYS; d--) {
      const earlier = this.#plan(d).deploys.filter(
        other => other.productionStartMs < deploy.productionStartMs,
      );
      if (earlier.length > 0) {
        return earlier[earlier.length - 1];
      }
    }
    return undefined;
  }

  #hasDeployableChange(fromMs: number, toMs: number): boolean {
    if (toMs <= fromMs) {
      return false;
    }
    for (let d = utcDayOf(fromMs) - 1; d <= utcDayOf(toMs); d++) {
      for (const { commit } of this.#plan(d).changes) {
        const at = commit?.deployableAtMs;
        if (at !== undefined && at > fromMs && at <= toMs) {
          return true;
        }
      }
    }
    return false;
  }

  /** Commits on the default branch anchored to a day: its changes and fixes. */
  #commitsAnchoredOn(day: number): DemoCommit[] {
    let commits = this.#commits.get(day);
    if (!commits) {
      commits = [];
      for (const { commit } of this.#plan(day).changes) {
        if (commit) commits.push(commit);
      }
      for (const deploy of this.#keptDeploysOn(day)) {
        const fix = deploy.failure?.fix?.commit;
        if (fix) commits.push(fix);
      }
      this.#commits.set(day, commits);
    }
    return commits;
  }

  /**
   * The newest commit on the default branch at a time; with
   * `requireDeployable`, the newest whose default-branch run had passed.
   */
  #headAt(timeMs: number, requireDeployable: boolean): DemoCommit | undefined {
    let head: DemoCommit | undefined;
    const day = utcDayOf(timeMs);
    for (let d = day; d >= day - LOOKBACK_DAYS; d--) {
      if (head && d + DEMO_REMEDIATION_DAYS < utcDayOf(head.mergedAtMs)) {
        break;
      }
      for (const commit of this.#commitsAnchoredOn(d)) {
        const at = requireDeployable
          ? commit.deployableAtMs
          : commit.mergedAtMs;
        if (
          at !== undefined &&
          at <= timeMs &&
          (!head || commit.mergedAtMs > head.mergedAtMs)
        ) {
          head = commit;
        }
      }
    }
    return head;
  }

  /**
   * Hotfix and revert deploys anchored to a day (the day of the release they
   * repair). They depend only on which releases happen, not on what those
   * releases shipped, so releases can look at them.
   */
  #fixDeploysOn(day: number): ProductionDeploy[] {
    let fixes = this.#fixDeploys.get(day);
    if (!fixes) {
      fixes = [];
      for (const planned of this.#keptDeploysOn(day)) {
        const fix = planned.failure?.fix?.commit;
        const deploy = planned.failure?.remediationDeploy;
        if (!fix || !deploy) continue;
        fixes.push({
          externalId: deploy.externalId,
          reason: 'hotfix',
          succeeded: true,
          automated: planned.automated,
          startMs: deploy.startMs,
          finishMs: deploy.finishMs,
          commit: fix,
        });
      }
      this.#fixDeploys.set(day, fixes);
    }
    return fixes;
  }

  /**
   * The commit a release ships: the newest that had passed CI when it was
   * cut, and never older than a fix deployed since, so a release does not
   * undo a hotfix. (It then ships the fix commit without staging it.)
   */
  #releaseCommit(planned: PlannedDeploy): {
    commit?: DemoCommit;
    staged: boolean;
  } {
    const staged = this.#headAt(planned.cutoffMs, true);
    let commit = staged;
    const day = utcDayOf(planned.productionStartMs);
    for (let d = day - DEMO_REMEDIATION_DAYS; d <= day; d++) {
      for (const fix of this.#fixDeploysOn(d)) {
        if (
          fix.startMs < planned.productionStartMs &&
          (!commit || fix.commit.mergedAtMs > commit.mergedAtMs)
        ) {
          commit = fix.commit;
        }
      }
    }
    return { commit, staged: commit === staged };
  }

  /** The planned deploys of a day that happened, with the commit each ran. */
  #releasesOn(day: number): ProductionDeploy[] {
    let releases = this.#releases.get(day);
    if (!releases) {
      releases = [];
      for (const planned of this.#keptDeploysOn(day)) {
        const { commit, staged } = this.#releaseCommit(planned);
        if (!commit) continue;
        releases.push({
          staged,
          externalId: planned.externalId,
          reason: 'planned',
          succeeded: planned.failure?.mode !== 'failed-rollout',
          automated: planned.automated,
          startMs: planned.productionStartMs,
          finishMs: planned.productionFinishMs,
          commit,
          releaseSha: planned.releaseSha,
        });
      }
      this.#releases.set(day, releases);
    }
    return releases;
  }

  /** Production deploys anchored to a day: releases and their remediations. */
  #productionDeploysAnchoredOn(day: number): ProductionDeploy[] {
    let deploys = this.#productionDeploys.get(day);
    if (deploys) {
      return deploys;
    }
    const releases = new Map(
      this.#releasesOn(day).map(release => [release.externalId, release]),
    );
    deploys = [...releases.values(), ...this.#fixDeploysOn(day)];
    for (const planned of this.#keptDeploysOn(day)) {
      const release = releases.get(planned.externalId);
      const rollback = planned.failure?.remediationDeploy;
      if (
        !release ||
        !rollback ||
        planned.failure?.remediation !== 'rollback'
      ) {
        continue;
      }
      // Rolling back returns to the last release that went well.
      const target = this.#previousProductionDeploy(release.startMs, false);
      if (!target) continue;
      deploys.push({
        externalId: rollback.externalId,
        reason: 'rollback',
        succeeded: true,
        automated: release.automated,
        startMs: rollback.startMs,
        finishMs: rollback.finishMs,
        commit: target.commit,
      });
    }
    this.#productionDeploys.set(day, deploys);
    return deploys;
  }

  /**
   * The last successful production deploy started before a time; with
   * `includeRemediations` false, only planned releases count.
   */
  #previousProductionDeploy(
    timeMs: number,
    includeRemediations: boolean,
  ): ProductionDeploy | undefined {
    let previous: ProductionDeploy | undefined;
    const day = utcDayOf(timeMs);
    for (let d = day; d >= day - LOOKBACK_DAYS; d--) {
      if (previous && d + DEMO_REMEDIATION_DAYS < utcDayOf(previous.startMs)) {
        break;
      }
      const candidates = includeRemediations
        ? this.#productionDeploysAnchoredOn(d)
        : this.#releasesOn(d);
      for (const deploy of candidates) {
        if (
          deploy.succeeded &&
          deploy.startMs < timeMs &&
          (!previous || deploy.startMs > previous.startMs)
        ) {
          previous = deploy;
        }
      }
    }
    return previous;
  }

  /**
   * Commits a deploy ships: those merged after the commit production ran
   * before, up to and including the deployed one, in merge order.
   */
  #shippedCommits(deploy: ProductionDeploy): string[] {
    const previous = this.#previousProductionDeploy(deploy.startMs, true);
    const toMs = deploy.commit.mergedAtMs;
    const fromMs = previous
      ? previous.commit.mergedAtMs
      : toMs - LOOKBACK_DAYS * DAY_MS;
    const shipped: DemoCommit[] = [];
    for (
      let d = utcDayOf(fromMs) - DEMO_REMEDIATION_DAYS;
      d <= utcDayOf(toMs);
      d++
    ) {
      for (const commit of this.#commitsAnchoredOn(d)) {
        if (commit.mergedAtMs > fromMs && commit.mergedAtMs <= toMs) {
          shipped.push(commit);
        }
      }
    }
    return shipped
      .sort((a, b) => a.mergedAtMs - b.mergedAtMs)
      .map(commit => commit.sha);
  }

  #deployedShortlyBefore(timeMs: number): boolean {
    const day = utcDayOf(timeMs);
    for (let d = day - 1 - DEMO_REMEDIATION_DAYS; d <= day; d++) {
      for (const deploy of this.#productionDeploysAnchoredOn(d)) {
        if (
          deploy.startMs <= timeMs &&
          deploy.startMs >= timeMs - INCIDENT_LINK_WINDOW_MS
        ) {
          return true;
        }
      }
    }
    return false;
  }

  #deploymentEvent(
    deploy: ProductionDeploy,
    environment: string,
    fields: Partial<DeploymentEvent>,
  ): DeploymentEvent {
    return {
      type: 'deployment',
      source: 'demo',
      entityRef: this.#context.entityRef,
      externalId: deploy.externalId,
      environment,
      commitSha: deploy.releaseSha ?? deploy.commit.sha,
      status: deploy.succeeded ? 'success' : 'failure',
      reason: deploy.reason,
      automated: deploy.automated,
      strategy: this.#context.profile.deployStrategy,
      startedAt: isoTime(deploy.startMs),
      finishedAt: isoTime(deploy.finishMs),
      ...fields,
    };
  }

  /** A planned deploy with its staging step, failure and remediation. */
  #deployEvents(
    planned: PlannedDeploy,
    deploys: Map<string, ProductionDeploy>,
  ): MaturityEvent[] {
    const production = deploys.get(planned.externalId);
    if (!production) {
      return [];
    }
    const events: MaturityEvent[] = [];
    if (planned.staging && production.staged) {
      events.push(
        this.#deploymentEvent(production, 'staging', {
          externalId: planned.staging.externalId,
          status: 'success',
          startedAt: isoTime(planned.staging.startMs),
          finishedAt: isoTime(planned.staging.finishMs),
        }),
      );
    }
    events.push(
      this.#deploymentEvent(production, 'production', {
        commitShas: [
          ...this.#shippedCommits(production),
          ...(production.releaseSha ? [production.releaseSha] : []),
        ],
      }),
    );

    const failure = planned.failure;
    if (!failure) {
      return events;
    }
    if (failure.incident) {
      events.push(
        this.#incidentEvent(failure.incident, {
          linkedDeploymentIds: failure.linksDeployment
            ? [production.externalId]
            : undefined,
          linkedCommitShas: failure.namesRootCause
            ? [production.commit.sha]
            : undefined,
        }),
      );
    }
    if (failure.fix) {
      events.push(
        failure.remediation === 'revert'
          ? { ...failure.fix.change, revertsSha: production.commit.sha }
          : failure.fix.change,
        ...failure.fix.builds,
      );
    }
    const remediation =
      failure.remediationDeploy &&
      deploys.get(failure.remediationDeploy.externalId);
    if (remediation) {
      events.push(
        this.#deploymentEvent(
          remediation,
          'production',
          remediation.reason === 'rollback'
            ? {}
            : { commitShas: this.#shippedCommits(remediation) },
        ),
      );
    }
    return events;
  }

  #incidentEvent(
    incident: PlannedIncident,
    links: Pick<IncidentEvent, 'linkedDeploymentIds' | 'linkedCommitShas'>,
  ): IncidentEvent {
    const event: IncidentEvent = {
      type: 'incident',
      source: 'demo',
      entityRef: this.#context.entityRef,
      externalId: incident.externalId,
      title: incident.title,
      status: 'resolved',
      urgency: incident.urgency,
      priority: incident.priority,
      triggeredAt: isoTime(incident.triggeredAtMs),
      acknowledgedAt: isoTime(incident.acknowledgedAtMs),
      resolvedAt: isoTime(incident.resolvedAtMs),
      responderTeam: incident.responderTeam,
    };
    if (incident.postmortemAtMs !== undefined) {
      event.postmortemAt = isoTime(incident.postmortemAtMs);
    }
    if (links.linkedDeploymentIds) {
      event.linkedDeploymentIds = links.linkedDeploymentIds;
    }
    if (links.linkedCommitShas) {
      event.linkedCommitShas = links.linkedCommitShas;
    }
    return event;
  }
}
