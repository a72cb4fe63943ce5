import { describeLevelChanges } from './describeLevelChanges';

describe('describeLevelChanges', () => {
  it('says how many entities of a kind move from which level to which, and where', () => {
    expect(
      describeLevelChanges([
        { scope: 'overall', kind: 'component', from: 3, to: 2, count: 37 },
        { scope: 'test', kind: 'api', from: 1, to: 2, count: 1 },
        { scope: 'mlops', kind: 'component', from: 2, to: 1, count: 1 },
      ]),
    ).toEqual([
      '37 components drop from 3 to 2 overall',
      '1 api rises from 1 to 2 in test',
      '1 component drops from 2 to 1 in MLOps',
    ]);
  });
});
