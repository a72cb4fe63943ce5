import { addDays, daysToCompute, utcDay } from './campaignDays';

const campaign = { startsOn: '2026-12-01', deadline: '2026-12-05' };

describe('campaign days', () => {
  it('takes the UTC day of a time, and counts days across months and years', () => {
    expect(utcDay(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
    expect(utcDay(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('computes nothing before the first day', () => {
    expect(daysToCompute(campaign, new Set(), '2026-11-30')).toEqual([]);
  });

  it('back-fills every day from the first to today', () => {
    expect(daysToCompute(campaign, new Set(), '2026-12-03')).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ]);
  });

  it('skips past days already computed but always recomputes today', () => {
    expect(
      daysToCompute(
        campaign,
        new Set(['2026-12-01', '2026-12-03']),
        '2026-12-03',
      ),
    ).toEqual(['2026-12-02', '2026-12-03']);
  });

  it('stops at the deadline, computing it only if missing once past', () => {
    expect(
      daysToCompute(
        campaign,
        new Set(['2026-12-01', '2026-12-02']),
        '2027-01-10',
      ),
    ).toEqual(['2026-12-03', '2026-12-04', '2026-12-05']);
    expect(
      daysToCompute(
        campaign,
        new Set([
          '2026-12-01',
          '2026-12-02',
          '2026-12-03',
          '2026-12-04',
          '2026-12-05',
        ]),
        '2026-12-06',
      ),
    ).toEqual([]);
    expect(
      daysToCompute(
        campaign,
        new Set([
          '2026-12-01',
          '2026-12-02',
          '2026-12-03',
          '2026-12-04',
          '2026-12-05',
        ]),
        '2026-12-05',
      ),
    ).toEqual(['2026-12-05']);
  });

  it('recomputes the past days from one whose history changed since', () => {
    const all = new Set([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
    ]);
    expect(daysToCompute(campaign, all, '2026-12-04', '2026-12-02')).toEqual([
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
    ]);
    // A change before the first day recomputes them all, none before it.
    expect(daysToCompute(campaign, all, '2026-12-04', '2026-11-20')).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
    ]);
    // Nor after the deadline.
    expect(
      daysToCompute(
        campaign,
        new Set([...all, '2026-12-05']),
        '2026-12-09',
        '2026-12-04',
      ),
    ).toEqual(['2026-12-04', '2026-12-05']);
  });
});
