import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { screen, within } from '@testing-library/react';
import maturityPlugin from './alpha';
import { MaturityApi, maturityApiRef } from './api/MaturityApi';
import { MaturityClient } from './api/MaturityClient';
import { overviewRouteRef, rollupRouteRef, rootRouteRef } from './routes';
import { createFakeMaturityApi, NOW } from './testing/checkoutApiActivity';
import { acmeRollup } from './testing/rollupFixtures';

function entityOfKind(kind: string, name = 'x'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: {},
  };
}

const checkoutApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:payments' },
};

const acme: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'acme', namespace: 'default' },
  spec: { type: 'organization', children: [] },
};

const scorecardContent = maturityPlugin.getExtension(
  'entity-content:maturity/scorecard',
);
const rollupContent = maturityPlugin.getExtension(
  'entity-content:maturity/rollup',
);
const card = maturityPlugin.getExtension('entity-card:maturity/summary');

/** Which of the catalog's kinds an entity filter lets through. */
function kindsMatching(filter: ((entity: Entity) => boolean) | undefined) {
  if (!filter) throw new Error('The extension has no entity filter');
  return [
    'Component',
    'Resource',
    'API',
    'Group',
    'User',
    'System',
    'Domain',
    'Location',
  ].filter(kind => filter(entityOfKind(kind)));
}

function renderWithEntity(
  element: JSX.Element,
  entity: Entity,
  api: MaturityApi,
) {
  return renderInTestApp(
    <EntityProvider entity={entity}>{element}</EntityProvider>,
    {
      apis: [[maturityApiRef, api], mockApis.permission()],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

// Rendering the charts and the remote table is slow in jsdom.
jest.setTimeout(30_000);

describe('maturity plugin for the new frontend system', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('is the maturity plugin with the legacy route refs', () => {
    expect(maturityPlugin.pluginId).toBe('maturity');
    expect(maturityPlugin.routes).toEqual({
      root: rootRouteRef,
      rollup: rollupRouteRef,
      overview: overviewRouteRef,
    });
  });

  it('provides the maturity API as a MaturityClient of the maturity backend', async () => {
    const factory = createExtensionTester(
      maturityPlugin.getExtension('api:maturity'),
    ).get(ApiBlueprint.dataRefs.factory);
    expect(factory.api.id).toBe(maturityApiRef.id);

    const fetchApi = {
      fetch: jest.fn(
        async (_input: RequestInfo | URL, _init?: RequestInit) =>
          ({
            ok: true,
            status: 200,
            json: async () => ({ version: '2026.11-c205e843' }),
          } as unknown as Response),
      ),
    };
    const client = factory.factory({
      discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
      fetchApi,
    }) as MaturityApi;
    expect(client).toBeInstanceOf(MaturityClient);
    await expect(client.getRubric()).resolves.toEqual({
      version: '2026.11-c205e843',
    });
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/maturity/v1/rubric',
    );
  });

  it('mounts the organisation page at /maturity with a sidebar item', async () => {
    const api = createFakeMaturityApi();
    await renderTestApp({
      features: [maturityPlugin],
      apis: [[maturityApiRef, api]],
      initialRouteEntries: ['/maturity'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    // The first render loads the page's code; give it time.
    expect(
      await screen.findByRole(
        'region',
        { name: 'Organisation' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(api.getOrgRollup).toHaveBeenCalledTimes(1);
    expect(
      screen.getByRole('region', { name: 'Dropped (1)' }),
    ).toHaveTextContent('ledger-service');
    expect(
      await screen.findByRole('link', { name: 'Checkout API' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api/maturity',
    );

    const nav = screen.getByRole('navigation');
    expect(within(nav).getByRole('link', { name: 'Maturity' })).toHaveAttribute(
      'href',
      '/maturity',
    );
  });

  describe('the scorecard tab', () => {
    it('is the "maturity" tab of components only, as the backend scores by default', () => {
      const tester = createExtensionTester(scorecardContent);
      expect(tester.get(coreExtensionData.routePath)).toBe('maturity');
      expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
        'Maturity',
      );
      expect(tester.get(coreExtensionData.routeRef)).toBe(rootRouteRef);
      expect(
        kindsMatching(
          tester.get(EntityContentBlueprint.dataRefs.filterFunction),
        ),
      ).toEqual(['Component']);
    });

    it('takes its filter from app-config', () => {
      const tester = createExtensionTester(scorecardContent, {
        config: { filter: { kind: { $in: ['component', 'resource'] } } },
      });
      expect(
        kindsMatching(
          tester.get(EntityContentBlueprint.dataRefs.filterFunction),
        ),
      ).toEqual(['Component', 'Resource']);
    });

    it("shows the entity's scorecard", async () => {
      const api = createFakeMaturityApi();
      await renderWithEntity(
        createExtensionTester(scorecardContent).reactElement(),
        checkoutApi,
        api,
      );

      const summary = await screen.findByRole('region', { name: 'Summary' });
      expect(within(summary).getByText('2 · Beginner')).toBeInTheDocument();
      expect(within(summary).getByText('Medium')).toBeInTheDocument();
      expect(
        screen.getByRole('tab', { name: 'Scorecard', selected: true }),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('table', { name: 'Levels by category' }),
      ).toBeInTheDocument();
      expect(api.getScorecard).toHaveBeenCalledWith(
        'component:default/checkout-api',
      );
    });
  });

  describe('the rollup tab', () => {
    it('is the "maturity" tab of groups, systems and domains only', () => {
      const tester = createExtensionTester(rollupContent);
      expect(tester.get(coreExtensionData.routePath)).toBe('maturity');
      expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
        'Maturity',
      );
      expect(tester.get(coreExtensionData.routeRef)).toBe(rollupRouteRef);
      expect(
        kindsMatching(
          tester.get(EntityContentBlueprint.dataRefs.filterFunction),
        ),
      ).toEqual(['Group', 'System', 'Domain']);
    });

    it('shows the rollup of the group', async () => {
      const api = createFakeMaturityApi(undefined, undefined, {
        getRollup: async () => acmeRollup,
      });
      await renderWithEntity(
        createExtensionTester(rollupContent).reactElement(),
        acme,
        api,
      );

      const summary = await screen.findByRole('region', { name: 'Summary' });
      expect(within(summary).getByText('38')).toBeInTheDocument();
      expect(api.getRollup).toHaveBeenCalledWith('group:default/acme');
      expect(
        screen.getByRole('table', { name: 'Failing or waived checks' }),
      ).toBeInTheDocument();
    });
  });

  describe('the overview card', () => {
    it('is shown on the same kinds as the scorecard tab', () => {
      const cardKinds = kindsMatching(
        createExtensionTester(card).get(
          EntityCardBlueprint.dataRefs.filterFunction,
        ),
      );
      const tabKinds = kindsMatching(
        createExtensionTester(scorecardContent).get(
          EntityContentBlueprint.dataRefs.filterFunction,
        ),
      );
      expect(cardKinds).toEqual(tabKinds);
    });

    it("shows the level and band and links to the entity's Maturity tab", async () => {
      await renderWithEntity(
        createExtensionTester(card).reactElement(),
        checkoutApi,
        createFakeMaturityApi(),
      );

      expect(await screen.findByText('2 · Beginner')).toBeInTheDocument();
      expect(screen.getByText('Medium')).toBeInTheDocument();
      const tabPath = createExtensionTester(scorecardContent).get(
        coreExtensionData.routePath,
      );
      expect(
        screen.getByRole('link', { name: /View maturity/ }),
      ).toHaveAttribute(
        'href',
        `/catalog/default/component/checkout-api/${tabPath}`,
      );
    });
  });
});
