import { JsonObject } from '@backstage/types';
import { Entity } from '@backstage/catalog-model';
import { entityOwnerRef } from './entityOwnerRef';

const component = (
  spec: JsonObject,
  relations: Entity['relations'] = [],
  namespace = 'shop',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace },
  spec,
  relations,
});

describe('entityOwnerRef', () => {
  it("resolves spec.owner as the catalog does: a bare name is a Group of the entity's namespace, canonical", () => {
    expect(entityOwnerRef(component({ owner: 'Checkout' }))).toBe(
      'group:shop/checkout',
    );
    expect(entityOwnerRef(component({ owner: 'user:default/Ada' }))).toBe(
      'user:default/ada',
    );
  });

  it('takes the ownedBy relation when the spec names no owner, and nothing when neither does', () => {
    expect(
      entityOwnerRef(
        component({}, [
          { type: 'partOf', targetRef: 'system:shop/payments' },
          { type: 'ownedBy', targetRef: 'group:shop/Payments' },
        ]),
      ),
    ).toBe('group:shop/payments');
    expect(entityOwnerRef(component({ owner: '' }))).toBeUndefined();
    expect(entityOwnerRef(component({ owner: 42 }))).toBeUndefined();
  });
});
