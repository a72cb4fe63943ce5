import {
  utcDayOf,
  utcDayToDate,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** The UTC day (`YYYY-MM-DD`) a time falls on. */
export function utcDay(time: Date): string {
  return utcDayToDate(utcDayOf(time));
}

/** The day `days` after (or before, when negative) a `YYYY-MM-DD` day. */
export function addDays(day: string, days: number): string {
  return utcDayToDate(utcDayOf(day) + days);
}

/**
 * The days of a campaign a run computes, oldest first: every day from its
 * first to today (or its deadline, once past) not computed yet, and today
 * in any case, as today's figures change with each evaluation. Past days
 * already computed stay as they are, unless from `recomputeFrom` on (a
 * history point of that day landed after they were computed); nothing
 * before the first day.
 */
export function daysToCompute(
  campaign: { startsOn: string; deadline: string },
  computed: ReadonlySet<string>,
  today: string,
  recomputeFrom?: string,
): string[] {
  const last = today < campaign.deadline ? today : campaign.deadline;
  const days: string[] = [];
  for (let day = campaign.startsOn; day <= last; day = addDays(day, 1)) {
    if (
      day === today ||
      !computed.has(day) ||
      (recomputeFrom !== undefined && day >= recomputeFrom)
    ) {
      days.push(day);
    }
  }
  return days;
}
