import { themes, UnifiedThemeProvider } from '@backstage/theme';
import { Theme } from '@material-ui/core/styles';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { maturityApiRef } from '../../api/MaturityApi';
import { overviewRouteRef } from '../../routes';
import { createFakeMaturityApi, NOW } from '../../testing/checkoutApiActivity';
import { AppBackground } from '../../testing/AppBackground';
import { contrastFailures } from '../../testing/renderedContrast';
import { acmeRollup, mlTeamRollup } from '../../testing/rollupFixtures';
import { EntityMaturityRollupContent } from './EntityMaturityRollupContent';

const acme: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'acme', namespace: 'default' },
  spec: { type: 'organization', children: [] },
};

/**
 * acme's rollup with one more team whose medians span the whole scale, and
 * ML entities.
 */
const rollup = {
  ...acmeRollup,
  mlops: mlTeamRollup.mlops,
  children: [
    ...acmeRollup.children,
    {
      scopeRef: 'group:default/platform',
      entityCount: 4,
      overallMedian: 4.5,
      categoryMedians: {
        culture: 5,
        design: 4,
        'build-deploy': 3.5,
        test: 0,
        information: 0.5,
      },
    },
  ],
};

const dark = themes.dark.getTheme('v4') as Theme;

// Computing styles in jsdom takes seconds for a few hundred elements.
jest.setTimeout(120_000);

describe('EntityMaturityRollupContent in the dark theme', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('draws heatmap cells, summary, failing checks, MLOps levels and movers readably', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            maturityApiRef,
            createFakeMaturityApi(undefined, undefined, {
              getRollup: async () => rollup,
            }),
          ],
        ]}
      >
        <UnifiedThemeProvider theme={themes.dark}>
          <AppBackground>
            <EntityProvider entity={acme}>
              <EntityMaturityRollupContent />
            </EntityProvider>
          </AppBackground>
        </UnifiedThemeProvider>
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
          // With the org page, counts and heatmap cells are links.
          '/maturity': overviewRouteRef,
        },
      },
    );

    const heatmap = await screen.findByRole('table', {
      name: 'Sub-groups by category (median level)',
    });
    const platform = within(heatmap).getByRole('row', { name: /^platform/ });
    expect(
      within(platform)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(['platform', '4', '4.5', '5', '4', '3.5', '0', '0.5']);
    expect(within(platform).getAllByRole('link')).toHaveLength(7);

    const page = dark.palette.background.default;
    const failures = [
      heatmap,
      screen.getByRole('group', { name: 'Legend: median level' }),
      screen.getByRole('region', { name: 'Summary' }),
      screen.getByRole('table', { name: 'Overall level distribution' }),
      screen.getByRole('table', { name: 'Failing or waived checks' }),
      screen.getByRole('region', { name: 'Improved (1)' }),
      screen.getByRole('region', { name: 'Dropped (1)' }),
      screen.getByRole('region', { name: 'MLOps levels' }),
    ].map(region => contrastFailures(region, page));
    expect(failures).toEqual(Array(8).fill({ text: [], icons: [] }));
  });
});
