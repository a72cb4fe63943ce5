import {
  BuildEvent,
  ChangeEvent,
  IncidentUrgency,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/**
 * What one day of one entity decides by itself. Nothing in a plan looks at
 * other days, so a day's plan is the same whichever window it is generated
 * in; what needs other days (which commit a deploy ships, whether there is
 * anything new to ship) is resolved by the entity's timeline.
 */

/**
 * A commit on the default branch.
 * @internal
 */
export interface DemoCommit {
  sha: string;
  mergedAtMs: number;
  /** When its default-branch run passed; unset when the run failed. */
  deployableAtMs?: number;
}

/**
 * A change with the CI runs it caused. These need nothing from other days,
 * so the events are final here.
 * @internal
 */
export interface PlannedChange {
  change: ChangeEvent;
  builds: BuildEvent[];
  /** Set when the change reached the default branch. */
  commit?: DemoCommit;
}

/** @internal */
export interface PlannedIncident {
  externalId: string;
  title: string;
  urgency: IncidentUrgency;
  priority: string;
  triggeredAtMs: number;
  acknowledgedAtMs: number;
  resolvedAtMs: number;
  postmortemAtMs?: number;
  responderTeam: string;
}

/** @internal */
export type DemoRemediation = 'rollback' | 'hotfix' | 'revert' | 'none';

/**
 * What goes wrong with a production deploy that fails in production.
 * @internal
 */
export interface PlannedFailure {
  /** `failed-rollout`: the deploy itself fails; `defect`: it succeeds and breaks things. */
  mode: 'failed-rollout' | 'defect';
  incident?: PlannedIncident;
  /** The incident tool links the incident to the deployment. */
  linksDeployment: boolean;
  /** The incident names the deployed commit as root cause. */
  namesRootCause: boolean;
  remediation: DemoRemediation;
  /** The hotfix or revert change, with its CI run. */
  fix?: PlannedChange;
  /** The rollback or fix deployment. */
  remediationDeploy?: {
    externalId: string;
    startMs: number;
    finishMs: number;
  };
}

/**
 * A production deploy the team intends to do; it happens only if there is
 * something new to ship.
 * @internal
 */
export interface PlannedDeploy {
  externalId: string;
  /** Newest time a commit may have become deployable to be shipped. */
  cutoffMs: number;
  staging?: { externalId: string; startMs: number; finishMs: number };
  productionStartMs: number;
  productionFinishMs: number;
  automated: boolean;
  /**
   * The commit a release train deploys (the team's, shared by its
   * components); unset when the entity deploys its own head commit.
   */
  releaseSha?: string;
  failure?: PlannedFailure;
}

/**
 * Everything one day of one entity decides by itself.
 * @internal
 */
export interface DemoDayPlan {
  day: number;
  changes: PlannedChange[];
  deploys: PlannedDeploy[];
  /** Incidents no deploy caused, before checking for deploys nearby. */
  unrelatedIncidents: PlannedIncident[];
  /** A scheduled model training run, still without its commit. */
  trainingRun?: BuildEvent;
}
