import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { checkoutApiHistory } from '../../testing/checkoutApiScorecard';
import { MaturityTrendChart } from './MaturityTrendChart';

describe('MaturityTrendChart', () => {
  it('states the change of the overall level in words', async () => {
    await renderInTestApp(<MaturityTrendChart history={checkoutApiHistory} />);

    expect(screen.getByText('Trend, last 180 days')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Overall level 1 (Base) on Jun 1, 2026, 2 (Beginner) on Nov 23, 2026.',
      ),
    ).toBeInTheDocument();
  });

  it('explains why there is no trend with fewer than two points', async () => {
    await renderInTestApp(
      <MaturityTrendChart history={checkoutApiHistory.slice(-1)} />,
    );

    expect(screen.getByText('Not enough history yet')).toBeInTheDocument();
    expect(screen.getByText(/there is one so far/)).toBeInTheDocument();
  });
});
