import { themes } from '@backstage/theme';
import { decomposeColor, Theme } from '@material-ui/core/styles';
import { contrastRatio } from './contrastRatio';
import { levelShade } from './levelShade';

/** No level, and 0 to 5 in tenths (medians are fractional). */
const LEVELS = [null, ...Array.from({ length: 51 }, (_, i) => i / 10)];

describe.each(['light', 'dark'] as const)(
  'levelShade in the %s theme',
  name => {
    const theme = themes[name].getTheme('v4') as Theme;

    it('gives every level an opaque background with text at 4.5:1 or more', () => {
      const unreadable = LEVELS.map(level => ({
        level,
        ...levelShade(theme, level),
      }))
        .map(shade => ({
          ...shade,
          ratio: contrastRatio(shade.color, shade.background),
        }))
        .filter(
          shade =>
            shade.ratio < 4.5 ||
            decomposeColor(shade.background).type !== 'rgb',
        );
      expect(unreadable).toEqual([]);
    });

    it('shades higher levels further from the paper', () => {
      const paper = theme.palette.background.paper;
      const distance = (level: number) =>
        contrastRatio(levelShade(theme, level).background, paper);
      for (let level = 1; level <= 5; level++) {
        expect(distance(level)).toBeGreaterThan(distance(level - 1));
      }
    });
  },
);
