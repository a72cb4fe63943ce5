import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { checkoutApiScorecard } from '../../testing/checkoutApiScorecard';
import { CheckResultItem, observedLabel } from './CheckResultItem';

describe('CheckResultItem', () => {
  it('names observed values in words: metric titles, "sample size", facts', async () => {
    const check = checkoutApiScorecard.checks.find(
      c => c.checkId === 'culture.3.protected-default-branch',
    )!;
    await renderInTestApp(
      <ul>
        <CheckResultItem check={check} />
      </ul>,
    );

    const item = screen.getByRole('listitem', { name: check.title });
    const terms = within(item)
      .getAllByRole('term')
      .map(term => term.textContent);
    expect(terms).toEqual([
      'Direct pushes',
      'sample size',
      'branch protection',
      'branch protection required checks',
      'threshold',
    ]);
    expect(within(item).queryByText(/sampleSize/)).toBeNull();
  });

  it('names the sample by metric when a check read several', () => {
    const keys = [
      'lead_time',
      'lead_time.sampleSize',
      'rollbacks',
      'rollbacks.sampleSize',
    ];
    expect(observedLabel('lead_time.sampleSize', keys)).toBe(
      'Change lead time: sample size',
    );
    expect(observedLabel('connection.ci', ['connection.ci'])).toBe(
      'CI connected',
    );
    expect(observedLabel('custom_value', ['custom_value'])).toBe(
      'custom_value',
    );
  });
});
