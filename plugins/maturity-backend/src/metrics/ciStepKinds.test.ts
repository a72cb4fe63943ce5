import { BuildRecord } from '../database/MetricsWindowReader';
import { ciStepKindsOf } from './ciStepKinds';

const run = (steps: readonly string[]): BuildRecord => ({
  id: 1,
  entityRef: 'component:default/shop',
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
