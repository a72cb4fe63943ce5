import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SWRConfig } from 'swr';
import { MaturityApi, maturityApiRef } from '../../api/MaturityApi';
import { overviewRouteRef } from '../../routes';
import { createFakeMaturityApi, NOW } from '../../testing/checkoutApiActivity';
import {
  acmeRollup,
  mlTeamRollup,
  orgRollup,
  scorecardPage,
} from '../../testing/rollupFixtures';
import { MaturityPage } from './MaturityPage';

function render(
  api: MaturityApi,
  path = '/maturity',
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  return renderInTestApp(
    // A cache of its own per test: usePermission keeps decisions in SWR's
    // cache, and a test would otherwise read the one before it made.
    <SWRConfig value={{ provider: () => new Map() }}>
      <TestApiProvider
        apis={[
          [maturityApiRef, api],
          [permissionApiRef, mockApis.permission({ authorize: permission })],
        ]}
      >
        <MaturityPage />
      </TestApiProvider>
    </SWRConfig>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/maturity': overviewRouteRef,
      },
    },
  );
}

/** The filters of the last list request, without order and paging. */
function lastFilters(api: jest.Mocked<MaturityApi>) {
  const query = api.listScorecards.mock.lastCall?.[0] ?? {};
  const { orderBy, order, limit, offset, ...filters } = query;
  return filters;
}

function fakeApi() {
  return createFakeMaturityApi(undefined, undefined, {
    getRollup: async scopeRef =>
      scopeRef === 'group:default/acme'
        ? acmeRollup
        : { ...acmeRollup, scopeRef: String(scopeRef), children: [] },
  });
}

// Rendering the charts and the remote table is slow in jsdom.
jest.setTimeout(30_000);

describe('MaturityPage', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('shows the org rollup, the root groups of the heatmap and the first page of scorecards', async () => {
    const api = fakeApi();
    await render(api);

    expect(
      await screen.findByRole('region', { name: 'Organisation' }),
    ).toBeInTheDocument();
    expect(api.getOrgRollup).toHaveBeenCalledTimes(1);
    expect(
      screen.getByRole('region', { name: 'Dropped (1)' }),
    ).toHaveTextContent('ledger-service');
    const heatmap = screen.getByRole('table', {
      name: 'Teams by category (median level)',
    });
    expect(within(heatmap).getByRole('link', { name: 'acme' })).toHaveAttribute(
      'href',
      '/catalog/default/group/acme/maturity',
    );
    expect(
      await screen.findByRole('link', { name: 'Checkout API' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api/maturity',
    );
    expect(api.listScorecards).toHaveBeenCalledWith({
      orderBy: undefined,
      order: undefined,
      limit: 20,
      offset: 0,
    });
    expect(api.getRollup).not.toHaveBeenCalled();
  });

  it('expands a group by fetching its rollup and collapses it again', async () => {
    const api = fakeApi();
    await render(api);

    const expand = await screen.findByRole('button', { name: 'Expand acme' });
    expect(expand).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(expand);

    expect(api.getRollup).toHaveBeenCalledWith('group:default/acme');
    const heatmap = screen.getByRole('table', {
      name: 'Teams by category (median level)',
    });
    const payments = await within(heatmap).findByRole('link', {
      name: 'payments',
    });
    expect(payments).toHaveAttribute(
      'href',
      '/catalog/default/group/payments/maturity',
    );
    const collapse = screen.getByRole('button', { name: 'Collapse acme' });
    expect(collapse).toHaveAttribute('aria-expanded', 'true');
    expect(
      within(screen.getByTestId('heatmap-row-group:default/payments'))
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(['payments', '12', '2.5', '3', '2', '3', '2', '2']);

    // Keyboard: the toggle is a real button.
    collapse.focus();
    await userEvent.keyboard('{Enter}');
    expect(
      within(heatmap).queryByRole('link', { name: 'payments' }),
    ).toBeNull();
    expect(screen.getByRole('button', { name: 'Expand acme' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );

    // Re-expanding uses what was loaded.
    await userEvent.click(screen.getByRole('button', { name: 'Expand acme' }));
    expect(
      await within(heatmap).findByRole('link', { name: 'payments' }),
    ).toBeVisible();
    expect(api.getRollup).toHaveBeenCalledTimes(1);

    // A leaf group says so; the entities its rollup lists are not groups.
    api.getRollup.mockResolvedValueOnce({
      ...acmeRollup,
      scopeRef: 'group:default/payments',
      childKind: 'entity',
      children: [
        {
          scopeRef: 'component:default/checkout-api',
          entityCount: 1,
          overallMedian: 2,
          categoryMedians: acmeRollup.children[0].categoryMedians,
        },
      ],
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Expand payments' }),
    );
    expect(await screen.findByText('No sub-groups.')).toBeInTheDocument();
    expect(api.getRollup).toHaveBeenLastCalledWith('group:default/payments');
    expect(
      within(heatmap).queryByRole('link', { name: 'checkout-api' }),
    ).toBeNull();
  });

  it('queries the server with the filters', async () => {
    const api = fakeApi();
    await render(api);
    await screen.findByRole('link', { name: 'Checkout API' });

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Owner group' }),
      'payments',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search' }),
      'api',
    );
    await waitFor(() =>
      expect(api.listScorecards).toHaveBeenLastCalledWith({
        owner: ['group:default/payments'],
        includeSubgroups: true,
        q: 'api',
        orderBy: undefined,
        order: undefined,
        limit: 20,
        offset: 0,
      }),
    );

    await userEvent.click(screen.getByRole('button', { name: /Min level/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: '3 · Intermediate' }),
    );
    await userEvent.click(screen.getByRole('button', { name: /Lifecycle/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'production' }),
    );
    await waitFor(() =>
      expect(api.listScorecards).toHaveBeenLastCalledWith(
        expect.objectContaining({
          owner: ['group:default/payments'],
          minLevel: 3,
          lifecycle: 'production',
          offset: 0,
        }),
      ),
    );
  });

  it('drills down from the rollup’s counts into the list below by its filters', async () => {
    const api = fakeApi();
    await render(api);
    await screen.findByRole('link', { name: 'Checkout API' });

    // A level's count: the entities at exactly that level.
    const distribution = screen.getByRole('table', {
      name: 'Overall level distribution',
    });
    const six = within(distribution).getByRole('link', { name: '6' });
    expect(six).toHaveAttribute(
      'href',
      '/maturity?minLevel=3&maxLevel=3#maturity-scorecards',
    );
    await userEvent.click(six);
    await waitFor(() =>
      expect(lastFilters(api)).toEqual({ minLevel: 3, maxLevel: 3 }),
    );
    expect(api.listScorecards).toHaveBeenLastCalledWith(
      expect.objectContaining({ offset: 0 }),
    );
    // The filter bar follows.
    expect(screen.getByRole('button', { name: /Min level/ })).toHaveTextContent(
      '3 · Intermediate',
    );
    expect(screen.getByRole('button', { name: /Max level/ })).toHaveTextContent(
      '3 · Intermediate',
    );

    // A check's "N of M": the entities failing it.
    const failing = screen.getByRole('table', {
      name: 'Failing or waived checks',
    });
    await userEvent.click(
      within(
        within(failing).getByRole('row', { name: /design.5.gitops/ }),
      ).getByRole('link', { name: '33 of 38' }),
    );
    await waitFor(() =>
      expect(lastFilters(api)).toEqual({ failingCheck: 'design.5.gitops' }),
    );
    expect(
      screen.getByRole('button', { name: /Failing check/ }),
    ).toHaveTextContent('GitOps reconciler manifest');
    expect(
      screen.getByRole('button', { name: /Min level/ }),
    ).not.toHaveTextContent('Intermediate');

    // A band's count: the entities of that band, "unknown" without one.
    const bands = screen.getByRole('table', {
      name: 'Entities by delivery performance',
    });
    await userEvent.click(within(bands).getByRole('link', { name: '33' }));
    await waitFor(() =>
      expect(lastFilters(api)).toEqual({ deliveryBand: 'unknown' }),
    );
    expect(
      screen.getByRole('button', { name: /Delivery band/ }),
    ).toHaveTextContent('Insufficient data');

    // A team's heatmap cell: that team's entities, its sub-groups' too.
    await userEvent.click(
      within(screen.getByTestId('heatmap-row-group:default/acme')).getAllByRole(
        'link',
        { name: '2' },
      )[0],
    );
    await waitFor(() =>
      expect(lastFilters(api)).toEqual({
        owner: ['group:default/acme'],
        includeSubgroups: true,
      }),
    );
    expect(screen.getByRole('textbox', { name: 'Owner group' })).toHaveValue(
      'acme',
    );
  });

  it('counts, filters and sorts the ML entities by MLOps level', async () => {
    const api = createFakeMaturityApi(undefined, undefined, {
      getOrgRollup: async () => ({ ...orgRollup, mlops: mlTeamRollup.mlops }),
      getRollup: async () => acmeRollup,
      listScorecards: async () => ({
        totalCount: 3,
        items: [
          ...scorecardPage.items,
          {
            ...scorecardPage.items[1],
            entityRef: 'component:default/churn-training',
            title: 'Churn training',
            type: 'ml-pipeline',
            mlopsLevel: 1,
          },
        ],
      }),
    });
    await render(api);
    await screen.findByRole('link', { name: 'Churn training' });

    // The org's MLOps block, its counts drilling down into the list.
    const mlops = screen.getByRole('region', { name: 'MLOps levels' });
    expect(
      within(mlops).getByText('0.5 · Manual process–ML pipeline automation'),
    ).toBeInTheDocument();
    const levels = within(mlops).getByRole('table', {
      name: 'ML entities by MLOps level',
    });
    const atTwo = within(
      within(levels).getByRole('row', { name: /CI\/CD pipeline automation/ }),
    ).getByRole('link', { name: '1' });
    expect(atTwo).toHaveAttribute(
      'href',
      '/maturity?minMlopsLevel=2&maxMlopsLevel=2#maturity-scorecards',
    );
    await userEvent.click(atTwo);
    await waitFor(() =>
      expect(lastFilters(api)).toEqual({ minMlopsLevel: 2, maxMlopsLevel: 2 }),
    );
    expect(
      screen.getByRole('button', { name: /Min MLOps level/ }),
    ).toHaveTextContent('2 · CI/CD pipeline automation');

    // The filter bar: ML entities from level 1 up.
    await userEvent.click(
      screen.getByRole('button', { name: /Max MLOps level/ }),
    );
    await userEvent.click(await screen.findByRole('option', { name: 'Any' }));
    await userEvent.click(
      screen.getByRole('button', { name: /Min MLOps level/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: '1 · ML pipeline automation' }),
    );
    await waitFor(() => expect(lastFilters(api)).toEqual({ minMlopsLevel: 1 }));

    // The list shows each row's level, none for the others, and sorts by it.
    const churn = screen.getByRole('row', { name: /Churn training/ });
    expect(
      within(churn).getByTitle('1 · ML pipeline automation'),
    ).toHaveTextContent('1');
    await userEvent.click(screen.getByRole('button', { name: 'MLOps' }));
    await waitFor(() =>
      expect(api.listScorecards).toHaveBeenLastCalledWith(
        expect.objectContaining({
          minMlopsLevel: 1,
          orderBy: 'mlopsLevel',
          order: 'asc',
          offset: 0,
        }),
      ),
    );
  });

  it('shows no MLOps block, column or filter when the org has no ML entities', async () => {
    await render(fakeApi());
    await screen.findByRole('link', { name: 'Checkout API' });
    expect(screen.queryByRole('region', { name: 'MLOps levels' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'MLOps' })).toBeNull();
    expect(screen.queryByRole('button', { name: /MLOps level/ })).toBeNull();
    expect(screen.getByRole('button', { name: /Min level/ })).toBeVisible();
  });

  it('shows the MLOps filter and column while a link filters by MLOps level', async () => {
    const api = fakeApi();
    await render(api, '/maturity?minMlopsLevel=1');
    await screen.findByRole('link', { name: 'Checkout API' });
    expect(lastFilters(api)).toEqual({ minMlopsLevel: 1 });
    expect(
      screen.getByRole('button', { name: /Min MLOps level/ }),
    ).toHaveTextContent('1 · ML pipeline automation');
    expect(screen.getByRole('button', { name: 'MLOps' })).toBeVisible();
  });

  it('opens with the filters of its URL, and keeps edits in the URL', async () => {
    const api = fakeApi();
    await render(
      api,
      '/maturity?owner=group:default/payments&failingCheck=test.3.e2e-tests&deliveryBand=high&kind=component&minLevel=9',
    );
    await screen.findByRole('link', { name: 'Checkout API' });

    // An out-of-range level is left out rather than sent to be rejected.
    expect(lastFilters(api)).toEqual({
      owner: ['group:default/payments'],
      includeSubgroups: false,
      kind: 'component',
      failingCheck: 'test.3.e2e-tests',
      deliveryBand: 'high',
    });
    expect(screen.getByRole('textbox', { name: 'Owner group' })).toHaveValue(
      'payments',
    );
    expect(
      screen.getByRole('checkbox', { name: 'Include sub-groups' }),
    ).not.toBeChecked();
    expect(
      screen.getByRole('button', { name: /Failing check/ }),
    ).toHaveTextContent('End-to-end or acceptance suite runs in CI');
    expect(
      screen.getByRole('button', { name: /Delivery band/ }),
    ).toHaveTextContent('High');

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Include sub-groups' }),
    );
    await waitFor(() =>
      expect(lastFilters(api)).toEqual(
        expect.objectContaining({ includeSubgroups: true }),
      ),
    );
    // The CSV export follows the same filters.
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(api.exportScorecardsCsv).toHaveBeenCalledWith(
        expect.objectContaining({
          failingCheck: 'test.3.e2e-tests',
          includeSubgroups: true,
        }),
      ),
    );
  });

  it('offers the kinds that have scorecards, and no kind filter for a single kind', async () => {
    await render(fakeApi());
    await screen.findByRole('link', { name: 'Checkout API' });

    await userEvent.click(screen.getByRole('button', { name: /Kind/ }));
    expect(
      (await screen.findAllByRole('option')).map(o => o.textContent),
    ).toEqual(['Any', 'component', 'resource']);
    await userEvent.keyboard('{Escape}');
  });

  it('has no kind filter when every scorecard is of one kind', async () => {
    await render(
      createFakeMaturityApi(undefined, undefined, {
        getOrgRollup: async () => ({ ...orgRollup, kinds: ['component'] }),
      }),
    );
    await screen.findByRole('region', { name: 'Organisation' });
    expect(screen.queryByRole('button', { name: /Kind/ })).toBeNull();
    expect(screen.getByRole('button', { name: /Lifecycle/ })).toBeVisible();
  });

  it('says "No scorecards match" when the filters match nothing', async () => {
    const api = createFakeMaturityApi(undefined, undefined, {
      listScorecards: async () => ({ items: [], totalCount: 0 }),
    });
    await render(api, '/maturity?q=nothing-like-this');

    expect(await screen.findByText('No scorecards match')).toBeInTheDocument();
    expect(
      screen.getByText(/Widen the filters, or clear them/),
    ).toBeInTheDocument();
    expect(api.listScorecards).toHaveBeenCalledWith(
      expect.objectContaining({ q: 'nothing-like-this' }),
    );
  });

  it('sorts on the server by the columns it can sort', async () => {
    const api = fakeApi();
    await render(api);
    await screen.findByRole('link', { name: 'Checkout API' });

    await userEvent.click(screen.getByRole('button', { name: 'Overall' }));
    await waitFor(() =>
      expect(api.listScorecards).toHaveBeenLastCalledWith(
        expect.objectContaining({
          orderBy: 'overallLevel',
          order: 'asc',
          offset: 0,
        }),
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Overall' }));
    await waitFor(() =>
      expect(api.listScorecards).toHaveBeenLastCalledWith(
        expect.objectContaining({ orderBy: 'overallLevel', order: 'desc' }),
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Evaluated' }));
    await waitFor(() =>
      expect(api.listScorecards).toHaveBeenLastCalledWith(
        expect.objectContaining({ orderBy: 'evaluatedAt', offset: 0 }),
      ),
    );
    // Owner, system, categories and band are not sortable on the server.
    expect(screen.queryByRole('button', { name: 'Owner' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Band' })).toBeNull();
  });

  it('exports the filtered scorecards as a CSV download', async () => {
    const createObjectURL = jest.fn(() => 'blob:maturity');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function click(this: HTMLAnchorElement) {
        clicked.push(this);
      });
    const api = fakeApi();
    await render(api);
    await screen.findByRole('link', { name: 'Checkout API' });

    await userEvent.type(
      screen.getByRole('textbox', { name: 'System' }),
      'storefront',
    );
    await waitFor(() =>
      expect(api.listScorecards).toHaveBeenLastCalledWith(
        expect.objectContaining({ system: 'system:default/storefront' }),
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(api.exportScorecardsCsv).toHaveBeenCalledWith({
      system: 'system:default/storefront',
    });
    expect(clicked[0].download).toBe('maturity-scorecards.csv');
    expect(clicked[0].href).toBe('blob:maturity');
    const blob = (createObjectURL.mock.calls[0] as unknown[])[0] as Blob;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:maturity');
  });

  it('says when the org rollup is not computed yet, and still lists scorecards', async () => {
    const notFound = await ResponseError.fromResponse({
      ok: false,
      status: 404,
      statusText: 'Not Found',
      headers: new Headers({ 'Content-Type': 'application/json' }),
      json: async () => ({ error: { name: 'NotFoundError', message: 'none' } }),
      text: async () => '',
    } as unknown as Response);
    const api = createFakeMaturityApi(undefined, undefined, {
      getOrgRollup: async () => {
        throw notFound;
      },
    });
    await render(api);

    expect(await screen.findByText('Not computed yet')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Checkout API' }),
    ).toBeInTheDocument();
  });

  it('shows an error when the org rollup fails, and when a page fails', async () => {
    const api = createFakeMaturityApi(undefined, undefined, {
      getOrgRollup: async () => {
        throw new Error('rollup store down');
      },
      listScorecards: async () => {
        throw new Error('list down');
      },
    });
    await render(api);

    expect(
      await screen.findByText(/Could not load the organisation rollup/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/Could not load the scorecards/),
    ).toBeInTheDocument();
  });

  it('shows progress while the org rollup loads', async () => {
    await render(
      createFakeMaturityApi(undefined, undefined, {
        getOrgRollup: () => new Promise<never>(() => {}),
        listScorecards: async () => scorecardPage,
      }),
    );
    expect(screen.getAllByTestId('progress').length).toBeGreaterThan(0);
    expect(orgRollup.children).toHaveLength(1);
  });

  it('offers the rubric preview as a tab to holders of its permission only', async () => {
    await render(fakeApi());
    await userEvent.click(
      await screen.findByRole('tab', { name: 'Rubric preview' }),
    );
    expect(
      await screen.findByRole('textbox', {
        name: 'Rubric override (YAML or JSON)',
      }),
    ).toBeInTheDocument();
    // The overview is not shown meanwhile; its tab brings it back.
    expect(screen.queryByRole('region', { name: 'Organisation' })).toBeNull();
    await userEvent.click(screen.getByRole('tab', { name: 'Overview' }));
    expect(
      await screen.findByRole('region', { name: 'Organisation' }),
    ).toBeInTheDocument();
  });

  it('shows no rubric preview tab, and the overview even when asked for the preview, without the permission', async () => {
    await render(
      fakeApi(),
      '/maturity?view=rubric-preview',
      AuthorizeResult.DENY,
    );
    expect(
      await screen.findByRole('region', { name: 'Organisation' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Rubric preview' })).toBeNull();
    // Campaigns are for every reader.
    expect(screen.getByRole('tab', { name: 'Campaigns' })).toBeInTheDocument();
  });
});
