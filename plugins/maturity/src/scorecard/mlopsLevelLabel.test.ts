import { mlopsLevelLabel } from './mlopsLevelLabel';

describe('mlopsLevelLabel', () => {
  it('names the three levels as Google does', () => {
    expect([0, 1, 2].map(mlopsLevelLabel)).toEqual([
      '0 · Manual process',
      '1 · ML pipeline automation',
      '2 · CI/CD pipeline automation',
    ]);
  });

  it('keeps a level without a name as its number', () => {
    expect(mlopsLevelLabel(3)).toBe('3');
  });
});
