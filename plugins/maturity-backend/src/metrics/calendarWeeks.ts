import { DAY_MS } from '../durations';

/** The UTC calendar day (days since the epoch) of a time. */
export function utcDay(time: number): number {
  return Math.floor(time / DAY_MS);
}

/**
 * The ISO week (Monday to Sunday, UTC) a UTC day falls in, as the day number
 * of its Monday. 1970-01-01 was a Thursday, so day 4 is the first Monday.
 */
export function isoWeekOf(day: number): number {
  return Math.floor((day + 3) / 7) * 7 - 3;
}

/**
 * The Mondays (as UTC day numbers) of every ISO week overlapping the window
 * [from, to), in order: the calendar a per-week median is taken over, so that
 * weeks without activity count.
 */
export function isoWeeksOverlapping(from: number, to: number): number[] {
  const weeks: number[] = [];
  if (to <= from) {
    return weeks;
  }
  const last = utcDay(to - 1);
  for (let week = isoWeekOf(utcDay(from)); week <= last; week += 7) {
    weeks.push(week);
  }
  return weeks;
}

/**
 * The median over the window's calendar weeks of the number of distinct UTC
 * days per week with an activity at one of `times`; weeks without one count
 * as zero. `times` must lie in the window.
 */
export function activeDaysPerWeek(
  times: number[],
  from: number,
  to: number,
): { weeks: number; activeDays: number; daysPerWeek: number[] } {
  const weeks = isoWeeksOverlapping(from, to);
  const days = new Set(times.map(utcDay));
  const perWeek = new Map(weeks.map(week => [week, 0]));
  for (const day of days) {
    const week = isoWeekOf(day);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  return {
    weeks: weeks.length,
    activeDays: days.size,
    daysPerWeek: weeks.map(week => perWeek.get(week) ?? 0),
  };
}

/**
 * The median over the UTC calendar months overlapping the window [from, to)
 * of the number of distinct UTC days per month with an activity at one of
 * `times`; months without one count as zero. DORA's lower deployment
 * frequency bands are monthly ("between once a week and once a month"), and
 * a weekly median is 0 for anything less than every other week.
 */
export function activeDaysPerMonth(
  times: number[],
  from: number,
  to: number,
): { months: number; daysPerMonth: number[] } {
  if (to <= from) {
    return { months: 0, daysPerMonth: [] };
  }
  const monthOf = (time: number) => {
    const date = new Date(time);
    return date.getUTCFullYear() * 12 + date.getUTCMonth();
  };
  const first = monthOf(from);
  const last = monthOf(to - 1);
  const perMonth = new Array<number>(last - first + 1).fill(0);
  for (const day of new Set(times.map(utcDay))) {
    perMonth[monthOf(day * DAY_MS) - first] += 1;
  }
  return { months: perMonth.length, daysPerMonth: perMonth };
}
