import {
  activeDaysPerMonth,
  activeDaysPerWeek,
  isoWeekOf,
  isoWeeksOverlapping,
  utcDay,
} from './calendarWeeks';

const ms = (iso: string) => new Date(iso).getTime();
const dayOf = (iso: string) => utcDay(ms(iso));

describe('calendar weeks', () => {
  const originalTz = process.env.TZ;
  beforeAll(() => {
    // Local time must play no part: run in a zone that changes clocks.
    process.env.TZ = 'Europe/Berlin';
  });
  afterAll(() => {
    process.env.TZ = originalTz;
  });

  it('puts a day in the ISO week of its Monday, in UTC', () => {
    // 2026-03-29 is the Sunday of the EU change to summer time; 23:30 UTC
    // is already Monday in Berlin, but the week is still that of 03-23.
    expect(isoWeekOf(dayOf('2026-03-29T23:30:00Z'))).toBe(
      dayOf('2026-03-23T00:00:00Z'),
    );
    expect(isoWeekOf(dayOf('2026-03-30T00:00:00Z'))).toBe(
      dayOf('2026-03-30T00:00:00Z'),
    );
    // 1970-01-01 (Thursday) is in the week of Monday 1969-12-29 (day -3).
    expect(isoWeekOf(0)).toBe(-3);
  });

  it('lists every week overlapping a window, partial ones included', () => {
    // Wednesday 03-04 to Wednesday 03-18 (exclusive): weeks of 03-02,
    // 03-09, 03-16.
    expect(
      isoWeeksOverlapping(
        ms('2026-03-04T12:00:00Z'),
        ms('2026-03-18T00:00:00Z'),
      ),
    ).toEqual(
      ['2026-03-02', '2026-03-09', '2026-03-16'].map(d =>
        dayOf(`${d}T00:00:00Z`),
      ),
    );
    // A window ending on a Monday at midnight does not reach that week.
    expect(
      isoWeeksOverlapping(
        ms('2026-03-02T00:00:00Z'),
        ms('2026-03-30T00:00:00Z'),
      ),
    ).toHaveLength(4);
    expect(isoWeeksOverlapping(5, 5)).toEqual([]);
  });

  it('counts distinct active days per week, zero-filled', () => {
    const result = activeDaysPerWeek(
      [
        '2026-03-02T10:00:00Z',
        '2026-03-02T23:59:59Z', // same UTC day
        '2026-03-08T01:30:00Z', // Sunday, the US DST night
        '2026-03-29T23:30:00Z', // Sunday, the EU DST day
      ].map(ms),
      ms('2026-03-02T00:00:00Z'),
      ms('2026-03-30T00:00:00Z'),
    );
    // Week 03-02: {2, 8} = 2; 03-09: 0; 03-16: 0; 03-23: {29} = 1.
    expect(result).toEqual({
      weeks: 4,
      activeDays: 3,
      daysPerWeek: [2, 0, 0, 1],
    });
  });

  it('counts distinct active days per calendar month, zero-filled', () => {
    // A 90-day window, 2026-08-25 .. 2026-11-23: August (7 days), September,
    // October and November (22 days) overlap it.
    const result = activeDaysPerMonth(
      [
        '2026-08-31T23:00:00Z',
        '2026-09-01T00:30:00Z', // the next UTC day, the next month
        '2026-09-15T10:00:00Z',
        '2026-09-15T16:00:00Z', // same day
        '2026-11-22T12:00:00Z',
      ].map(ms),
      ms('2026-08-25T00:00:00Z'),
      ms('2026-11-23T00:00:00Z'),
    );
    expect(result).toEqual({ months: 4, daysPerMonth: [1, 2, 0, 1] });
    expect(activeDaysPerMonth([], 5, 5)).toEqual({
      months: 0,
      daysPerMonth: [],
    });
  });
});
