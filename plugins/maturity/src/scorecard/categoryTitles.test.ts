import { bandLabel } from './bandLabels';
import { checkTitle, levelLabel } from './categoryTitles';

describe('levelLabel', () => {
  it('names a whole level', () => {
    expect(levelLabel(0)).toBe('0 · None');
    expect(levelLabel(3)).toBe('3 · Intermediate');
  });

  it('names both levels around a median between them', () => {
    expect(levelLabel(0.5)).toBe('0.5 · None–Base');
    expect(levelLabel(2.5)).toBe('2.5 · Beginner–Intermediate');
    expect(levelLabel(4.5)).toBe('4.5 · Advanced–Expert');
  });

  it('shows a dash without a level', () => {
    expect(levelLabel(null)).toBe('—');
    expect(levelLabel(undefined)).toBe('—');
  });
});

describe('bandLabel', () => {
  it('names a band, and says why there is none', () => {
    expect(bandLabel('elite')).toBe('Elite');
    expect(bandLabel('none')).toBe('None (no production deploy in 180 days)');
    expect(bandLabel(null)).toBe('Insufficient data');
    expect(bandLabel(undefined)).toBe('Insufficient data');
  });
});

describe('checkTitle', () => {
  it('titles a default-rubric check, or gives its id back', () => {
    expect(checkTitle('design.5.gitops')).toBe('GitOps reconciler manifest');
    expect(checkTitle('mlops.2.drift-monitoring')).toBe(
      'Drift or skew monitoring configured',
    );
    expect(checkTitle('custom.1.x')).toBe('custom.1.x');
  });
});
