import { canonicalEntityKind, canonicalEntityRef } from './canonicalEntityRef';

describe('canonicalEntityRef', () => {
  it('only lowercases a ref given as a string, adding nothing', () => {
    expect(canonicalEntityRef('Component:Default/Checkout-API')).toBe(
      'component:default/checkout-api',
    );
    // A string is taken as it is: no namespace or kind is filled in.
    expect(canonicalEntityRef('Group:Team-A')).toBe('group:team-a');
    expect(canonicalEntityRef('Team-A')).toBe('team-a');
  });

  it('spells the compound form with its namespace, or default', () => {
    expect(
      canonicalEntityRef({
        kind: 'Group',
        namespace: 'Payments',
        name: 'Team-A',
      }),
    ).toBe('group:payments/team-a');
    expect(canonicalEntityRef({ kind: 'System', name: 'Billing' })).toBe(
      'system:default/billing',
    );
  });

  it("spells an entity from its kind and metadata's namespace and name", () => {
    expect(
      canonicalEntityRef({
        kind: 'Component',
        metadata: { name: 'Web-Shop' },
      }),
    ).toBe('component:default/web-shop');
    expect(
      canonicalEntityRef({
        kind: 'API',
        metadata: { namespace: 'Payments', name: 'Ledger' },
      }),
    ).toBe('api:payments/ledger');
  });

  it("lowercases as Unicode's default mapping does, the same as en-US's", () => {
    // Turkish rules would lower `I` to a dotless `ı` and `İ` to a plain `i`.
    expect(canonicalEntityRef('Component:default/IMAGE-İO')).toBe(
      'component:default/image-i\u0307o',
    );
    expect(canonicalEntityRef('Component:default/ΟΔΟΣ')).toBe(
      'Component:default/ΟΔΟΣ'.toLocaleLowerCase('en-US'),
    );
  });
});

describe('canonicalEntityKind', () => {
  it('lowercases a kind', () => {
    expect(canonicalEntityKind('System')).toBe('system');
    expect(canonicalEntityKind('group')).toBe('group');
  });
});
