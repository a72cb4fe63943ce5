import { Entity } from '@backstage/catalog-model';
import {
  createMaturityEntityConditionalDecision,
  isEntityKind,
  isEntityOwner,
  isInNamespace,
  maturityEntityConditions,
} from './exemptionDecisionRules';
import { maturityExemptionDecidePermission } from '@maturity-for-backstage/backstage-plugin-maturity-common';

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'shop' },
  spec: { owner: 'team-payments' },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/team-payments' },
    { type: 'partOf', targetRef: 'system:default/platform' },
  ],
};

describe('exemption decision rules', () => {
  it('isEntityOwner matches an ownedBy relation among the claims, not other relations', () => {
    expect(
      isEntityOwner.apply(checkout, {
        claims: ['user:default/ana', 'group:default/team-payments'],
      }),
    ).toBe(true);
    expect(
      isEntityOwner.apply(checkout, { claims: ['system:default/platform'] }),
    ).toBe(false);
    expect(
      isEntityOwner.apply(
        { ...checkout, relations: undefined },
        { claims: ['group:default/team-payments'] },
      ),
    ).toBe(false);
  });

  it("isEntityOwner matches any of several ownedBy relations, not only spec.owner's, as the catalog's rule does", () => {
    const shared: Entity = {
      ...checkout,
      relations: [
        { type: 'ownedBy', targetRef: 'group:default/team-payments' },
        { type: 'ownedBy', targetRef: 'group:default/sre' },
      ],
    };
    expect(isEntityOwner.apply(shared, { claims: ['group:default/sre'] })).toBe(
      true,
    );
    expect(
      isEntityOwner.apply(shared, { claims: ['group:default/team-payments'] }),
    ).toBe(true);
    expect(isEntityOwner.apply(shared, { claims: ['group:default/web'] })).toBe(
      false,
    );
  });

  it('isEntityKind compares kinds case-insensitively', () => {
    expect(isEntityKind.apply(checkout, { kinds: ['component'] })).toBe(true);
    expect(isEntityKind.apply(checkout, { kinds: ['API', 'System'] })).toBe(
      false,
    );
  });

  it('isInNamespace reads an absent namespace as default', () => {
    expect(isInNamespace.apply(checkout, { namespaces: ['shop'] })).toBe(true);
    const { namespace, ...metadata } = checkout.metadata;
    expect(
      isInNamespace.apply(
        { ...checkout, metadata },
        { namespaces: ['default'] },
      ),
    ).toBe(true);
    expect(isInNamespace.apply(checkout, { namespaces: ['default'] })).toBe(
      false,
    );
  });

  it('builds conditional decisions the Maturity plugin resolves', () => {
    const decision = createMaturityEntityConditionalDecision(
      maturityExemptionDecidePermission,
      {
        not: maturityEntityConditions.isEntityOwner({
          claims: ['user:default/ana'],
        }),
      },
    );
    expect(decision).toEqual({
      result: 'CONDITIONAL',
      pluginId: 'maturity',
      resourceType: 'catalog-entity',
      conditions: {
        not: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: { claims: ['user:default/ana'] },
        },
      },
    });
  });
});
