import { canonicalEntityKind, canonicalEntityRef } from './canonicalEntityRef';

describe('canonicalEntityRef', () => {
  it('lowercases a full ref given as a string', () => {
    expect(canonicalEntityRef('Component:Default/Checkout-API')).toBe(
      'component:default/checkout-api',
    );
  });

  it('stringifies a compound ref or an entity, its namespace defaulted', () => {
    expect(
      canonicalEntityRef({
        kind: 'Group',
        namespace: 'Payments',
        name: 'Team-A',
      }),
    ).toBe('group:payments/team-a');
    expect(
      canonicalEntityRef({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'Web-Shop' },
      }),
    ).toBe('component:default/web-shop');
  });

  it('lowercases a kind', () => {
    expect(canonicalEntityKind('System')).toBe('system');
  });
});
