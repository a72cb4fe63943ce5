import { themes, UnifiedThemeProvider } from '@backstage/theme';
import { Theme } from '@material-ui/core/styles';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { AppBackground } from '../../testing/AppBackground';
import { contrastFailures } from '../../testing/renderedContrast';
import {
  recommendationModelMlopsChecks,
  recommendationModelScorecard,
} from '../../testing/recommendationModelScorecard';
import { checkoutApiScorecard } from '../../testing/checkoutApiScorecard';
import { MlopsPanel } from './MlopsPanel';

// Computing styles in jsdom takes seconds for a few hundred elements.
jest.setTimeout(60_000);

describe('MlopsPanel contrast', () => {
  it.each([
    ['light', themes.light],
    ['dark', themes.dark],
  ])(
    'draws text at 4.5:1 and icons at 3:1 in the %s theme',
    async (_name, theme) => {
      // Every check state the panel can show.
      const states = ['pass', 'exempt', 'insufficient-data', 'not-applicable'];
      const checks = recommendationModelMlopsChecks.map((check, index) =>
        index > 0 && index < 4
          ? { ...check, state: states[index] as typeof check.state }
          : check,
      );
      await renderInTestApp(
        <UnifiedThemeProvider theme={theme}>
          <AppBackground>
            <MlopsPanel
              scorecard={{
                ...recommendationModelScorecard,
                checks: [...checkoutApiScorecard.checks, ...checks],
              }}
            />
          </AppBackground>
        </UnifiedThemeProvider>,
      );
      const page = (theme.getTheme('v4') as Theme).palette.background.default;
      expect(
        contrastFailures(screen.getByRole('region', { name: 'MLOps' }), page),
      ).toEqual({ text: [], icons: [] });
    },
  );
});
