import { toBuildEvent } from './builds/toBuildEvent';
import { externalIdFor, forEntities } from './forEntities';
import runsPage1 from '../__fixtures__/runsPage1.json';
import { GithubWorkflowRun } from '../api/types';
import { repository } from '../__testUtils__/githubApi';

describe('externalIdFor', () => {
  it('is the item id and the entity ref, whatever else shares the repository', () => {
    const run = toBuildEvent(
      runsPage1.workflow_runs[0] as GithubWorkflowRun,
      'main',
    );
    const alone = forEntities(repository, [run]);
    const shared = forEntities(
      {
        ...repository,
        entities: [
          { entityRef: 'component:default/cart' },
          ...repository.entities,
        ],
      },
      [run],
    );
    expect(alone.map(e => 'externalId' in e && e.externalId)).toEqual([
      `${run.externalId} component:default/checkout-api`,
    ]);
    expect(shared.map(e => 'externalId' in e && e.externalId)).toEqual([
      `${run.externalId} component:default/cart`,
      `${run.externalId} component:default/checkout-api`,
    ]);
  });

  it('stays within the store’s 255 characters, by a hash of a very long entity ref', () => {
    const id = `${'o'.repeat(39)}/${'r'.repeat(100)}@${'f'.repeat(40)}`;
    const long = `component:${'n'.repeat(63)}/${'x'.repeat(120)}`;
    const other = `${long.slice(0, -1)}y`;
    expect(externalIdFor(id, long)).toMatch(/^\S+ [0-9a-f]{40}$/);
    expect(externalIdFor(id, long).length).toBeLessThanOrEqual(255);
    expect(externalIdFor(id, long)).toBe(externalIdFor(id, long));
    expect(externalIdFor(id, other)).not.toBe(externalIdFor(id, long));
    expect(externalIdFor('1002', long)).toBe(`1002 ${long}`);
  });
});
