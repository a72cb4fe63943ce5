import { formatRelativeTime } from './formatRelativeTime';

const now = Date.parse('2026-11-23T12:00:00.000Z');

describe('formatRelativeTime', () => {
  it.each([
    ['2026-11-23T11:59:30.000Z', 'just now'],
    ['2026-11-23T11:55:00.000Z', '5 minutes ago'],
    ['2026-11-23T09:00:00.000Z', '3 hours ago'],
    ['2026-11-22T12:00:00.000Z', 'yesterday'],
    ['2026-11-20T12:00:00.000Z', '3 days ago'],
    ['2026-11-09T12:00:00.000Z', '2 weeks ago'],
    ['2026-08-25T12:00:00.000Z', '3 months ago'],
    ['2024-11-23T12:00:00.000Z', '2 years ago'],
    ['2026-11-23T14:00:00.000Z', 'in 2 hours'],
  ])('%s is %s', (iso, expected) => {
    expect(formatRelativeTime(iso, now)).toBe(expected);
  });

  it('returns an unparseable time as given', () => {
    expect(formatRelativeTime('someday', now)).toBe('someday');
  });
});
