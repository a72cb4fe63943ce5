import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readRepositoryMap } from './readRepositoryMap';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      github: [
        { host: 'github.com', token: 'ghp_test' },
        {
          host: 'ghe.example.com',
          apiBaseUrl: 'https://ghe.example.com/api/v3/',
          token: 'ghe_test',
        },
      ],
    },
  }),
);

const component = (name: string, annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:a' },
});

describe('readRepositoryMap', () => {
  it('groups annotated entities by repository, with host, API base and path', async () => {
    const catalog = catalogServiceMock({
      entities: [
        component('checkout-api', {
          'github.com/project-slug': 'acme/shop',
          'maturity.io/github-path': '/services/checkout/',
        }),
        component('cart', { 'github.com/project-slug': 'Acme/Shop' }),
        component('payments', {
          'github.com/project-slug': 'acme/shop',
          'maturity.io/github-path': './services/payments',
        }),
        component('ledger', {
          'github.com/project-slug': 'finance/ledger',
          'backstage.io/source-location':
            'url:https://ghe.example.com/finance/ledger/tree/main/',
        }),
        component('unknown-host', {
          'github.com/project-slug': 'x/y',
          'backstage.io/source-location': 'url:https://gitlab.example.com/x/y/',
        }),
        component('bad-slug', { 'github.com/project-slug': 'not a slug' }),
        component('none', {}),
      ],
    });
    const map = await readRepositoryMap({
      catalog,
      auth: mockServices.auth(),
      integrations,
    });
    expect([...map.keys()].sort()).toEqual([
      'acme/shop',
      'ghe.example.com/finance/ledger',
      'x/y',
    ]);
    expect(map.get('acme/shop')).toEqual({
      host: 'github.com',
      owner: 'acme',
      repo: 'shop',
      apiBaseUrl: 'https://api.github.com',
      url: 'https://github.com/acme/shop',
      scope: 'acme/shop',
      entities: [
        { entityRef: 'component:default/cart' },
        {
          entityRef: 'component:default/checkout-api',
          path: 'services/checkout',
        },
        {
          entityRef: 'component:default/payments',
          path: 'services/payments',
        },
      ],
    });
    expect(map.get('ghe.example.com/finance/ledger')).toMatchObject({
      host: 'ghe.example.com',
      apiBaseUrl: 'https://ghe.example.com/api/v3',
      url: 'https://ghe.example.com/finance/ledger',
    });
    expect(map.get('x/y')).toMatchObject({ host: 'github.com' });
  });
});
