import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LoadErrorPanel } from './LoadErrorPanel';

describe('LoadErrorPanel', () => {
  it('shows what failed and why, and loads again on Try again', async () => {
    const onRetry = jest.fn();

    await renderInTestApp(
      <LoadErrorPanel
        title="Could not load the rollup"
        error={new Error('Store is down')}
        onRetry={onRetry}
      />,
    );

    expect(screen.getByText(/Could not load the rollup/)).toBeInTheDocument();
    expect(screen.getAllByText(/Store is down/)[0]).toBeInTheDocument();
    expect(onRetry).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
