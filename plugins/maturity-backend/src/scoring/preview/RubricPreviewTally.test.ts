import { compareRubrics } from './compareRubrics';
import { EntityPreview } from './previewEntity';
import { RubricPreviewTally } from './RubricPreviewTally';
import { changedRubric, checkOf, tinyRubric } from './__testUtils__/tinyRubric';

const comparison = compareRubrics(
  tinyRubric(),
  changedRubric(r => {
    const rule = checkOf(r, 't2.req').rule;
    if (rule.kind === 'metric') rule.threshold = 0.9;
  }),
);

const dropped: EntityPreview = {
  previewable: true,
  changes: [
    { scope: 'overall', from: 2, to: 1, checks: ['t2.req'] },
    { scope: 'test', from: 2, to: 1, checks: ['t2.req'] },
  ],
};
const raised: EntityPreview = {
  previewable: true,
  changes: [
    { scope: 'overall', from: 1, to: 2, checks: ['t2.req'] },
    { scope: 'test', from: 1, to: 2, checks: ['t2.req'] },
  ],
};

describe('RubricPreviewTally', () => {
  it('counts changes per scope, kind, check and owner, keeping the asked page of entities', () => {
    const tally = new RubricPreviewTally(comparison, { limit: 1, offset: 1 });
    const g1 = 'group:default/payments';
    tally.add(
      { entityRef: 'component:default/a', kind: 'Component', ownerRef: g1 },
      dropped,
    );
    tally.add(
      { entityRef: 'component:default/b', kind: 'Component' },
      { previewable: false },
    );
    tally.add(
      { entityRef: 'component:default/c', kind: 'Component' },
      { previewable: true, changes: [] },
    );
    tally.add(
      {
        entityRef: 'component:default/d',
        kind: 'Component',
        ownerRef: g1,
        title: 'D',
      },
      dropped,
    );
    tally.add(
      {
        entityRef: 'api:default/e',
        kind: 'API',
        ownerRef: 'group:default/web',
      },
      raised,
    );

    expect(tally.result({ current: 'tiny-1', proposed: 'tiny-2' })).toEqual({
      currentRubricVersion: 'tiny-1',
      proposedRubricVersion: 'tiny-2',
      // a, c, d and e; b could not be previewed.
      entitiesCompared: 4,
      entitiesChanged: 3,
      notPreviewable: 1,
      changedChecks: comparison.changedChecks,
      // "2 components drop from 2 to 1", the larger count first per scope.
      levelChanges: [
        { scope: 'overall', kind: 'component', from: 2, to: 1, count: 2 },
        { scope: 'overall', kind: 'api', from: 1, to: 2, count: 1 },
        { scope: 'test', kind: 'component', from: 2, to: 1, count: 2 },
        { scope: 'test', kind: 'api', from: 1, to: 2, count: 1 },
      ],
      checks: [
        { checkId: 't2.req', title: 'Title of t2.req', lowered: 2, raised: 1 },
      ],
      teams: [
        { ownerRef: g1, lowered: 2, raised: 0, changed: 2 },
        { ownerRef: 'group:default/web', lowered: 0, raised: 1, changed: 1 },
      ],
      // The second changed entity: d.
      entities: {
        items: [
          {
            entityRef: 'component:default/d',
            title: 'D',
            kind: 'component',
            ownerRef: g1,
            changes: [
              { scope: 'overall', from: 2, to: 1 },
              { scope: 'test', from: 2, to: 1 },
            ],
            checks: ['t2.req'],
          },
        ],
        totalCount: 3,
        limit: 1,
        offset: 1,
      },
    });
  });

  it('lists entities without an owner under a null owner', () => {
    const tally = new RubricPreviewTally(comparison, { limit: 50, offset: 0 });
    tally.add({ entityRef: 'component:default/a', kind: 'component' }, dropped);
    const result = tally.result({ current: 'tiny-1', proposed: 'tiny-2' });
    expect(result.teams).toEqual([
      { ownerRef: null, lowered: 1, raised: 0, changed: 1 },
    ]);
    expect(result.entities.items[0]).toMatchObject({
      title: null,
      ownerRef: null,
    });
  });
});
