import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// jsdom has no ResizeObserver; recharts' ResponsiveContainer needs one.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= NoopResizeObserver;

// Full scorecards with MUI and recharts take seconds to render in jsdom when
// the whole repository's suites share two cores; 5 s is too tight there.
jest.setTimeout(30_000);

// The same load stretches the first render past testing-library's 1 s wait for
// `findBy…`; a missing element still fails, only later.
configure({ asyncUtilTimeout: 10_000 });
