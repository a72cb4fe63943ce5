import { maturityPlugin } from './plugin';

describe('maturityPlugin', () => {
  it('is the maturity plugin and provides the maturity API', () => {
    expect(maturityPlugin.getId()).toBe('maturity');
    expect(
      Array.from(maturityPlugin.getApis(), factory => factory.api.id),
    ).toEqual(['plugin.maturity.service']);
  });
});
