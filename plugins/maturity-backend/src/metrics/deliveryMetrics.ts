import {
  MetricId,
  MetricValue,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { activeDaysPerMonth, activeDaysPerWeek } from './calendarWeeks';
import { EntityEvents, evidenceId } from './EntityEvents';
import { evidenceOf, metricValue, notApplicable, share } from './metricValue';
import { ChangeDeploymentLink } from '../database/MetricsWindowReader';
import { DeploymentRecord } from '../database/MetricsWindowReader';
import { DAY_MS, HOUR_MS } from '../durations';
import { median, quantile } from '../sampleStatistics';

type DeliveryMetricId =
  | 'deployment_frequency'
  | 'lead_time'
  | 'change_failure_rate'
  | 'failed_deployment_recovery_time'
  | 'rework_rate'
  | 'production_deploys'
  | 'non_production_deploys'
  | 'deploy_automation_share'
  | 'preprod_first_share'
  | 'deploy_commit_resolution_share'
  | 'bundled_deploy_share'
  | 'merge_to_production'
  | 'rollbacks';

const deploymentId = (d: DeploymentRecord) => evidenceId('deployment', d.id);
const deploymentIds = (deployments: DeploymentRecord[]) =>
  evidenceOf(deployments, deploymentId);

const hours = (values: number[]) => values.map(v => v / HOUR_MS);

const count = (id: MetricId, deployments: DeploymentRecord[]) =>
  metricValue(id, {
    sampleSize: deployments.length,
    value: deployments.length,
    evidence: deploymentIds(deployments),
  });

/**
 * The successful production deployments running in the window that failed:
 * an incident is linked to them, a rollback replaced them, or a revert took
 * back their commit.
 */
export function failedDeployments(events: EntityEvents): Set<number> {
  const failed = new Set<number>();
  for (const link of events.incidentLinks) {
    if (link.deploymentId !== null) {
      failed.add(link.deploymentId);
    }
  }
  for (const d of events.deployments) {
    if (
      d.isProduction &&
      d.status === 'success' &&
      d.reason === 'rollback' &&
      d.rollsBackId !== undefined &&
      d.startedAt < events.to
    ) {
      failed.add(d.rollsBackId);
    }
  }
  for (const revert of events.reverts) {
    failed.add(revert.deploymentId);
  }
  return failed;
}

/**
 * One change's lead time split into its stages, in milliseconds. The change
 * starts at the earliest of its first commit's author time, its pull
 * request's opening and its merge (a rebase or amend can date the first
 * commit after the opening). Coding runs from the start to the opening,
 * review from the opening to the merge, deploy from the merge to running in
 * production; a change without a pull request has no review (the opening
 * is taken as its merge). Each stage boundary is held between the previous
 * one and the deploy, so no stage is negative and the three add up to the
 * lead time exactly.
 */
export interface LeadTimeStages {
  leadTime: number;
  coding: number;
  review: number;
  deploy: number;
}

/** The stages of a change linked to the deploy that shipped it. */
export function leadTimeStages(link: ChangeDeploymentLink): LeadTimeStages {
  const known = [link.authoredAt, link.openedAt, link.mergedAt].filter(
    (t): t is number => t !== undefined,
  );
  const start = Math.min(...known);
  const end = Math.max(link.deployedAt, start);
  const within = (t: number, lower: number) =>
    Math.min(Math.max(t, lower), end);
  const opened = within(link.openedAt ?? link.mergedAt, start);
  const merged = within(link.mergedAt, opened);
  return {
    leadTime: end - start,
    coding: opened - start,
    review: merged - opened,
    deploy: end - merged,
  };
}

/**
 * Hours from a failed deployment to its remediation, before the window's
 * end: the first successful production deployment that rolled it back,
 * shipped a revert of its commit or declared it fixes one of its incidents
 * (`fixesIncidents`), or the resolution of the last incident linked to it
 * (all of them resolved), whichever came first. A later deployment that did
 * none of these does not end it. Undefined when not
 * remediated by the window's end: no sample yet.
 */
function recoveryHours(
  failed: DeploymentRecord,
  production: DeploymentRecord[],
  events: EntityEvents,
): number | undefined {
  const candidates: number[] = [];
  const after = (time: number) => time >= failed.deployedAt && time < events.to;
  // A rollback that replaced it.
  for (const d of production) {
    if (
      d.reason === 'rollback' &&
      d.rollsBackId === failed.id &&
      after(d.deployedAt)
    ) {
      candidates.push(d.deployedAt);
    }
  }
  // The deploy that shipped a revert of its commit.
  const revertChanges = new Set(
    events.reverts
      .filter(revert => revert.deploymentId === failed.id)
      .map(revert => revert.revertChangeId),
  );
  for (const link of events.changeLinks) {
    if (revertChanges.has(link.changeId) && after(link.deployedAt)) {
      candidates.push(link.deployedAt);
    }
  }
  const incidentIds = new Set(
    events.incidentLinks
      .filter(link => link.deploymentId === failed.id)
      .map(link => link.incidentId),
  );
  const incidents = events.incidents.filter(i => incidentIds.has(i.id));
  // A deploy that declared it fixes one of its incidents.
  const incidentNames = new Set(
    incidents.map(i => `${i.source}:${i.externalId}`),
  );
  for (const d of production) {
    if (
      after(d.deployedAt) &&
      d.fixesIncidents.some(name => incidentNames.has(name))
    ) {
      candidates.push(d.deployedAt);
    }
  }
  if (
    incidents.length > 0 &&
    incidents.every(i => i.resolvedAt !== undefined && i.resolvedAt < events.to)
  ) {
    // Resolved before the failed deploy finished (it was linked anyway):
    // recovered at once.
    candidates.push(
      Math.max(failed.deployedAt, ...incidents.map(i => i.resolvedAt!)),
    );
  }
  return candidates.length
    ? (Math.min(...candidates) - failed.deployedAt) / HOUR_MS
    : undefined;
}

/**
 * DORA metrics and deployment practice of one entity: deployment frequency,
 * lead time, change failure rate, failed deployment recovery time, rework
 * rate, and the production deployment counts and shares.
 */
export function deliveryMetrics(
  events: EntityEvents,
): Record<DeliveryMetricId, MetricValue> {
  const { from, to } = events;
  const inWindow = (d: DeploymentRecord) =>
    d.status === 'success' && d.deployedAt >= from && d.deployedAt < to;
  // Every successful production deployment read, oldest first.
  const production = events.deployments
    .filter(d => d.isProduction && d.status === 'success')
    .sort((a, b) => a.deployedAt - b.deployedAt || a.id - b.id);
  const window = production.filter(inWindow);
  const newestFirst = [...window].reverse();
  const nonProduction = events.deployments
    .filter(d => !d.isProduction && inWindow(d))
    .sort((a, b) => b.deployedAt - a.deployedAt || b.id - a.id);

  const counts = {
    production_deploys: count('production_deploys', newestFirst),
    non_production_deploys: count('non_production_deploys', nonProduction),
    rollbacks: count(
      'rollbacks',
      newestFirst.filter(d => d.reason === 'rollback'),
    ),
  };
  if (!events.presence.productionDeploys) {
    return {
      ...counts,
      deployment_frequency: notApplicable('deployment_frequency'),
      lead_time: notApplicable('lead_time'),
      change_failure_rate: notApplicable('change_failure_rate'),
      failed_deployment_recovery_time: notApplicable(
        'failed_deployment_recovery_time',
      ),
      rework_rate: notApplicable('rework_rate'),
      deploy_automation_share: notApplicable('deploy_automation_share'),
      preprod_first_share: notApplicable('preprod_first_share'),
      deploy_commit_resolution_share: notApplicable(
        'deploy_commit_resolution_share',
      ),
      bundled_deploy_share: notApplicable('bundled_deploy_share'),
      merge_to_production: notApplicable('merge_to_production'),
    };
  }

  const calendar = activeDaysPerWeek(
    window.map(d => d.deployedAt),
    from,
    to,
  );
  const months = activeDaysPerMonth(
    window.map(d => d.deployedAt),
    from,
    to,
  );
  const deploymentFrequency = metricValue('deployment_frequency', {
    sampleSize: window.length,
    value: median(calendar.daysPerWeek),
    evidence: deploymentIds(newestFirst),
    breakdown: {
      weeks: calendar.weeks,
      deployDays: calendar.activeDays,
      productionDeploys: window.length,
      deployDaysPerMonth: median(months.daysPerMonth),
      // Decides band "none": no production deploy in the last 180 days.
      daysSinceProductionDeploy:
        events.presence.lastProductionDeployAt === undefined
          ? undefined
          : Math.max(0, to - events.presence.lastProductionDeployAt) / DAY_MS,
    },
    countKeys: ['weeks', 'deployDays', 'productionDeploys'],
  });

  // Changes shipped in the window, the slowest first. The breakdown's
  // medians are over the same changes as the lead time; each change's
  // stages add up to its lead time (the medians need not).
  const staged = events.changeLinks
    .map(link => ({ link, stages: leadTimeStages(link) }))
    .sort(
      (a, b) =>
        b.stages.leadTime - a.stages.leadTime ||
        a.link.deployedAt - b.link.deployedAt ||
        a.link.changeId - b.link.changeId,
    );
  const links = staged.map(s => s.link);
  const leadTimes = hours(staged.map(s => s.stages.leadTime));
  const coding = hours(staged.map(s => s.stages.coding));
  const review = hours(staged.map(s => s.stages.review));
  const deploy = hours(staged.map(s => s.stages.deploy));
  const changeIds = evidenceOf(links, l => evidenceId('change', l.changeId));
  const leadTime = metricValue('lead_time', {
    sampleSize: links.length,
    value: median(leadTimes),
    evidence: changeIds,
    breakdown: {
      p75: quantile(leadTimes, 0.75),
      coding: median(coding),
      review: median(review),
      deploy: median(deploy),
    },
  });
  const mergeToProduction = metricValue('merge_to_production', {
    sampleSize: links.length,
    value: median(deploy),
    evidence: changeIds,
  });

  const failed = failedDeployments(events);
  const failedInWindow = newestFirst.filter(d => failed.has(d.id));
  const changeFailureRate = events.hasIncidentSource
    ? metricValue(
        'change_failure_rate',
        share(newestFirst, failedInWindow, deploymentId),
      )
    : notApplicable('change_failure_rate');

  let recovery = notApplicable('failed_deployment_recovery_time');
  if (events.hasIncidentSource) {
    const recovered = failedInWindow
      .map(d => ({ d, hours: recoveryHours(d, production, events) }))
      .filter(r => r.hours !== undefined);
    recovery = metricValue('failed_deployment_recovery_time', {
      sampleSize: recovered.length,
      value: median(recovered.map(r => r.hours!)),
      evidence: deploymentIds(recovered.map(r => r.d)),
    });
  }

  const automationKnown = newestFirst.filter(d => d.automated !== undefined);
  const withCommit = newestFirst.filter(d => d.commitSha !== undefined);
  return {
    ...counts,
    deployment_frequency: deploymentFrequency,
    lead_time: leadTime,
    change_failure_rate: changeFailureRate,
    failed_deployment_recovery_time: recovery,
    rework_rate: metricValue(
      'rework_rate',
      share(
        newestFirst,
        newestFirst.filter(
          d => d.reason === 'hotfix' || d.reason === 'rollback',
        ),
        deploymentId,
      ),
    ),
    deploy_automation_share: metricValue(
      'deploy_automation_share',
      share(
        automationKnown,
        automationKnown.filter(d => d.automated),
        deploymentId,
      ),
    ),
    preprod_first_share: metricValue(
      'preprod_first_share',
      share(
        withCommit,
        withCommit.filter(d => d.deployedToPreproductionFirst),
        deploymentId,
      ),
    ),
    deploy_commit_resolution_share: metricValue(
      'deploy_commit_resolution_share',
      share(newestFirst, withCommit, deploymentId),
    ),
    // Only a deploy naming its commit can be matched with another's.
    bundled_deploy_share: metricValue(
      'bundled_deploy_share',
      share(
        withCommit,
        withCommit.filter(d => d.bundled),
        deploymentId,
      ),
    ),
    merge_to_production: mergeToProduction,
  };
}
