import {
  contrastRatio,
  flattenColor,
  GRAPHIC_CONTRAST,
  TEXT_CONTRAST,
} from '../scorecard/contrastRatio';

/** A piece of rendered text or an icon whose contrast is below the minimum. */
export interface ContrastFailure {
  /** The text, or `svg` and its test id or class for an icon. */
  what: string;
  ratio: number;
  foreground: string;
  background: string;
}

/** getComputedStyle is slow in jsdom; one sweep asks for each element once. */
type StyleOf = (element: Element) => CSSStyleDeclaration;

function cachedStyles(): StyleOf {
  const cache = new WeakMap<Element, CSSStyleDeclaration>();
  return element => {
    let style = cache.get(element);
    if (!style) {
      style = getComputedStyle(element);
      cache.set(element, style);
    }
    return style;
  };
}

function isTransparent(color: string): boolean {
  return (
    !color ||
    color === 'transparent' ||
    /^rgba\(.*,\s*0\)$/.test(color.replace(/\s+/g, ' '))
  );
}

/**
 * The colour an element is drawn in and the opaque colour behind it, from
 * the styles jsdom computes (JSS class rules and inline styles alike): the
 * background colours of the element and its ancestors painted over
 * `pageBackground`, and the element's `color` painted over that, faded by
 * the `opacity` of it and its ancestors. Background images are ignored, so
 * only use it on content that has none.
 */
export function renderedColors(
  element: Element,
  pageBackground: string,
  styleOf: StyleOf = getComputedStyle,
): { foreground: string; background: string } {
  const layers: string[] = [];
  let opacity = 1;
  for (let el: Element | null = element; el; el = el.parentElement) {
    const style = styleOf(el);
    if (style.opacity !== '') {
      opacity *= Number(style.opacity);
    }
    if (!isTransparent(style.backgroundColor)) {
      layers.push(style.backgroundColor);
    }
  }
  let background = pageBackground;
  for (const layer of layers.reverse()) {
    background = flattenColor(layer, background);
  }
  const foreground = flattenColor(styleOf(element).color, background, opacity);
  return { foreground, background };
}

/** Disabled controls are exempt from WCAG contrast minimums. */
function isDisabled(element: Element): boolean {
  return !!element.closest('[disabled], [aria-disabled="true"], .Mui-disabled');
}

/** Clipped to a pixel for screen readers only. */
function isVisuallyHidden(element: Element, styleOf: StyleOf): boolean {
  for (let el: Element | null = element; el; el = el.parentElement) {
    const style = styleOf(el);
    if (style.display === 'none' || style.visibility === 'hidden') {
      return true;
    }
    if (
      style.clip === 'rect(0 0 0 0)' ||
      style.clip === 'rect(0px 0px 0px 0px)'
    ) {
      return true;
    }
  }
  return false;
}

/**
 * What under `root` is drawn below WCAG AA contrast against what is behind
 * it: text (elements with text of their own) below 4.5:1, and icons (`svg`)
 * below 3:1. Disabled controls and screen-reader-only text are skipped, as
 * WCAG exempts them.
 */
export function contrastFailures(
  root: Element,
  pageBackground: string,
): { text: ContrastFailure[]; icons: ContrastFailure[] } {
  const styleOf = cachedStyles();
  const text: ContrastFailure[] = [];
  const icons: ContrastFailure[] = [];
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const isIcon = element.tagName.toLowerCase() === 'svg';
    const ownText = Array.from(element.childNodes)
      .filter(node => node.nodeType === node.TEXT_NODE)
      .map(node => node.textContent ?? '')
      .join('')
      .trim();
    if (
      (!isIcon && !ownText) ||
      isDisabled(element) ||
      isVisuallyHidden(element, styleOf)
    ) {
      continue;
    }
    const { foreground, background } = renderedColors(
      element,
      pageBackground,
      styleOf,
    );
    const ratio = contrastRatio(foreground, background);
    if (isIcon && ratio < GRAPHIC_CONTRAST) {
      icons.push({
        what: `svg ${element.getAttribute('class') ?? ''}`.trim(),
        ratio,
        foreground,
        background,
      });
    } else if (!isIcon && ratio < TEXT_CONTRAST) {
      text.push({ what: ownText, ratio, foreground, background });
    }
  }
  return { text, icons };
}
