import { themes, UnifiedThemeProvider } from '@backstage/theme';
import { Theme } from '@material-ui/core/styles';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { maturityApiRef } from '../../api/MaturityApi';
import { createFakeMaturityApi, NOW } from '../../testing/checkoutApiActivity';
import { AppBackground } from '../../testing/AppBackground';
import { contrastFailures } from '../../testing/renderedContrast';
import { acmeRollup } from '../../testing/rollupFixtures';
import { MaturityPage } from './MaturityPage';

const dark = themes.dark.getTheme('v4') as Theme;

// Computing styles in jsdom takes seconds for a few hundred elements.
jest.setTimeout(120_000);

describe('MaturityPage in the dark theme', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('draws the org rollup, the expanded heatmap and a sub-group error readably', async () => {
    const api = createFakeMaturityApi(undefined, undefined, {
      getRollup: async scopeRef => {
        if (scopeRef === 'group:default/acme') {
          return acmeRollup;
        }
        throw new Error('Database unavailable');
      },
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [maturityApiRef, api],
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <UnifiedThemeProvider theme={themes.dark}>
          <AppBackground>
            <MaturityPage />
          </AppBackground>
        </UnifiedThemeProvider>
      </TestApiProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    const heatmap = await screen.findByRole('table', {
      name: 'Teams by category (median level)',
    });
    await userEvent.click(
      within(heatmap).getByRole('button', { name: 'Expand acme' }),
    );
    await userEvent.click(
      await within(heatmap).findByRole('button', { name: 'Expand payments' }),
    );
    expect(
      await within(heatmap).findByText(
        'Could not load the sub-groups: Database unavailable',
      ),
    ).toBeInTheDocument();

    // The page header is Backstage's own, on its theme's gradient image.
    const page = dark.palette.background.default;
    const failures = [
      heatmap,
      screen.getByRole('group', { name: 'Legend: median level' }),
      screen.getByRole('region', { name: 'Organisation' }),
      screen.getByRole('table', { name: 'Failing or waived checks' }),
      screen.getByRole('region', { name: 'Improved (1)' }),
      screen.getByRole('region', { name: 'Dropped (1)' }),
    ].map(region => contrastFailures(region, page));
    expect(failures).toEqual(Array(6).fill({ text: [], icons: [] }));
  });
});
