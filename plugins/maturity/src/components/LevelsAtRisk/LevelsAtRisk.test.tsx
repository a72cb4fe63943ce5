import { Scorecard } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { checkoutApiScorecard } from '../../testing/checkoutApiScorecard';
import { CategoryChecks } from '../CategoryChecks';
import { CategoryLevelGrid } from '../CategoryLevelGrid';
import { CheckResultItem } from '../CheckResultItem';
import { LevelsAtRisk } from './LevelsAtRisk';

/** The fixture with design held at 2 while its checks give 1 today. */
const heldScorecard: Scorecard = {
  ...checkoutApiScorecard,
  rawOverallLevel: 2,
  categories: checkoutApiScorecard.categories.map(category =>
    category.category === 'design'
      ? {
          ...category,
          level: 2,
          rawLevel: 1,
          atRisk: {
            belowDays: 2,
            dropsOn: '2026-11-24',
            checks: ['design.2.managed-dependencies'],
          },
        }
      : { ...category, rawLevel: category.level },
  ),
};

describe('LevelsAtRisk', () => {
  it('names each category at risk, the day it drops and the checks that cause it', async () => {
    await renderInTestApp(<LevelsAtRisk scorecard={heldScorecard} />);
    expect(screen.getByRole('heading', { name: 'At risk' })).toBeVisible();
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(1);
    const design = screen.getByRole('listitem', {
      name: 'Design & Architecture at risk',
    });
    expect(design).toHaveTextContent(
      "Design & Architecture holds 2 · Beginner; today's checks give 1 · Base (2 days below). It drops on Nov 24, 2026 if still below then.",
    );
    expect(design).toHaveTextContent(
      'Caused by: Lockfile and Dependabot or Renovate configured',
    );
  });

  it('renders nothing when no category is at risk', async () => {
    await renderInTestApp(
      <div data-testid="host">
        <LevelsAtRisk scorecard={checkoutApiScorecard} />
      </div>,
    );
    expect(screen.getByTestId('host')).toBeEmptyDOMElement();
  });

  it('marks the held level in the level grid', async () => {
    await renderInTestApp(<CategoryLevelGrid scorecard={heldScorecard} />);
    const design = screen.getByRole('row', { name: /^Design &/ });
    expect(within(design).getByText('At risk: 1 · Base today')).toBeVisible();
    const culture = screen.getByRole('row', { name: /^Culture &/ });
    expect(within(culture).queryByText(/At risk/)).toBeNull();
  });
});

describe('the checks of a category at risk', () => {
  it('say when it drops, in the category summary', async () => {
    await renderInTestApp(<CategoryChecks scorecard={heldScorecard} />);
    expect(
      screen.getByText('At risk: drops to 1 · Base on Nov 24, 2026'),
    ).toBeVisible();
    expect(screen.getAllByText(/At risk/)).toHaveLength(1);
  });
});

describe('an advisory check', () => {
  it('shows its state and the day it starts counting', async () => {
    const check = {
      ...checkoutApiScorecard.checks.find(
        c => c.checkId === 'design.2.api-described',
      )!,
      state: 'fail' as const,
      countsFrom: '2026-12-07',
    };
    await renderInTestApp(
      <ul>
        <CheckResultItem check={check} />
      </ul>,
    );
    const item = screen.getByRole('listitem', { name: check.title });
    expect(
      within(item).getByText('Advisory: counts from Dec 7, 2026'),
    ).toBeVisible();
    expect(within(item).getByText('Fail')).toBeVisible();
  });

  it('has no advisory mark once it counts', async () => {
    const check = checkoutApiScorecard.checks.find(
      c => c.checkId === 'design.2.api-described',
    )!;
    await renderInTestApp(
      <ul>
        <CheckResultItem check={check} />
      </ul>,
    );
    expect(screen.queryByText(/Advisory/)).toBeNull();
  });
});
