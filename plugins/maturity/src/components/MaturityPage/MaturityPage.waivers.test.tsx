import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MaturityApi, maturityApiRef } from '../../api/MaturityApi';
import { overviewRouteRef } from '../../routes';
import { createFakeMaturityApi, NOW } from '../../testing/checkoutApiActivity';
import {
  acmeRollupWithWaivers,
  orgRollupWithWaivers,
  scorecardPageWithWaivers,
} from '../../testing/waiverFixtures';
import { MaturityPage } from './MaturityPage';

function render(api: MaturityApi, path = '/maturity') {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [maturityApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <MaturityPage />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/maturity': overviewRouteRef,
      },
    },
  );
}

function lastFilters(api: jest.Mocked<MaturityApi>) {
  const query = api.listScorecards.mock.lastCall?.[0] ?? {};
  const { orderBy, order, limit, offset, ...filters } = query;
  return filters;
}

function fakeApi() {
  return createFakeMaturityApi(undefined, undefined, {
    getOrgRollup: async () => orgRollupWithWaivers,
    getRollup: async () => acmeRollupWithWaivers,
    listScorecards: async () => scorecardPageWithWaivers,
  });
}

const rowCells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map(cell => cell.textContent);

jest.setTimeout(30_000);

describe('MaturityPage: waivers as debt', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('shows waived checks beside passing and failing ones, and lists the entities waiving a check', async () => {
    const api = fakeApi();
    await render(api);
    await screen.findByRole('link', { name: 'Checkout API' });

    const bands = screen.getByRole('table', { name: 'Check results' });
    expect(
      within(bands)
        .getAllByRole('row')
        .map(row => row.textContent),
    ).toEqual(['Passing700', 'Waived12', 'Failing400']);

    const checks = screen.getByRole('table', {
      name: 'Failing or waived checks',
    });
    const codeowners = within(checks).getByRole('row', {
      name: /culture.3.codeowners/,
    });
    // 20 failing and 9 waived of 38: 76%.
    expect(within(codeowners).getByText('76%')).toBeInTheDocument();
    const waived = within(codeowners).getByRole('link', { name: '9' });
    expect(waived).toHaveAttribute(
      'href',
      '/maturity?waivedCheck=culture.3.codeowners#maturity-scorecards',
    );
    await userEvent.click(waived);
    await waitFor(() =>
      expect(lastFilters(api)).toEqual({
        waivedCheck: 'culture.3.codeowners',
      }),
    );
    expect(
      screen.getByRole('button', { name: /Waived check/ }),
    ).toHaveTextContent('CODEOWNERS');
    // No waiver, no link.
    const zeroDowntime = within(checks).getByRole('row', {
      name: /build-deploy.4.zero-downtime/,
    });
    expect(within(zeroDowntime).queryByRole('link', { name: '0' })).toBeNull();
  });

  it('switches the heatmap, the summary and the list to the levels without waivers', async () => {
    const api = fakeApi();
    await render(api);
    await screen.findByRole('link', { name: 'Checkout API' });
    const acme = () => screen.getByTestId('heatmap-row-group:default/acme');
    // As scored: acme's median overall level is 2.
    expect(rowCells(acme())[2]).toBe('2');

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Levels without waivers' }),
    );
    await waitFor(() =>
      expect(lastFilters(api)).toEqual({ levels: 'withoutWaivers' }),
    );
    expect(
      screen.getByRole('region', {
        name: 'Organisation (levels without waivers)',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', {
        name: 'Teams by category (median level without waivers)',
      }),
    ).toBeInTheDocument();
    // Group, entities, overall, culture, design, build, test, information.
    expect(rowCells(acme())).toEqual([
      'acme',
      '38',
      '1',
      '1',
      '1',
      '2',
      '2',
      '2',
    ]);
    // A level's count lists by the level without waivers.
    const distribution = screen.getByRole('table', {
      name: 'Overall level distribution',
    });
    expect(
      within(distribution).getByRole('link', { name: '20' }),
    ).toHaveAttribute(
      'href',
      '/maturity?minLevel=1&maxLevel=1&levels=withoutWaivers#maturity-scorecards',
    );

    // A sub-group opened: its medians without waivers.
    await userEvent.click(screen.getByRole('button', { name: 'Expand acme' }));
    await waitFor(() =>
      expect(
        rowCells(screen.getByTestId('heatmap-row-group:default/payments')),
      ).toEqual(['payments', '12', '1.5', '1', '2', '3', '2', '2']),
    );

    // The list: the level without waivers, the one waivers give beside it;
    // unknown for an entity evaluated before they were kept.
    expect(
      await screen.findByRole('columnheader', {
        name: 'Overall without waivers',
      }),
    ).toBeInTheDocument();
    const checkout = screen
      .getByRole('link', { name: 'Checkout API' })
      .closest('tr')!;
    // Overall, culture, test and information are 1 without the waiver.
    expect(
      within(checkout)
        .getAllByTitle('2 with waivers')
        .map(cell => cell.textContent),
    ).toEqual(['1 · Base (2)', '1 (2)', '1 (2)', '1 (2)']);
    const older = screen
      .getByRole('link', { name: 'account-portal-web' })
      .closest('tr')!;
    expect(
      within(older).getAllByTitle('Not known until the next evaluation'),
    ).toHaveLength(6);
  });

  it('opens with levels without waivers from its URL', async () => {
    const api = fakeApi();
    await render(api, '/maturity?levels=withoutWaivers&minLevel=1');
    await screen.findByRole('link', { name: 'Checkout API' });
    expect(lastFilters(api)).toEqual({ levels: 'withoutWaivers', minLevel: 1 });
    expect(
      screen.getByRole('checkbox', { name: 'Levels without waivers' }),
    ).toBeChecked();
  });
});
