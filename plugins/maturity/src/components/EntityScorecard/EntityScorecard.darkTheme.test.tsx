import { themes, UnifiedThemeProvider } from '@backstage/theme';
import { Theme } from '@material-ui/core/styles';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { maturityApiRef } from '../../api/MaturityApi';
import {
  createFakeMaturityApi,
  ENTITY_REF,
  NOW,
} from '../../testing/checkoutApiActivity';
import { checkoutApiScorecard } from '../../testing/checkoutApiScorecard';
import { AppBackground } from '../../testing/AppBackground';
import { contrastFailures } from '../../testing/renderedContrast';
import { EntityScorecard } from './EntityScorecard';

const dark = themes.dark.getTheme('v4') as Theme;

// checkout-api with one Design check not applicable, so every state shows.
const scorecard = {
  ...checkoutApiScorecard,
  checks: checkoutApiScorecard.checks.map(check =>
    check.checkId === 'design.4.independent-deploys'
      ? { ...check, state: 'not-applicable' as const, observed: {} }
      : check,
  ),
};

// Computing styles in jsdom takes seconds for a few hundred elements.
jest.setTimeout(120_000);

describe('EntityScorecard in the dark theme', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('draws text at 4.5:1 and icons at 3:1: headline, level grid, every check state, exemptions', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            maturityApiRef,
            createFakeMaturityApi(undefined, undefined, {
              getScorecard: async () => scorecard,
            }),
          ],
          [
            permissionApiRef,
            mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
          ],
        ]}
      >
        <UnifiedThemeProvider theme={themes.dark}>
          <AppBackground>
            <EntityScorecard entityRef={ENTITY_REF} />
          </AppBackground>
        </UnifiedThemeProvider>
      </TestApiProvider>,
    );
    await screen.findByRole('region', { name: 'Summary' });
    // Culture has passing, failing, exempt and data-lacking checks; Design
    // adds a not-applicable one. Every category would only be slower.
    await userEvent.click(
      screen.getByRole('button', { name: /^Culture & Organization/ }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: /^Design & Architecture/ }),
    );
    await userEvent.click(screen.getByRole('button', { name: /^Exemptions/ }));
    for (const label of [
      'Pass',
      'Fail',
      'Exempt',
      'Insufficient data',
      'Not applicable',
    ]) {
      expect(screen.getAllByText(label).length).toBeGreaterThan(0);
    }
    expect(screen.getByText('Expired')).toBeInTheDocument();

    const page = dark.palette.background.default;
    const failures = [
      screen.getByRole('region', { name: 'Summary' }),
      screen.getByRole('table', { name: 'Levels by category' }),
      screen.getByRole('region', { name: 'Checks' }),
      screen.getByRole('region', { name: /^Exemptions/ }),
    ].map(region => contrastFailures(region, page));
    expect(failures).toEqual(Array(4).fill({ text: [], icons: [] }));
  });
});
