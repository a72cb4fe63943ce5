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
import { createFakeMaturityApi, NOW } from '../../testing/checkoutApiActivity';
import {
  acmeRollup,
  emptyRollup,
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

function render(api: MaturityApi, entity: Entity = acme) {
  return renderInTestApp(
    <TestApiProvider apis={[[maturityApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityMaturityRollupContent />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
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
      ).getByRole('row', { name: 'Unknown 33' }),
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

    const failing = screen.getByRole('table', { name: 'Most failed checks' });
    expect(
      within(failing).getByRole('row', {
        name: /Zero-downtime deploy.*38 of 38 100%/,
      }),
    ).toBeInTheDocument();
    expect(
      within(failing).getByRole('row', {
        name: /design.5.gitops 33 of 38 87%/,
      }),
    ).toBeInTheDocument();

    const improved = screen.getByRole('region', { name: 'Improved (1)' });
    expect(within(improved).getByRole('link')).toHaveAttribute(
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

  it('lists the entities of a system by system, without a heatmap when it has no sub-scopes', async () => {
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
    expect(api.getRollup).toHaveBeenCalledWith('system:default/storefront');
    await waitFor(() =>
      expect(api.listScorecards).toHaveBeenCalledWith(
        expect.objectContaining({ system: 'system:default/storefront' }),
      ),
    );
    expect(screen.queryByText(/by category \(median level\)/)).toBeNull();
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
