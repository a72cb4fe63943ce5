import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { StoredGroupTree } from './StoredGroupTree';

const ENGINEERING = 'group:default/engineering';
const CHECKOUT = 'group:default/checkout';
const CART = 'group:default/cart';
const PAYMENTS = 'group:default/payments';
const ADA = 'user:default/ada';

/** The stored group tree of these rollups, as the store reads it. */
function rollupsOf(rollups: Array<Pick<Rollup, 'scopeRef' | 'groupRefs'>>) {
  const byRef = new Map(rollups.map(r => [r.scopeRef, r]));
  return {
    reads: [] as string[],
    async readSubgroups(groupRefs: string[]) {
      this.reads.push(...groupRefs);
      const tree = new Map<string, string[]>();
      for (const ref of groupRefs) {
        const rollup = byRef.get(ref);
        if (rollup && ref !== 'org') tree.set(ref, rollup.groupRefs ?? [ref]);
      }
      return tree;
    },
    async rollupsBuilt() {
      this.reads.push('org');
      return byRef.has('org');
    },
  };
}

describe('StoredGroupTree', () => {
  it('gives the groups first, then the groups below them as the stored rollups know them, each once', async () => {
    const rollups = rollupsOf([
      { scopeRef: 'org' },
      { scopeRef: ENGINEERING, groupRefs: [ENGINEERING, CHECKOUT, CART] },
      { scopeRef: CHECKOUT, groupRefs: [CHECKOUT] },
      { scopeRef: PAYMENTS, groupRefs: [PAYMENTS] },
    ]);
    const tree = new StoredGroupTree(rollups);

    await expect(
      tree.withSubgroups([CHECKOUT, ENGINEERING, PAYMENTS]),
    ).resolves.toEqual({
      groupRefs: [CHECKOUT, ENGINEERING, PAYMENTS, CART],
      treeKnown: true,
    });
    expect(rollups.reads).not.toContain('org');
  });

  it('lets a user or a group the last rebuild did not see stand for itself once rollups exist', async () => {
    const tree = new StoredGroupTree(
      rollupsOf([
        { scopeRef: 'org' },
        { scopeRef: ENGINEERING, groupRefs: [ENGINEERING, CHECKOUT] },
      ]),
    );
    await expect(
      tree.withSubgroups([ADA, 'group:default/new-team', ENGINEERING]),
    ).resolves.toEqual({
      groupRefs: [ADA, 'group:default/new-team', ENGINEERING, CHECKOUT],
      treeKnown: true,
    });
  });

  it('before the first rollups, lets each group stand for itself and says the tree is not known', async () => {
    const tree = new StoredGroupTree(rollupsOf([]));
    await expect(tree.withSubgroups([ENGINEERING])).resolves.toEqual({
      groupRefs: [ENGINEERING],
      treeKnown: false,
    });
  });
});
