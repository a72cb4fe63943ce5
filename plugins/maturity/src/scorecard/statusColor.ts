import { darken, lighten, Theme } from '@material-ui/core/styles';
import { contrastRatio, GRAPHIC_CONTRAST } from './contrastRatio';

/** The theme's status colours. */
export type StatusColorName = 'success' | 'warning' | 'error' | 'info';

/**
 * A status colour for icons, chip borders and other graphics next to text:
 * the palette's `main` colour, lightened (dark theme) or darkened (light
 * theme) in small steps until it stands out at least 3:1 from the paper.
 * MUI's default `error.main` is 2.7:1 on Backstage's dark paper and
 * `warning.main` 2.2:1 on white. Not for text: text stays in the theme's
 * text colours, with the status said in words.
 */
export function statusColor(theme: Theme, name: StatusColorName): string {
  const { palette } = theme;
  const main = palette[name].main;
  const paper = palette.background.paper;
  const shift = palette.type === 'dark' ? lighten : darken;
  for (let step = 0; step <= 10; step++) {
    const color = step === 0 ? main : shift(main, step / 10);
    if (contrastRatio(color, paper) >= GRAPHIC_CONTRAST) {
      return color;
    }
  }
  return palette.text.primary;
}
