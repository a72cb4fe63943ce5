import { JsonObject } from '@backstage/types';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityOwners } from './EntityOwners';

const CHECKOUT = 'group:default/checkout';
const PAYMENTS = 'group:default/payments';

const component = (
  name: string,
  spec: JsonObject,
  relations: Entity['relations'] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec,
  relations,
});

function setUp(entities: Entity[]) {
  const catalog = catalogServiceMock({ entities });
  const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
  const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
  const owners = new EntityOwners({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
  });
  return { owners, getEntitiesByRefs, getEntityByRef };
}

describe('EntityOwners', () => {
  it("reads an entity's owner as the catalog states it, canonical", async () => {
    const { owners } = setUp([
      component('cart', { owner: 'Checkout' }),
      component('ledger', {}, [{ type: 'ownedBy', targetRef: PAYMENTS }]),
      component('orphan', {}),
    ]);
    await expect(owners.ownersOf('component:default/cart')).resolves.toEqual([
      CHECKOUT,
    ]);
    await expect(owners.ownersOf('component:default/ledger')).resolves.toEqual([
      PAYMENTS,
    ]);
    await expect(owners.ownersOf('component:default/orphan')).resolves.toEqual(
      [],
    );
    await expect(owners.ownersOf('component:default/missing')).resolves.toEqual(
      [],
    );
  });

  it('groups a batch by the stored owners without asking the catalog', async () => {
    const { owners, getEntitiesByRefs, getEntityByRef } = setUp([
      component('cart', { owner: 'payments' }),
    ]);
    const items = [
      { entityRef: 'component:default/cart', ownerRef: CHECKOUT },
      { entityRef: 'component:default/api', ownerRef: PAYMENTS },
      { entityRef: 'component:default/web', ownerRef: CHECKOUT },
      { entityRef: 'component:default/orphan', ownerRef: null },
    ];
    const groups = await owners.groupByOwner(items, {
      entityRefOf: i => i.entityRef,
      knownOwnerOf: i => i.ownerRef,
    });
    expect([...groups].map(([o, i]) => [o, i.map(e => e.entityRef)])).toEqual([
      [CHECKOUT, ['component:default/cart', 'component:default/web']],
      [PAYMENTS, ['component:default/api']],
    ]);
    expect(getEntitiesByRefs).not.toHaveBeenCalled();
    expect(getEntityByRef).not.toHaveBeenCalled();
  });

  it('reads the owners it does not know in one catalog call, addressing an entity without one by its ref when asked', async () => {
    const { owners, getEntitiesByRefs, getEntityByRef } = setUp([
      component('cart', { owner: 'checkout' }),
      component('ledger', {}, [{ type: 'ownedBy', targetRef: PAYMENTS }]),
    ]);
    const items = [
      { entityRef: 'component:default/cart' },
      { entityRef: 'component:default/api', ownerRef: PAYMENTS },
      { entityRef: 'component:default/ledger' },
      { entityRef: 'component:default/new-service' },
    ];
    const groups = await owners.groupByOwner(items, {
      entityRefOf: i => i.entityRef,
      knownOwnerOf: i => i.ownerRef,
      unowned: 'entity',
    });
    expect([...groups].map(([o, i]) => [o, i.map(e => e.entityRef)])).toEqual([
      [CHECKOUT, ['component:default/cart']],
      [PAYMENTS, ['component:default/api', 'component:default/ledger']],
      ['component:default/new-service', ['component:default/new-service']],
    ]);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect(getEntityByRef).not.toHaveBeenCalled();
  });

  it('logs a catalog failure and leaves out the items it was asked about, even those that would be addressed by their entity', async () => {
    const catalog = catalogServiceMock({ entities: [] });
    jest
      .spyOn(catalog, 'getEntitiesByRefs')
      .mockRejectedValue(new Error('catalog is down'));
    const logger = mockServices.logger.mock();
    const owners = new EntityOwners({
      catalog,
      auth: mockServices.auth(),
      logger,
    });
    const items = [
      { entityRef: 'component:default/cart' },
      { entityRef: 'component:default/api', ownerRef: PAYMENTS },
      { entityRef: 'component:default/orphan', ownerRef: null },
    ];
    const groups = await owners.groupByOwner(items, {
      entityRefOf: i => i.entityRef,
      knownOwnerOf: i => i.ownerRef,
      unowned: 'entity',
    });
    expect([...groups].map(([o, i]) => [o, i.map(e => e.entityRef)])).toEqual([
      [PAYMENTS, ['component:default/api']],
      ['component:default/orphan', ['component:default/orphan']],
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('catalog is down'),
    );
  });
});
