import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CategoryId,
  MaturityLevel,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { screen, within } from '@testing-library/react';
import { MaturityApi, maturityApiRef } from '../../api/MaturityApi';
import {
  createFakeMaturityApi,
  ENTITY_REF,
  NOW,
} from '../../testing/checkoutApiActivity';
import { checkoutApiScorecard } from '../../testing/checkoutApiScorecard';
import { EntityScorecard } from './EntityScorecard';

function render(api: MaturityApi) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [maturityApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
        ],
      ]}
    >
      <EntityScorecard entityRef={ENTITY_REF} />
    </TestApiProvider>,
  );
}

const levels = Object.fromEntries(
  checkoutApiScorecard.categories.map(c => [c.category, c.level]),
) as Record<CategoryId, MaturityLevel>;

/** The checkout API, its culture level standing only through a waiver. */
const waived: Scorecard = {
  ...checkoutApiScorecard,
  levelsWithoutWaivers: {
    overallLevel: 1,
    categoryLevels: { ...levels, culture: 1 },
  },
};

const levelReached = (row: HTMLElement) =>
  row.querySelectorAll('td')[5].textContent;

describe('EntityScorecard: levels without waivers', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('says which level a category would have without waivers, where it differs', async () => {
    expect(levels.culture).toBe(2);
    const api = createFakeMaturityApi();
    api.getScorecard.mockResolvedValue(waived);
    await render(api);

    const grid = await screen.findByRole('table', {
      name: 'Levels by category',
    });
    const culture = within(grid).getByRole('row', {
      name: /Culture & Organization/,
    });
    expect(levelReached(culture)).toBe('2 · BeginnerWithout waivers: 1 · Base');
    const design = within(grid).getByRole('row', {
      name: /Design & Architecture/,
    });
    expect(within(design).queryByText(/Without waivers/)).toBeNull();
    expect(within(grid).getAllByText(/Without waivers/)).toHaveLength(1);

    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(
      within(summary).getByText('Without waivers: 1 · Base'),
    ).toBeInTheDocument();
  });

  it('says nothing when waivers lift no level, or the scorecard predates them', async () => {
    for (const scorecard of [
      {
        ...checkoutApiScorecard,
        levelsWithoutWaivers: {
          overallLevel: checkoutApiScorecard.overallLevel,
          categoryLevels: levels,
        },
      },
      checkoutApiScorecard,
    ]) {
      const api = createFakeMaturityApi();
      api.getScorecard.mockResolvedValue(scorecard);
      const { unmount } = await render(api);
      await screen.findByRole('table', { name: 'Levels by category' });
      expect(screen.queryByText(/Without waivers/)).toBeNull();
      unmount();
    }
  });
});
