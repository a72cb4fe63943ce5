import { renderInTestApp } from '@backstage/test-utils';
import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkTitle } from '../../scorecard/categoryTitles';
import { ENTITY_REF, NOW } from '../../testing/checkoutApiActivity';
import { checkoutApiExemptions } from '../../testing/checkoutApiScorecard';
import { ExemptionList } from './ExemptionList';

const GUEST = 'user:default/guest';

/** A request by the guest and one by someone else, and a denied one. */
const requests: Exemption[] = [
  {
    id: 'ex-own',
    entityRef: ENTITY_REF,
    checkId: 'test.3.e2e-tests',
    reason: 'Storefront runs them',
    status: 'requested',
    author: GUEST,
    createdAt: '2026-11-20T00:00:00.000Z',
  },
  {
    id: 'ex-other',
    entityRef: ENTITY_REF,
    checkId: 'culture.3.codeowners',
    reason: 'Owned by one person',
    status: 'requested',
    author: 'user:default/sam.lee',
    createdAt: '2026-11-21T00:00:00.000Z',
    requestedExpiresAt: '2027-01-01T00:00:00.000Z',
    expiresAt: '2027-01-01T00:00:00.000Z',
  },
  {
    id: 'ex-denied',
    entityRef: ENTITY_REF,
    checkId: 'culture.3.codeowners',
    reason: 'Too small a team',
    status: 'denied',
    author: 'user:default/sam.lee',
    createdAt: '2026-10-21T00:00:00.000Z',
    decidedBy: 'user:default/jane.doe',
    decidedAt: '2026-10-22T00:00:00.000Z',
    decisionComment: 'Add a second owner',
  },
];

describe('ExemptionList', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('lists requests first, then approved, then ended ones, in words', async () => {
    await renderInTestApp(
      <ExemptionList
        exemptions={[...checkoutApiExemptions, ...requests]}
        titleOf={checkTitle}
      />,
    );
    const toggle = screen.getByRole('button', {
      name: /Exemptions\s*2 requested · 2 approved · 2 ended/,
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);

    const rows = within(
      screen.getByRole('table', { name: 'Exemptions' }),
    ).getAllByRole('row');
    // Newest first within each group; an approved exemption past its expiry
    // reads as expired.
    expect(rows.map(row => row.getAttribute('data-status'))).toEqual([
      null,
      'requested',
      'requested',
      'approved',
      'approved',
      'denied',
      'expired',
    ]);
    expect(
      within(rows[5])
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual([
      'CODEOWNERS present',
      'Denied',
      'Too small a team',
      'user:default/sam.lee',
      'Oct 21, 2026',
      'user:default/jane.doe: Add a second owner',
      'No expiry',
      '',
    ]);
    expect(screen.queryByRole('button')).toBe(toggle);
  });

  it('offers decisions on others’ requests, withdrawal of one’s own, and revocation of approved ones', async () => {
    const onDecide = jest.fn();
    const onWithdraw = jest.fn();
    const onRevoke = jest.fn();
    await renderInTestApp(
      <ExemptionList
        exemptions={[...checkoutApiExemptions, ...requests]}
        titleOf={checkTitle}
        currentUser={GUEST}
        onDecide={onDecide}
        onWithdraw={onWithdraw}
        onRevoke={onRevoke}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: /Exemptions/ }));
    // Nobody decides their own request.
    expect(
      screen.queryByRole('button', {
        name: `Decide the exemption request for ${checkTitle(
          'test.3.e2e-tests',
        )}`,
      }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Decide the exemption request for CODEOWNERS present',
      }),
    );
    expect(onDecide).toHaveBeenCalledWith(requests[1]);
    await userEvent.click(
      screen.getByRole('button', {
        name: /^Withdraw the exemption request for /,
      }),
    );
    expect(onWithdraw).toHaveBeenCalledWith(requests[0]);
    // Revoke on the two approved ones only, not on the expired one.
    expect(
      screen.getAllByRole('button', { name: /^Revoke the exemption of / }),
    ).toHaveLength(2);
    expect(
      screen.queryByRole('button', {
        name: 'Revoke the exemption of Feature-flag SDK present',
      }),
    ).not.toBeInTheDocument();
  });

  it('shows the history of changes, newest first, with the system named', async () => {
    await renderInTestApp(
      <ExemptionList
        exemptions={requests}
        events={[
          {
            exemptionId: 'ex-denied',
            entityRef: ENTITY_REF,
            checkId: 'culture.3.codeowners',
            action: 'denied',
            actor: 'user:default/jane.doe',
            at: '2026-10-22T00:00:00.000Z',
            comment: 'Add a second owner',
          },
          {
            exemptionId: 'ex-auto',
            entityRef: ENTITY_REF,
            checkId: 'test.3.e2e-tests',
            action: 'approved',
            actor: 'system',
            at: '2026-10-21T00:00:00.000Z',
          },
        ]}
        titleOf={checkTitle}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: /Exemptions/ }));
    const history = within(
      screen.getByRole('table', { name: 'Exemption history' }),
    ).getAllByRole('row');
    expect(
      history.slice(1).map(row =>
        within(row)
          .getAllByRole('cell')
          .map(cell => cell.textContent),
      ),
    ).toEqual([
      [
        'Oct 22, 2026',
        'CODEOWNERS present',
        'Denied',
        'user:default/jane.doe',
        'Add a second owner',
      ],
      [
        'Oct 21, 2026',
        checkTitle('test.3.e2e-tests'),
        'Approved',
        'System',
        '',
      ],
    ]);
  });

  it('says when there are none, and shows a load error with a retry', async () => {
    const onRetry = jest.fn();
    const { rerender } = await renderInTestApp(
      <ExemptionList exemptions={[]} titleOf={checkTitle} />,
    );
    expect(
      screen.getByRole('button', {
        name: /0 requested · 0 approved · 0 ended/,
      }),
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
