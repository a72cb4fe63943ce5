import { alpha, Theme } from '@material-ui/core/styles';
import { contrastRatio, flattenColor, TEXT_CONTRAST } from './contrastRatio';

/**
 * Of `preferred`, the first that reaches text contrast on `background`; else
 * the most contrasting of `preferred` and `fallback`.
 */
function readableText(
  background: string,
  preferred: string[],
  fallback: string[],
): string {
  const readable = preferred.find(
    c => contrastRatio(c, background) >= TEXT_CONTRAST,
  );
  if (readable) {
    return readable;
  }
  const all = [...preferred, ...fallback];
  const ratios = all.map(c => contrastRatio(c, background));
  return all[ratios.indexOf(Math.max(...ratios))];
}

/**
 * Background and text colour of a heatmap cell for a (median) level 0–5: the
 * theme's primary colour, stronger the higher the level, on the paper
 * colour; the hover tint when there is no level. The background is opaque
 * (flattened onto the paper), and the text colour is whichever of the
 * theme's text colours is readable on it (at least 4.5:1), in light and
 * dark themes alike.
 */
export function levelShade(
  theme: Theme,
  level: number | null | undefined,
): { background: string; color: string } {
  const { palette } = theme;
  const paper = palette.background.paper;
  const blackAndWhite = [palette.common.black, palette.common.white];
  if (level === null || level === undefined) {
    const background = flattenColor(palette.action.hover, paper);
    return {
      background,
      color: readableText(
        background,
        [palette.text.secondary, palette.text.primary],
        blackAndWhite,
      ),
    };
  }
  const strength = Math.min(Math.max(level, 0), 5) / 5;
  const background = flattenColor(
    alpha(palette.primary.main, 0.08 + 0.82 * strength),
    paper,
  );
  // The stronger of the theme's text colour and the primary colour's
  // contrast text: dark text on light shades, light text on strong ones.
  const [text, contrastText] = [
    palette.text.primary,
    palette.getContrastText(palette.primary.main),
  ];
  const preferred =
    contrastRatio(text, background) >= contrastRatio(contrastText, background)
      ? [text, contrastText]
      : [contrastText, text];
  return {
    background,
    color: readableText(background, preferred, blackAndWhite),
  };
}
