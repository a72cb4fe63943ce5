import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MaturityApi, maturityApiRef } from '../../api/MaturityApi';
import { overviewRouteRef } from '../../routes';
import {
  finishedCampaign,
  testsRequiredCampaign,
} from '../../testing/campaignFixtures';
import { createFakeMaturityApi, NOW } from '../../testing/checkoutApiActivity';
import { acmeRollup } from '../../testing/rollupFixtures';
import { EntityMaturityRollupContent } from '../EntityMaturityRollupContent';

function entity(kind: string, name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: {},
  };
}

function render(api: MaturityApi, scope: Entity) {
  return renderInTestApp(
    <TestApiProvider apis={[[maturityApiRef, api]]}>
      <EntityProvider entity={scope}>
        <EntityMaturityRollupContent />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/maturity': overviewRouteRef,
      },
    },
  );
}

jest.setTimeout(30_000);

describe('TeamCampaigns on a group’s rollup', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('lists the campaigns covering the team’s entities, with the team’s tally', async () => {
    const api = createFakeMaturityApi(undefined, undefined, {
      getRollup: async () => acmeRollup,
      listCampaigns: async () => ({
        items: [
          { ...testsRequiredCampaign, team: { inScope: 12, meeting: 2 } },
          { ...finishedCampaign, team: { inScope: 10, meeting: 9 } },
        ],
        totalCount: 2,
      }),
    });
    await render(api, entity('Group', 'payments'));

    const region = await screen.findByRole('region', { name: 'Campaigns' });
    expect(api.listCampaigns).toHaveBeenCalledWith({
      team: 'group:default/payments',
      limit: 10,
      offset: 0,
    });
    const table = within(region).getByRole('table', {
      name: 'Campaigns of this team',
    });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map(row => Array.from(row.children, cell => cell.textContent)),
    ).toEqual([
      [
        'Tests as required checks',
        'Mar 31, 2027',
        'Active',
        '2 of 12 (17 %)',
        '23 of 39 (59 %)',
      ],
      [
        'Reach Intermediate in Test',
        'Oct 31, 2026',
        'Finished Nov 1, 2026',
        '9 of 10 (90 %)',
        '9 of 10 (90 %)',
      ],
    ]);
    expect(
      within(table).getByRole('link', { name: 'Tests as required checks' }),
    ).toHaveAttribute('href', '/maturity?view=campaigns&campaign=c-tests');
  });

  it('pages a long list of campaigns, saying how many there are', async () => {
    const campaigns = Array.from({ length: 23 }, (_, i) => ({
      ...testsRequiredCampaign,
      id: `c-${i + 1}`,
      title: `Campaign ${i + 1}`,
      team: { inScope: 4, meeting: 1 },
    }));
    const api = createFakeMaturityApi(undefined, undefined, {
      getRollup: async () => acmeRollup,
      listCampaigns: async ({ limit = 50, offset = 0 } = {}) => ({
        items: campaigns.slice(offset, offset + limit),
        totalCount: campaigns.length,
      }),
    });
    await render(api, entity('Group', 'payments'));

    const region = await screen.findByRole('region', { name: 'Campaigns' });
    const titles = () =>
      within(region)
        .getAllByRole('row')
        .slice(1)
        .map(row => row.children[0].textContent);
    expect(titles()).toEqual(campaigns.slice(0, 10).map(c => c.title));
    expect(within(region).getByText('1-10 of 23')).toBeInTheDocument();

    await userEvent.click(
      within(region).getByRole('button', { name: /next page/i }),
    );
    await waitFor(() =>
      expect(titles()).toEqual(campaigns.slice(10, 20).map(c => c.title)),
    );
    await userEvent.click(
      within(region).getByRole('button', { name: /next page/i }),
    );
    await waitFor(() =>
      expect(titles()).toEqual(['Campaign 21', 'Campaign 22', 'Campaign 23']),
    );
    expect(within(region).getByText('21-23 of 23')).toBeInTheDocument();
    expect(api.listCampaigns).toHaveBeenLastCalledWith({
      team: 'group:default/payments',
      limit: 10,
      offset: 20,
    });
  });

  it('shows nothing for a team in no campaign, and asks nothing for a system', async () => {
    const api = createFakeMaturityApi(undefined, undefined, {
      getRollup: async () => acmeRollup,
    });
    await render(api, entity('Group', 'payments'));
    await screen.findByRole('region', { name: 'Summary' });
    expect(api.listCampaigns).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('region', { name: 'Campaigns' })).toBeNull();

    const systemApi = createFakeMaturityApi(undefined, undefined, {
      getRollup: async () => ({
        ...acmeRollup,
        scopeRef: 'system:default/shop',
        scopeKind: 'system',
      }),
    });
    await render(systemApi, entity('System', 'shop'));
    expect(systemApi.listCampaigns).not.toHaveBeenCalled();
  });
});
