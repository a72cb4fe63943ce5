import { DemoRange, demoProfiles } from './demoProfiles';

/**
 * How far the events planned on one day reach into other days. Generation
 * and the timeline look this far around a day so that a day's events come out
 * the same whichever window is generated. Derived from the profiles, so
 * slower profiles widen the spans by themselves.
 */

const profiles = Object.values(demoProfiles);
const HOURS_PER_DAY = 24;

function longest(select: (range: (typeof profiles)[number]) => number) {
  return Math.max(...profiles.map(select));
}

const high = (range: DemoRange) => range[1];

/**
 * Whole days from a bad deploy to the last remediation it causes (incident,
 * fix commit, rollback or hotfix deploy), with a day to spare for CI and
 * deploy durations.
 *
 * @internal
 */
export const DEMO_REMEDIATION_DAYS =
  Math.ceil(
    longest(p => high(p.detectionHours) + high(p.recoveryHours)) /
      HOURS_PER_DAY,
  ) + 1;

/**
 * Whole days from the day an event is planned on until it stops changing:
 * the slowest incident resolution plus the latest postmortem.
 *
 * @internal
 */
export const DEMO_SETTLING_DAYS =
  Math.ceil(
    longest(
      p =>
        (high(p.detectionHours) +
          Math.max(high(p.recoveryHours), high(p.lowUrgencyResolutionHours))) /
          HOURS_PER_DAY +
        high(p.postmortemDelayDays),
    ),
  ) + 1;

/**
 * Whole days an event can start before the day it is planned on: a pull
 * request's first commit before its merge, or a staging deploy before the
 * production deploy it prepares.
 *
 * @internal
 */
export const DEMO_LEAD_IN_DAYS =
  Math.ceil(
    longest(p =>
      Math.max(
        (high(p.codingHours) +
          high(p.reviewHours) +
          high(p.pullRequestCiMinutes) / 60) /
          HOURS_PER_DAY,
        (high(p.stagingSoakMinutes) + 3 * high(p.deployMinutes)) /
          (60 * HOURS_PER_DAY),
      ),
    ),
  ) + 1;
