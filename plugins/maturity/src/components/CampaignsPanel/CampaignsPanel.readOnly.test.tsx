import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { maturityApiRef } from '../../api/MaturityApi';
import { overviewRouteRef } from '../../routes';
import {
  testsRequiredCampaign,
  testsRequiredProgress,
  testsRequiredShortPage,
} from '../../testing/campaignFixtures';
import { createFakeMaturityApi, NOW } from '../../testing/checkoutApiActivity';
import { MaturityPage } from '../MaturityPage';

// A file of its own: usePermission caches decisions per permission for the
// life of the module.
function render(path: string) {
  const api = createFakeMaturityApi(undefined, undefined, {
    listCampaigns: async () => ({
      items: [testsRequiredCampaign],
      totalCount: 1,
    }),
    getCampaign: async () => testsRequiredProgress,
    listCampaignEntities: async () => testsRequiredShortPage,
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [maturityApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.DENY }),
        ],
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

jest.setTimeout(30_000);

describe('CampaignsPanel without maturity.campaign.manage', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('lists the campaigns in their tab, without a New campaign button', async () => {
    await render('/maturity?view=campaigns');
    const region = await screen.findByRole('region', { name: 'Campaigns' });
    expect(
      await within(region).findByRole('link', {
        name: 'Tests as required checks',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Campaigns' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.queryByRole('button', { name: 'New campaign' })).toBeNull();
  });

  it('shows a campaign without Edit or Delete', async () => {
    await render('/maturity?view=campaigns&campaign=c-tests');
    const detail = await screen.findByRole('region', {
      name: 'Tests as required checks',
    });
    expect(
      await screen.findByRole('table', { name: 'Entities still short' }),
    ).toBeInTheDocument();
    expect(within(detail).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(detail).queryByRole('button', { name: 'Delete' })).toBeNull();
  });
});
