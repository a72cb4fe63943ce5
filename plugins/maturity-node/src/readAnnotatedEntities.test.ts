import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readAnnotatedEntities } from './readAnnotatedEntities';

const ANNOTATION = 'pagerduty.com/service-id';

const entity = (
  name: string,
  annotations?: Record<string, string>,
  kind = 'Component',
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...(annotations && { annotations }) },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:a' },
});

const entities = [
  entity('checkout-worker', { [ANNOTATION]: ' PIJ90N7 ' }),
  entity('ledger', { [ANNOTATION]: 'P2LEDGR' }),
  entity('checkout-api', { [ANNOTATION]: 'PIJ90N7' }),
  entity('payments', { [ANNOTATION]: 'P2LEDGR' }, 'System'),
  entity('docs'),
  entity('blank', { [ANNOTATION]: '  ' }),
  entity('other', { 'github.com/project-slug': 'acme/shop' }),
];

const credentials = {
  $$type: '@backstage/BackstageCredentials',
} as BackstageCredentials;
const auth = {
  getOwnServiceCredentials: async () => credentials,
} as Partial<AuthService> as AuthService;

describe('readAnnotatedEntities', () => {
  it('groups the annotated entities by the trimmed value, in catalog order', async () => {
    const groups = await readAnnotatedEntities({
      catalog: catalogServiceMock({ entities }),
      auth,
      annotation: ANNOTATION,
    });
    expect([...groups.keys()]).toEqual(['PIJ90N7', 'P2LEDGR']);
    expect(
      Object.fromEntries(
        [...groups].map(([key, group]) => [
          key,
          group.map(a => [a.entityRef, a.value]),
        ]),
      ),
    ).toEqual({
      PIJ90N7: [
        ['component:default/checkout-worker', 'PIJ90N7'],
        ['component:default/checkout-api', 'PIJ90N7'],
      ],
      P2LEDGR: [
        ['component:default/ledger', 'P2LEDGR'],
        ['system:default/payments', 'P2LEDGR'],
      ],
    });
    expect(groups.get('P2LEDGR')![1].entity.kind).toBe('System');
  });

  it('groups by a key of its own, leaving out entities it maps to undefined', async () => {
    const groups = await readAnnotatedEntities({
      catalog: catalogServiceMock({ entities }),
      auth,
      annotation: ANNOTATION,
      groupBy: ({ entity: e, value }) =>
        e.kind === 'System' ? undefined : value.toLocaleLowerCase('en-US'),
    });
    expect(
      Object.fromEntries(
        [...groups].map(([key, group]) => [key, group.map(a => a.entityRef)]),
      ),
    ).toEqual({
      pij90n7: [
        'component:default/checkout-worker',
        'component:default/checkout-api',
      ],
      p2ledgr: ['component:default/ledger'],
    });
  });

  it('asks the catalog once, as the plugin, for the fields it reads', async () => {
    const catalog = catalogServiceMock({ entities });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    await readAnnotatedEntities({ catalog, auth, annotation: ANNOTATION });
    expect(getEntities).toHaveBeenCalledTimes(1);
    expect(getEntities).toHaveBeenCalledWith(
      {
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.annotations',
        ],
      },
      { credentials },
    );
  });
});
