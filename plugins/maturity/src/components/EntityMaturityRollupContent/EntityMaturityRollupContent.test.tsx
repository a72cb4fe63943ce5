import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MaturityApi, maturityApiRef } from '../../api/MaturityApi';
import { overviewRouteRef } from '../../routes';
import { createFakeMaturityApi, NOW } from '../../testing/checkoutApiActivity';
import {
  acmeRollup,
  emptyRollup,
  mlTeamRollup,
  scorecardPage,
} from '../../testing/rollupFixtures';
import { EntityMaturityRollupContent } from './EntityMaturityRollupContent';

const acme: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'acme', namespace: 'default' },
  spec: { type: 'organization', children: [] },
};

const storefront: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'storefront', namespace: 'default' },
  spec: { owner: 'group:default/web-experience' },
};

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

function render(
  api: MaturityApi,
  entity: Entity = acme,
  options: { withOrgPage?: boolean } = {},
) {
  const { withOrgPage = true } = options;
  return renderInTestApp(
    <TestApiProvider apis={[[maturityApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityMaturityRollupContent />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...(withOrgPage ? { '/maturity': overviewRouteRef } : {}),
      },
    },
  );
}

/** The org page's list of acme's entities, with more filters. */
function acmeList(filters: string) {
  return `/maturity?owner=group%3Adefault%2Facme&includeSubgroups=true&${filters}#maturity-scorecards`;
}

/** A rollup whose heatmap rows are its own entities. */
function withEntityRows(scopeRef: string, scopeKind: 'group' | 'system') {
  return {
    ...acmeRollup,
    scopeRef,
    scopeKind,
    groupRefs: undefined,
    childKind: 'entity' as const,
    children: [
      {
        scopeRef: 'component:default/ledger-service',
        entityCount: 1,
        overallMedian: 1,
        categoryMedians: {
          culture: 1,
          design: 0,
          'build-deploy': 1,
          test: 2,
          information: 1,
        },
      },
      {
        scopeRef: 'component:default/checkout-api',
        title: 'Checkout API',
        entityCount: 1,
        overallMedian: 2,
        categoryMedians: {
          culture: 2,
          design: 2,
          'build-deploy': 2,
          test: 2,
          information: 2,
        },
      },
    ],
  };
}

async function notFound() {
  return ResponseError.fromResponse({
    ok: false,
    status: 404,
    statusText: 'Not Found',
    headers: new Headers({ 'Content-Type': 'application/json' }),
    json: async () => ({
      error: { name: 'NotFoundError', message: 'No rollup yet' },
    }),
    text: async () => '',
  } as unknown as Response);
}

// Rendering the charts and the remote table is slow in jsdom.
jest.setTimeout(30_000);

describe('EntityMaturityRollupContent', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('shows the rollup of the group: summary, distribution, failing checks and movers', async () => {
    const api = createFakeMaturityApi(undefined, undefined, {
      getRollup: async () => acmeRollup,
    });
    await render(api);

    const summary = await screen.findByRole('region', { name: 'Summary' });
    expect(api.getRollup).toHaveBeenCalledWith('group:default/acme');
    expect(within(summary).getByText('38')).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('table', { name: 'Median level by category' }),
      ).getByRole('row', { name: /Design & Architecture\s+1 · Base/ }),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('table', { name: 'Entities by delivery performance' }),
      ).getByRole('row', { name: 'Insufficient data 33' }),
    ).toBeInTheDocument();

    const distribution = screen.getByRole('table', {
      name: 'Overall level distribution',
    });
    expect(
      within(distribution).getByRole('row', { name: /Entities 0 16 16 6 0 0/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /16 at level 1 \(Base\)/ }),
    ).toBeInTheDocument();

    const failing = screen.getByRole('table', {
      name: 'Failing or waived checks',
    });
    expect(
      within(failing).getByRole('row', {
        name: /Zero-downtime deploy.*38 of 38 0 100%/,
      }),
    ).toBeInTheDocument();
    expect(
      within(failing).getByRole('row', {
        name: /design.5.gitops 33 of 38 0 87%/,
      }),
    ).toBeInTheDocument();

    const improved = screen.getByRole('region', { name: 'Improved (1)' });
    // Named without its kind prefix.
    expect(
      within(improved).getByRole('link', { name: 'checkout-api' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api/maturity',
    );
    expect(
      within(improved).getByText('1 Base → 2 Beginner'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Dropped (1)' })).getByText(
        '3 Intermediate → 2 Beginner',
      ),
    ).toBeInTheDocument();
    // No ML entities, no MLOps block.
    expect(screen.queryByRole('region', { name: 'MLOps levels' })).toBeNull();
    expect(screen.queryByText(/MLOps/)).toBeNull();
  });

  it('shows the MLOps levels of a team’s ML entities, each count linking to them', async () => {
    const mlPlatform: Entity = {
      ...team,
      metadata: { name: 'ml-platform', namespace: 'default' },
    };
    await render(
      createFakeMaturityApi(undefined, undefined, {
        getRollup: async () => mlTeamRollup,
      }),
      mlPlatform,
    );
    const mlops = await screen.findByRole('region', { name: 'MLOps levels' });
    expect(within(mlops).getByText('ML entities')).toBeInTheDocument();
    expect(within(mlops).getByText('4')).toBeInTheDocument();
    // Levels 0, 0, 1, 2: the median lies between the first two levels.
    expect(
      within(mlops).getByText('0.5 · Manual process–ML pipeline automation'),
    ).toBeInTheDocument();

    const mlList = (filters: string) =>
      `/maturity?owner=group%3Adefault%2Fml-platform&includeSubgroups=true&${filters}#maturity-scorecards`;
    const levels = within(mlops).getByRole('table', {
      name: 'ML entities by MLOps level',
    });
    expect(
      within(levels)
        .getAllByRole('row')
        .map(row => row.textContent),
    ).toEqual([
      '0 · Manual process2',
      '1 · ML pipeline automation1',
      '2 · CI/CD pipeline automation1',
    ]);
    expect(
      within(
        within(levels).getByRole('row', { name: /ML pipeline automation/ }),
      ).getByRole('link', { name: '1' }),
    ).toHaveAttribute('href', mlList('minMlopsLevel=1&maxMlopsLevel=1'));
    expect(within(levels).getByRole('link', { name: '2' })).toHaveAttribute(
      'href',
      mlList('minMlopsLevel=0&maxMlopsLevel=0'),
    );

    const failing = within(mlops).getByRole('table', {
      name: 'Most failed MLOps checks',
    });
    const drift = within(failing).getByRole('row', {
      name: /Drift or skew monitoring configured.*mlops.2.drift-monitoring 3 of 4 0 75%/,
    });
    expect(within(drift).getByRole('link', { name: '3 of 4' })).toHaveAttribute(
      'href',
      mlList('failingCheck=mlops.2.drift-monitoring'),
    );
    expect(
      within(failing).getByRole('row', {
        name: /Experiment and metadata tracking.*2 of 4 0 50%/,
      }),
    ).toBeInTheDocument();
  });

  it('drills down from every count to the org page’s list of the matching entities', async () => {
    await render(
      createFakeMaturityApi(undefined, undefined, {
        getRollup: async () => acmeRollup,
      }),
    );
    await screen.findByRole('region', { name: 'Summary' });

    // Delivery bands: `unknown` is the entities without a band.
    const bands = screen.getByRole('table', {
      name: 'Entities by delivery performance',
    });
    expect(
      within(
        within(bands).getByRole('row', { name: /Insufficient data/ }),
      ).getByRole('link', { name: '33' }),
    ).toHaveAttribute('href', acmeList('deliveryBand=unknown'));
    expect(
      within(within(bands).getByRole('row', { name: /^Elite/ })).getByRole(
        'link',
        { name: '1' },
      ),
    ).toHaveAttribute('href', acmeList('deliveryBand=elite'));
    // No link to an empty list.
    expect(
      within(within(bands).getByRole('row', { name: /^Low/ })).queryByRole(
        'link',
      ),
    ).toBeNull();

    // Level distribution: the entities at exactly that overall level.
    const distribution = screen.getByRole('table', {
      name: 'Overall level distribution',
    });
    expect(
      within(distribution).getByRole('link', { name: '6' }),
    ).toHaveAttribute('href', acmeList('minLevel=3&maxLevel=3'));
    expect(within(distribution).getAllByRole('link')).toHaveLength(3);

    // Failing or waived checks: the entities failing it.
    const failing = screen.getByRole('table', {
      name: 'Failing or waived checks',
    });
    const gitops = within(failing).getByRole('row', {
      name: /design.5.gitops/,
    });
    expect(
      within(gitops).getByRole('link', { name: '33 of 38' }),
    ).toHaveAttribute('href', acmeList('failingCheck=design.5.gitops'));

    // Heatmap cells: the sub-group's entities.
    const heatmap = screen.getByRole('table', {
      name: 'Sub-groups by category (median level)',
    });
    const payments = within(heatmap).getByRole('row', { name: /^payments/ });
    expect(within(payments).getByRole('link', { name: '2.5' })).toHaveAttribute(
      'href',
      '/maturity?owner=group%3Adefault%2Fpayments&includeSubgroups=true#maturity-scorecards',
    );
  });

  it('shows counts as plain numbers when the app has no org page', async () => {
    await render(
      createFakeMaturityApi(undefined, undefined, {
        getRollup: async () => ({ ...acmeRollup, mlops: mlTeamRollup.mlops }),
      }),
      acme,
      { withOrgPage: false },
    );
    await screen.findByRole('region', { name: 'Summary' });
    expect(
      within(
        screen.getByRole('table', { name: 'Failing or waived checks' }),
      ).queryAllByRole('link'),
    ).toEqual([]);
    expect(
      within(
        screen.getByRole('table', { name: 'Overall level distribution' }),
      ).queryAllByRole('link'),
    ).toEqual([]);
    const mlops = screen.getByRole('region', { name: 'MLOps levels' });
    expect(
      within(
        within(mlops).getByRole('table', {
          name: 'ML entities by MLOps level',
        }),
      ).getByRole('row', { name: '0 · Manual process 2' }),
    ).toBeInTheDocument();
    expect(within(mlops).queryAllByRole('link')).toEqual([]);
  });

  it('renders a heatmap of the sub-groups with their medians and links', async () => {
    await render(
      createFakeMaturityApi(undefined, undefined, {
        getRollup: async () => acmeRollup,
      }),
    );

    const heatmap = await screen.findByRole('table', {
      name: 'Sub-groups by category (median level)',
    });
    const payments = within(heatmap).getByRole('row', { name: /^payments/ });
    expect(
      within(payments)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(['payments', '12', '2.5', '3', '2', '3', '2', '2']);
    expect(
      within(payments).getByRole('link', { name: 'payments' }),
    ).toHaveAttribute('href', '/catalog/default/group/payments/maturity');
    const web = within(heatmap).getByRole('row', { name: /^web-experience/ });
    expect(
      within(web).getByTitle('Test & Verification: no data'),
    ).toHaveTextContent('—');
    expect(
      screen.getByRole('group', { name: 'Legend: median level' }),
    ).toHaveTextContent(/5 Expert/);
  });

  it('pages the member entities through the server', async () => {
    const api = createFakeMaturityApi(undefined, undefined, {
      getRollup: async () => acmeRollup,
      listScorecards: async query => ({
        totalCount: 45,
        items: scorecardPage.items.map(item => ({
          ...item,
          entityRef: `${item.entityRef}-${query?.offset ?? 0}`,
          title: `${item.title} @${query?.offset ?? 0}`,
        })),
      }),
    });
    await render(api);

    expect(
      await screen.findByRole('link', { name: 'Checkout API @0' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api-0/maturity',
    );
    expect(api.listScorecards).toHaveBeenLastCalledWith({
      owner: ['group:default/acme'],
      includeSubgroups: true,
      orderBy: undefined,
      order: undefined,
      limit: 20,
      offset: 0,
    });

    await userEvent.click(screen.getByRole('button', { name: 'Next Page' }));

    expect(
      await screen.findByRole('link', { name: 'Checkout API @20' }),
    ).toBeInTheDocument();
    expect(api.listScorecards).toHaveBeenLastCalledWith(
      expect.objectContaining({ limit: 20, offset: 20 }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Overall' }));
    await waitFor(() =>
      expect(api.listScorecards).toHaveBeenLastCalledWith(
        expect.objectContaining({ orderBy: 'overallLevel', order: 'asc' }),
      ),
    );
  });

  it('shows a system’s entities × categories, lowest first, linking to the full table', async () => {
    const api = createFakeMaturityApi(undefined, undefined, {
      getRollup: async () =>
        withEntityRows('system:default/storefront', 'system'),
    });
    await render(api, storefront);

    const heatmap = await screen.findByRole('table', {
      name: 'Entities by category (level)',
    });
    expect(api.getRollup).toHaveBeenCalledWith('system:default/storefront');
    expect(
      within(heatmap)
        .getAllByRole('row')
        .slice(1)
        .map(row => row.querySelector('th')?.textContent),
    ).toEqual(['ledger-service', 'Checkout API']);
    const ledger = within(heatmap).getByRole('row', {
      name: /^ledger-service/,
    });
    expect(
      within(ledger)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(['ledger-service', '1', '1', '1', '0', '1', '2', '1']);
    expect(
      within(ledger).getByRole('link', { name: 'ledger-service' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/ledger-service/maturity',
    );
    // An entity's cells are its own levels, not a list to drill into.
    expect(within(ledger).getAllByRole('link')).toHaveLength(1);
    expect(
      screen.getByRole('group', { name: 'Legend: level' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/The 2 lowest of 38 entities by overall level\./),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'All 38 are in the table below' }),
    ).toHaveAttribute('href', '#maturity-rollup-members');
    await waitFor(() =>
      expect(api.listScorecards).toHaveBeenCalledWith(
        expect.objectContaining({ system: 'system:default/storefront' }),
      ),
    );
    const members = document.getElementById('maturity-rollup-members')!;
    expect(
      await within(members).findByRole('link', { name: 'Checkout API' }),
    ).toBeInTheDocument();
  });

  it('shows a team without sub-groups its own entities × categories', async () => {
    const rollup = {
      ...withEntityRows('group:default/payments', 'group'),
      entityCount: 2,
    };
    await render(
      createFakeMaturityApi(undefined, undefined, {
        getRollup: async () => rollup,
      }),
      team,
    );

    const heatmap = await screen.findByRole('table', {
      name: 'Entities by category (level)',
    });
    expect(
      within(heatmap).getByRole('link', { name: 'Checkout API' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api/maturity',
    );
    // All of them are shown: no pointer to the table.
    expect(screen.queryByText(/lowest of/)).toBeNull();
  });

  it('shows no heatmap for a system rollup stored before entity rows', async () => {
    const api = createFakeMaturityApi(undefined, undefined, {
      getRollup: async () => ({
        ...acmeRollup,
        scopeRef: 'system:default/storefront',
        scopeKind: 'system',
        children: [],
      }),
    });
    await render(api, storefront);

    expect(
      await screen.findByRole('region', { name: 'Summary' }),
    ).toBeVisible();
    expect(screen.queryByText(/by category \(/)).toBeNull();
  });

  it('shows progress while loading', async () => {
    const api = createFakeMaturityApi(undefined, undefined, {
      getRollup: () => new Promise(() => {}),
    });
    await render(api);
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('explains that rollups are computed after evaluation when there is none yet', async () => {
    const error = await notFound();
    const api = createFakeMaturityApi(undefined, undefined, {
      getRollup: async () => {
        throw error;
      },
    });
    await render(api);

    expect(await screen.findByText('Not computed yet')).toBeInTheDocument();
    expect(
      screen.getByText(/Rollups are computed on the server after/),
    ).toBeInTheDocument();
    expect(api.listScorecards).not.toHaveBeenCalled();
  });

  it('shows an error with a way to try again', async () => {
    const api = createFakeMaturityApi(undefined, undefined, {
      getRollup: async () => {
        throw new Error('backend down');
      },
    });
    await render(api);

    expect(
      await screen.findByText(/Could not load the rollup/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/backend down/).length).toBeGreaterThan(0);

    api.getRollup.mockResolvedValue(acmeRollup);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('region', { name: 'Summary' }),
    ).toBeVisible();
  });

  it('says when the group has no scored entities', async () => {
    await render(
      createFakeMaturityApi(undefined, undefined, {
        getRollup: async () => ({
          ...emptyRollup,
          scopeRef: 'group:default/acme',
          scopeKind: 'group',
        }),
      }),
    );

    expect(await screen.findByText('No scored entities')).toBeInTheDocument();
    expect(
      screen.getByText(/No component of this group and its sub-groups/),
    ).toBeInTheDocument();
  });
});
