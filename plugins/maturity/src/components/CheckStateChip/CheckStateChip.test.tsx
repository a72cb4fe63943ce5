import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { CheckStateChip } from './CheckStateChip';

describe('CheckStateChip', () => {
  it.each([
    ['pass', 'Pass'],
    ['fail', 'Fail'],
    ['insufficient-data', 'Insufficient data'],
    ['not-applicable', 'Not applicable'],
    ['exempt', 'Exempt'],
  ] as const)('names the %s state in words', async (state, label) => {
    await renderInTestApp(<CheckStateChip state={state} />);
    expect(screen.getByText(label)).toBeInTheDocument();
  });
});
