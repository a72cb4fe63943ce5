import { themes } from '@backstage/theme';
import { Theme } from '@material-ui/core/styles';
import { contrastRatio } from './contrastRatio';
import { statusColor, StatusColorName } from './statusColor';

const NAMES: StatusColorName[] = ['success', 'warning', 'error', 'info'];

describe('statusColor', () => {
  it.each(['light', 'dark'] as const)(
    'stands out at least 3:1 from the paper in the %s theme',
    name => {
      const theme = themes[name].getTheme('v4') as Theme;
      for (const status of NAMES) {
        expect(
          contrastRatio(
            statusColor(theme, status),
            theme.palette.background.paper,
          ),
        ).toBeGreaterThanOrEqual(3);
      }
    },
  );

  it('keeps the palette colour where it already stands out', () => {
    const dark = themes.dark.getTheme('v4') as Theme;
    expect(statusColor(dark, 'info')).toBe(dark.palette.info.main);
  });

  it('lightens the error red on the dark paper, where it is 2.7:1', () => {
    const dark = themes.dark.getTheme('v4') as Theme;
    const paper = dark.palette.background.paper;
    expect(contrastRatio(dark.palette.error.main, paper)).toBeLessThan(3);
    expect(statusColor(dark, 'error')).not.toBe(dark.palette.error.main);
  });
});
