import {
  isCalendarDate,
  isCalendarTime,
  parseCalendarTimeMillis,
} from './calendarTime';

describe('parseCalendarTimeMillis', () => {
  it.each([
    ['2026-11-20T14:02:11Z', '2026-11-20T14:02:11.000Z'],
    ['2026-11-20t14:02:11z', '2026-11-20T14:02:11.000Z'],
    ['2026-11-20T15:02:11+01:00', '2026-11-20T14:02:11.000Z'],
    ['2026-11-20T00:30:00-23:59', '2026-11-21T00:29:00.000Z'],
    ['2024-02-29T12:00:00.123456789Z', '2024-02-29T12:00:00.123Z'],
    ['2026-12-31T23:59:59.5Z', '2026-12-31T23:59:59.500Z'],
    ['0050-01-01T00:00:00Z', '0050-01-01T00:00:00.000Z'],
  ])('reads %s as %s', (input, iso) => {
    expect(new Date(parseCalendarTimeMillis(input)!).toISOString()).toBe(iso);
  });

  it.each([
    '2026-12-31T23:59:60Z', // leap second
    '2026-13-01T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-02-29T00:00:00Z', // not a leap year
    '2026-02-30T10:00:00Z', // Date reads it as March 2
    '2026-04-31T10:00:00Z',
    '2026-11-00T10:00:00Z',
    '2026-11-20T24:00:00Z',
    '2026-11-20T10:60:00Z',
    '2026-11-20T10:00:00+24:00',
    '2026-11-20T10:00:00+05:60',
    '2026-11-20T10:00:00', // no offset
    '2026-11-20', // a date is not a time
    '2026-11-20 10:00:00Z',
    '+002026-11-20T10:00:00Z',
    '2026-11-20T10:00:00.Z',
    'Fri, 20 Nov 2026 10:00:00 GMT',
    '1e3',
    '',
  ])('refuses %s', input => {
    expect(parseCalendarTimeMillis(input)).toBeUndefined();
    expect(isCalendarTime(input)).toBe(false);
  });

  it('takes only strings', () => {
    expect(parseCalendarTimeMillis(1_700_000_000_000)).toBeUndefined();
    expect(parseCalendarTimeMillis(undefined)).toBeUndefined();
  });
});

describe('isCalendarDate', () => {
  it('accepts dates that exist and nothing else', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });
});
