import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
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

  it('says when the held level hid a dip, which the dashed raw line shows', async () => {
    const held = checkoutApiHistory.map((point, i) => ({
      ...point,
      rawOverallLevel: i === 3 ? (1 as const) : point.overallLevel,
    }));
    await renderInTestApp(<MaturityTrendChart history={held} />);
    expect(
      screen.getByText(/The dashed line is the raw level/),
    ).toBeInTheDocument();
  });

  it('draws no raw line when raw and held levels agree', async () => {
    await renderInTestApp(<MaturityTrendChart history={checkoutApiHistory} />);
    expect(screen.queryByText(/dashed line/)).toBeNull();
  });

  it('draws each category in a small chart of its own, with its change in words', async () => {
    const history = [
      checkoutApiHistory[0],
      {
        ...checkoutApiHistory[4],
        categoryLevels: {
          ...checkoutApiHistory[4].categoryLevels,
          'build-deploy': 3 as const,
          test: 1 as const,
        },
      },
    ];
    await renderInTestApp(<MaturityTrendChart history={history} />);

    // The overall level has a chart of its own, not shared with categories.
    expect(
      screen.getByRole('img', {
        name: 'Overall level: 1 (Base) on Jun 1, 2026, 2 (Beginner) on Nov 23, 2026',
      }),
    ).toBeInTheDocument();
    const multiples = screen.getByRole('list', {
      name: 'By category (level 0–5)',
    });
    const figures = within(multiples).getAllByRole('figure');
    expect(figures.map(f => f.getAttribute('aria-label'))).toEqual([
      'Culture & Organization',
      'Design & Architecture',
      'Build & Deploy',
      'Test & Verification',
      'Information & Reporting',
    ]);
    const build = within(multiples).getByRole('figure', {
      name: 'Build & Deploy',
    });
    expect(
      within(build).getByRole('img', {
        name: 'Build & Deploy: 1 (Base) on Jun 1, 2026, 3 (Intermediate) on Nov 23, 2026',
      }),
    ).toBeInTheDocument();
    expect(within(build).getByText('1 → 3')).toBeInTheDocument();
    // A category that did not move says so with one number.
    const test = within(multiples).getByRole('figure', {
      name: 'Test & Verification',
    });
    expect(within(test).getByText('1')).toBeInTheDocument();
    expect(within(test).queryByText(/→/)).toBeNull();
  });

  it('explains why there is no trend with fewer than two points', async () => {
    await renderInTestApp(
      <MaturityTrendChart history={checkoutApiHistory.slice(-1)} />,
    );

    expect(screen.getByText('Not enough history yet')).toBeInTheDocument();
    expect(screen.getByText(/there is one so far/)).toBeInTheDocument();
  });
});
