import { BuildRecord } from '../database/MetricsWindowReader';
import { ciStepKindsByEntity, ciStepKindsOf } from './ciStepKinds';

const run = (
  steps: readonly string[],
  entityRef = 'component:default/shop',
): BuildRecord => ({
  id: 1,
  entityRef,
  isDefaultBranch: true,
  status: 'success',
  startedAt: 0,
  steps,
});

describe('ciStepKindsOf', () => {
  it('lists each step kind of the runs once, sorted', () => {
    const shared = ['unit-test', 'lint'];
    expect(
      ciStepKindsOf([run(shared), run(shared), run(['sast', 'lint']), run([])]),
    ).toEqual(['lint', 'sast', 'unit-test']);
    expect(ciStepKindsOf([])).toEqual([]);
  });
});

describe('ciStepKindsByEntity', () => {
  it("gives each entity its own runs' step kinds, and none to an entity without runs", () => {
    const kinds = ciStepKindsByEntity([
      run(['unit-test']),
      run(['sast'], 'component:default/cart'),
      run(['lint']),
    ]);
    expect(Object.fromEntries(kinds)).toEqual({
      'component:default/shop': ['lint', 'unit-test'],
      'component:default/cart': ['sast'],
    });
    expect(kinds.has('component:default/empty')).toBe(false);
  });
});
