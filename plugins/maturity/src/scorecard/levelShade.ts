import { alpha, Theme } from '@material-ui/core/styles';

/**
 * Background and text colour of a heatmap cell for a (median) level 0–5: the
 * theme's primary colour, stronger the higher the level; the divider colour
 * when there is no level.
 */
export function levelShade(
  theme: Theme,
  level: number | null | undefined,
): { background: string; color: string } {
  if (level === null || level === undefined) {
    return {
      background: theme.palette.action.hover,
      color: theme.palette.text.secondary,
    };
  }
  const strength = Math.min(Math.max(level, 0), 5) / 5;
  const background = alpha(theme.palette.primary.main, 0.08 + 0.82 * strength);
  return {
    background,
    color:
      strength >= 0.5
        ? theme.palette.getContrastText(theme.palette.primary.main)
        : theme.palette.text.primary,
  };
}
