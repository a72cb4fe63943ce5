import { contrastRatio, flattenColor } from './contrastRatio';

describe('flattenColor', () => {
  it('paints a translucent colour over an opaque backdrop', () => {
    expect(flattenColor('rgba(0, 0, 0, 0.87)', '#ffffff')).toBe(
      'rgb(33, 33, 33)',
    );
    expect(flattenColor('rgba(255, 255, 255, 0.08)', '#424242')).toBe(
      'rgb(81, 81, 81)',
    );
  });

  it('keeps opaque colours and applies an extra opacity', () => {
    expect(flattenColor('#9CC9FF', '#424242')).toBe('rgb(156, 201, 255)');
    expect(flattenColor('#ffffff', '#000000', 0.5)).toBe('rgb(128, 128, 128)');
  });
});

describe('contrastRatio', () => {
  it('gives the WCAG ratios of black and white', () => {
    expect(contrastRatio('#000', '#fff')).toBe(21);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
  });

  it('flattens translucent text and backgrounds before comparing', () => {
    // Material's secondary text on white, and the same grey opaque.
    expect(contrastRatio('rgba(0, 0, 0, 0.54)', '#fff')).toBeCloseTo(
      contrastRatio('rgb(117, 117, 117)', '#fff'),
      1,
    );
    // A translucent background takes what lies under it into account.
    expect(
      contrastRatio('#fff', 'rgba(156, 201, 255, 0.5)', '#424242'),
    ).toBeLessThan(contrastRatio('#fff', '#424242'));
  });
});
