import { DemoMaturityTier, demoProfiles, getDemoProfile } from './demoProfiles';

const TIERS_FROM_BEST: DemoMaturityTier[] = [
  'elite',
  'high',
  'medium',
  'low-medium',
  'struggling',
];

describe('getDemoProfile', () => {
  it.each([
    ['platform', 'elite'],
    ['payments', 'high'],
    ['checkout', 'medium'],
    ['search', 'medium'],
    ['web-experience', 'medium'],
    ['ml-platform', 'low-medium'],
    ['analytics', 'low-medium'],
    ['billing-legacy', 'struggling'],
    ['customer-support', 'medium'],
    ['constructor', 'medium'],
  ])('gives %s the %s profile', (owner, tier) => {
    expect(getDemoProfile(owner).tier).toBe(tier);
  });

  it('accepts group entity references', () => {
    expect(getDemoProfile('group:default/payments').tier).toBe('high');
    expect(getDemoProfile('group:billing-legacy').tier).toBe('struggling');
  });
});

describe('demoProfiles', () => {
  const profiles = TIERS_FROM_BEST.map(tier => demoProfiles[tier]);

  function strictlyDecreasing(values: number[]) {
    return values.every((value, i) => i === 0 || value < values[i - 1]);
  }

  it('deploys less often and fails more often the less mature the team', () => {
    expect(
      strictlyDecreasing(profiles.map(p => p.productionDeploysPerWorkingDay)),
    ).toBe(true);
    expect(strictlyDecreasing(profiles.map(p => -p.changeFailureRate))).toBe(
      true,
    );
    expect(strictlyDecreasing(profiles.map(p => -p.recoveryHours[1]))).toBe(
      true,
    );
    expect(strictlyDecreasing(profiles.map(p => p.ciSuccessRate))).toBe(true);
  });

  it('keeps the DORA anchors of the extremes', () => {
    expect(demoProfiles.elite.changeFailureRate).toBeLessThanOrEqual(0.05);
    expect(demoProfiles.elite.recoveryHours[1]).toBeLessThan(1);
    expect(
      demoProfiles.elite.productionDeploysPerWorkingDay,
    ).toBeGreaterThanOrEqual(1.5);
    expect(demoProfiles.struggling.changeFailureRate).toBeGreaterThan(0.3);
    expect(
      demoProfiles.struggling.productionDeploysPerWorkingDay,
    ).toBeLessThanOrEqual(1 / 15);
  });

  it('keeps shares within 0 and 1', () => {
    for (const profile of profiles) {
      const { rollback, hotfix, revert } = profile.remediation;
      expect(rollback + hotfix + revert).toBeLessThanOrEqual(1);
      for (const share of [
        profile.reviewCoverage,
        profile.directPushShare,
        profile.ciSuccessRate,
        profile.automatedDeployShare,
        profile.stagingBeforeProductionShare,
        profile.changeFailureRate,
        profile.postmortemShare,
      ]) {
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }
    }
  });
});
