import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkTitle } from '../../scorecard/categoryTitles';
import { NOW } from '../../testing/checkoutApiActivity';
import { checkoutApiExemptions } from '../../testing/checkoutApiScorecard';
import { ExemptionList } from './ExemptionList';

describe('ExemptionList', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('lists active exemptions first and tells expired ones apart in words', async () => {
    await renderInTestApp(
      <ExemptionList exemptions={checkoutApiExemptions} titleOf={checkTitle} />,
    );
    const toggle = screen.getByRole('button', {
      name: /Exemptions\s*2 active · 1 expired/,
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);

    const rows = within(
      screen.getByRole('table', { name: 'Exemptions' }),
    ).getAllByRole('row');
    expect(rows.map(row => row.getAttribute('data-status'))).toEqual([
      null,
      'active',
      'active',
      'expired',
    ]);
    expect(
      within(rows[3])
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual([
      'Feature-flag SDK present',
      'Expired',
      'Flags move to the shared config service; its SDK lands with the Q4 migration.',
      'user:default/sam.lee',
      'Aug 1, 2026',
      'Nov 1, 2026',
    ]);
    // Newest active first; no expiry is said in words.
    expect(within(rows[1]).getByText('Active')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Feb 1, 2027')).toBeInTheDocument();
    expect(within(rows[2]).getByText('Active')).toBeInTheDocument();
    expect(within(rows[2]).getByText('No expiry')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Revoke/ }),
    ).not.toBeInTheDocument();
  });

  it('offers Revoke on each exemption when allowed', async () => {
    const onRevoke = jest.fn();
    await renderInTestApp(
      <ExemptionList
        exemptions={checkoutApiExemptions}
        titleOf={checkTitle}
        onRevoke={onRevoke}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: /Exemptions/ }));
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Revoke the exemption of Feature-flag SDK present',
      }),
    );
    expect(onRevoke).toHaveBeenCalledWith(checkoutApiExemptions[0]);
  });

  it('says when there are none, and shows a load error with a retry', async () => {
    const onRetry = jest.fn();
    const { rerender } = await renderInTestApp(
      <ExemptionList exemptions={[]} titleOf={checkTitle} />,
    );
    expect(
      screen.getByRole('button', { name: /0 active · 0 expired/ }),
    ).toBeInTheDocument();

    rerender(
      <ExemptionList
        error={new Error('Database unavailable')}
        onRetry={onRetry}
        titleOf={checkTitle}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: /Exemptions/ }));
    expect(
      screen.getByText(/Could not load the exemptions/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalled();
  });
});
