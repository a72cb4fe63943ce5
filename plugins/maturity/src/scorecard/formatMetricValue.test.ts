import { formatMetricValue } from './formatMetricValue';

describe('formatMetricValue', () => {
  it.each([
    [0.2727, 'ratio', '27.3%'],
    [166.6, 'hours', '6.9 days'],
    [5.45, 'hours', '5.5 h'],
    [0.25, 'hours', '15 min'],
    [16.78, 'minutes', '17 min'],
    [0.5, 'deploy-days-per-week', '0.5 deploy-days/week'],
    [6, 'days-per-week', '6 days/week'],
    [194, 'count', '194'],
  ] as const)('formats %p %s as %s', (value, unit, expected) => {
    expect(formatMetricValue(value, unit)).toBe(expected);
  });
});
