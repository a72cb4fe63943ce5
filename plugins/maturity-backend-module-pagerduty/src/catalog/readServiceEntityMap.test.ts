import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readServiceEntityMap } from './readServiceEntityMap';

const component = (name: string, serviceId?: string, kind = 'Component') => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: {
    name,
    namespace: 'default',
    ...(serviceId
      ? { annotations: { 'pagerduty.com/service-id': serviceId } }
      : {}),
  },
  spec: {},
});

describe('readServiceEntityMap', () => {
  it('maps each annotated service to the refs of its entities', async () => {
    const catalog = catalogServiceMock({
      entities: [
        component('checkout-api', 'PIJ90N7'),
        component('checkout-worker', ' PIJ90N7 '),
        component('ledger', 'P2LEDGR'),
        component('payments', 'P2LEDGR', 'System'),
        component('docs'),
        component('blank', ''),
      ],
    });
    const map = await readServiceEntityMap({
      catalog,
      auth: mockServices.auth(),
    });
    expect(Object.fromEntries(map)).toEqual({
      PIJ90N7: [
        'component:default/checkout-api',
        'component:default/checkout-worker',
      ],
      P2LEDGR: ['component:default/ledger', 'system:default/payments'],
    });
  });
});
