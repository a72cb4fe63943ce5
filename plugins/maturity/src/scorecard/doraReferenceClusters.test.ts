import { DORA_REFERENCE_REPORTS } from './doraReferenceClusters';

function cluster(report: string, name: string) {
  const found = DORA_REFERENCE_REPORTS.find(
    r => r.id === report,
  )?.clusters.find(c => c.name === name);
  if (!found) {
    throw new Error(`No ${name} cluster in ${report}`);
  }
  return found;
}

// The published tables have surprises that look like typos; these pin them
// so that nobody "fixes" them (see the sources in doraReferenceClusters.ts).
describe('DORA_REFERENCE_REPORTS', () => {
  it('lists 2024, 2023 and 2021 newest first, four clusters each, with a dora.dev citation', () => {
    expect(DORA_REFERENCE_REPORTS.map(r => r.id)).toEqual([
      '2024',
      '2023',
      '2021',
    ]);
    for (const report of DORA_REFERENCE_REPORTS) {
      expect(report.clusters.map(c => c.name)).toEqual([
        'Elite',
        'High',
        'Medium',
        'Low',
      ]);
      expect(report.url).toBe(
        `https://dora.dev/research/${report.id}/dora-report/`,
      );
      expect(report.citation).toContain(report.id);
    }
  });

  it('keeps 2024 medium performers failing fewer changes than high ones', () => {
    expect(cluster('2024', 'Medium').changeFailureRate).toBe('10%');
    expect(cluster('2024', 'High').changeFailureRate).toBe('20%');
    expect(cluster('2024', 'Low')).toEqual({
      name: 'Low',
      deploymentFrequency: 'Between once per month and once every six months',
      leadTime: 'Between one month and six months',
      changeFailureRate: '40%',
      recoveryTime: 'Between one week and one month',
    });
  });

  it('keeps 2023 low performers as fast as medium ones but failing 64%', () => {
    const medium = cluster('2023', 'Medium');
    const low = cluster('2023', 'Low');
    expect(low.deploymentFrequency).toBe(medium.deploymentFrequency);
    expect(low.leadTime).toBe(medium.leadTime);
    expect(low.changeFailureRate).toBe('64%');
    expect(low.recoveryTime).toBe('Between one month and six months');
  });

  it('keeps the 2021 change failure rate of 16–30% for all but elite', () => {
    expect(cluster('2021', 'Elite').changeFailureRate).toBe('0%–15%');
    for (const name of ['High', 'Medium', 'Low']) {
      expect(cluster('2021', name).changeFailureRate).toBe('16%–30%');
    }
    expect(cluster('2021', 'Elite').leadTime).toBe('Less than one hour');
  });
});
