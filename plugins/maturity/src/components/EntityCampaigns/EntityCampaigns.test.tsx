import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { MaturityApi, maturityApiRef } from '../../api/MaturityApi';
import { overviewRouteRef } from '../../routes';
import { checkoutApiCampaigns } from '../../testing/campaignFixtures';
import {
  createFakeMaturityApi,
  ENTITY_REF,
  NOW,
} from '../../testing/checkoutApiActivity';
import { EntityScorecard } from '../EntityScorecard';

function render(api: MaturityApi, withOrgPage = true) {
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
      <EntityScorecard entityRef={ENTITY_REF} />
    </TestApiProvider>,
    withOrgPage ? { mountedRoutes: { '/maturity': overviewRouteRef } } : {},
  );
}

jest.setTimeout(30_000);

describe('EntityCampaigns on the entity scorecard', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('says which campaigns the entity is part of, when they are due and what is left', async () => {
    const api = createFakeMaturityApi(undefined, undefined, {
      listEntityCampaigns: async () => ({ items: checkoutApiCampaigns }),
    });
    await render(api);

    const region = await screen.findByRole('region', { name: 'Campaigns' });
    expect(api.listEntityCampaigns).toHaveBeenCalledWith(ENTITY_REF);
    const items = within(region).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      'Part of Tests as required checks, due Mar 31, 2027: what is left: Tests are required checks before merge',
      'Part of Everyone at Beginner, due Jan 31, 2027: meets the goal',
    ]);
    expect(
      within(items[0]).getByRole('link', { name: 'Tests as required checks' }),
    ).toHaveAttribute('href', '/maturity?view=campaigns&campaign=c-tests');
  });

  it('names a level goal and the level the entity has, and plain titles without the org page', async () => {
    const [first] = checkoutApiCampaigns;
    const api = createFakeMaturityApi(undefined, undefined, {
      listEntityCampaigns: async () => ({
        items: [
          {
            ...first,
            campaign: {
              ...first.campaign,
              status: 'upcoming',
              startsOn: '2026-12-01',
              goal: { type: 'categoryLevel', category: 'test', level: 3 },
            },
            shortfall: { failingChecks: ['test.3.e2e-tests'], level: 2 },
          },
        ],
      }),
    });
    await render(api, false);

    const region = await screen.findByRole('region', { name: 'Campaigns' });
    expect(region).toHaveTextContent(
      'Part of Tests as required checks, due Mar 31, 2027 (starts Dec 1, 2026): what is left: reach level 3 · Intermediate in Test & Verification (now 2 · Beginner): End-to-end or acceptance suite runs in CI',
    );
    expect(within(region).queryByRole('link')).toBeNull();
  });

  it('shows nothing when the entity is in no campaign', async () => {
    const api = createFakeMaturityApi();
    await render(api);

    await screen.findByRole('region', { name: 'Summary' });
    expect(api.listEntityCampaigns).toHaveBeenCalled();
    expect(screen.queryByRole('region', { name: 'Campaigns' })).toBeNull();
  });
});
