import {
  decomposeColor,
  getContrastRatio,
  recomposeColor,
} from '@material-ui/core/styles';

/**
 * What the eye sees of `color` painted over the opaque `backdrop`: an opaque
 * `rgb()` colour. Translucent theme colours (`rgba(0, 0, 0, 0.87)` text,
 * `rgba(255, 255, 255, 0.08)` hover) only have a contrast once flattened.
 * `opacity` is an extra factor, as CSS `opacity` on the element would apply.
 */
export function flattenColor(
  color: string,
  backdrop: string,
  opacity = 1,
): string {
  const top = decomposeColor(color);
  const bottom = decomposeColor(backdrop);
  if (!top.type.startsWith('rgb') || !bottom.type.startsWith('rgb')) {
    throw new Error(`Only hex and rgb colours are supported: ${color}`);
  }
  const a = (top.type === 'rgba' ? top.values[3] ?? 1 : 1) * opacity;
  const values = [0, 1, 2].map(i =>
    Math.round(top.values[i] * a + bottom.values[i] * (1 - a)),
  );
  return recomposeColor({
    type: 'rgb',
    values: values as [number, number, number],
  });
}

/**
 * WCAG 2 contrast ratio (1–21) of text in `foreground` on `background`.
 * Either may be translucent: the background is flattened over `backdrop`
 * (what lies under it, e.g. the paper colour), the text over the result.
 */
export function contrastRatio(
  foreground: string,
  background: string,
  backdrop: string = background,
): number {
  const under = flattenColor(background, flattenColor(backdrop, '#000'));
  return getContrastRatio(flattenColor(foreground, under), under);
}

/** WCAG AA minimum for body text. */
export const TEXT_CONTRAST = 4.5;

/** WCAG AA minimum for icons, borders and other graphics. */
export const GRAPHIC_CONTRAST = 3;
