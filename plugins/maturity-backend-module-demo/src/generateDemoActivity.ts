import { InputError } from '@backstage/errors';
import { MaturityEvent } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { DemoEntity } from './DemoEntity';
import { DemoEntityTimeline } from './DemoEntityTimeline';
import { demoEventAsOf, demoEventSettledAt } from './demoEventAsOf';
import { createDemoPlanningContext } from './demoPlanningContext';
import { DEMO_LEAD_IN_DAYS, DEMO_SETTLING_DAYS } from './demoEventSpans';
import { demoRepoFacts } from './demoRepoFacts';
import { isoTime, startOfUtcDay, utcDayOf } from './utcDays';

/** The later of an ISO time and epoch milliseconds, as an ISO time. */
function maxIsoTime(iso: string, timeMs: number): string {
  return isoTime(Math.max(Date.parse(iso), timeMs));
}

export type { DemoEntity } from './DemoEntity';

/**
 * Options for {@link generateDemoActivity}.
 *
 * @public
 */
export interface GenerateDemoActivityOptions {
  /** The entities to generate activity for. */
  entities: DemoEntity[];
  /** The current time: nothing after it is generated. */
  now: Date;
  /**
   * Whole UTC days of history before today, 365 by default. 0 returns what
   * settled today.
   */
  days?: number;
}

/**
 * Generates a plausible history of builds, changes, deployments, incidents
 * and repository facts for demo entities, shaped by each owning team's
 * maturity profile (see {@link getDemoProfile}).
 *
 * The result is deterministic. Each day of each entity is planned from
 * random streams seeded by the entity and that UTC day, and an event's
 * content depends neither on the window nor on `now`. A run returns the
 * events that settled (finished, merged, resolved) from `days` days before
 * today up to `now`, so a later run, the same day or on a later day, repeats
 * the events of the days both runs cover with the same external ids and
 * content, and adds the new ones; a daily run with `days: 1` misses nothing.
 * Parts of the future show early, as they would in the tools: the CI runs of
 * a pull request appear while it is under review, a staging deploy before its
 * production deploy; the pull request itself appears once merged or closed.
 *
 * The one exception to fixed content is an incident: it appears once
 * triggered, is reported open until it is resolved, and then again with its
 * resolution and postmortem, each time with a newer `updatedAt`, as an
 * incident tool would report it. Nothing after `now` is returned.
 * Repository facts are observed at the start of the current UTC month, so
 * they too stay the same within a month.
 *
 * A component with `activeDays` is new to its team: nothing is planned
 * before that many days before today (its first pull request's commits may
 * start a day or two earlier), and its facts are first observed the day it
 * began. The start moves with today, so a demo started afresh always shows
 * it that young, while the stored activity of a running demo ages with it.
 *
 * All events have `source: 'demo'`; write them with `EventStore.ingest`, which
 * makes repeated runs idempotent.
 *
 * @public
 */
export function generateDemoActivity(
  options: GenerateDemoActivityOptions,
): MaturityEvent[] {
  const nowMs = options.now.getTime();
  const days = options.days ?? 365;
  if (Number.isNaN(nowMs)) {
    throw new InputError('Demo activity needs a valid current time');
  }
  if (!Number.isInteger(days) || days < 0) {
    throw new InputError(
      `Demo activity needs a whole number of days, got ${days}`,
    );
  }

  const today = utcDayOf(nowMs);
  const firstDay = today - days;
  const windowStartMs = startOfUtcDay(firstDay);
  const observedAt = isoTime(
    Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), 1),
  );
  const seen = new Set<string>();
  const events: MaturityEvent[] = [];
  for (const entity of options.entities) {
    if (seen.has(entity.entityRef)) continue;
    seen.add(entity.entityRef);
    const { activeDays } = entity;
    if (
      activeDays !== undefined &&
      (!Number.isInteger(activeDays) || activeDays < 0)
    ) {
      throw new InputError(
        `Demo entity ${entity.entityRef} needs whole active days, got ${activeDays}`,
      );
    }

    const context = createDemoPlanningContext(entity, today);
    // A component begun this month is first scanned the day it began.
    events.push(
      ...demoRepoFacts(
        entity,
        context.firstActiveDay === undefined
          ? observedAt
          : maxIsoTime(observedAt, startOfUtcDay(context.firstActiveDay)),
      ),
    );
    const timeline = new DemoEntityTimeline(context);
    // An event is reported by the window it settles in, which can be weeks
    // after the day it is planned on (an incident's postmortem) or before it
    // (the CI runs of a pull request merged next week).
    const lastDay = today + DEMO_LEAD_IN_DAYS;
    for (let day = firstDay - DEMO_SETTLING_DAYS; day <= lastDay; day++) {
      for (const event of timeline.eventsAnchoredOn(day)) {
        const visible = demoEventAsOf(event, nowMs);
        if (visible && demoEventSettledAt(event) >= windowStartMs) {
          events.push(visible);
        }
      }
    }
  }
  return events;
}
