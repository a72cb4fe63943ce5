import { renderInTestApp } from '@backstage/test-utils';
import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ENTITY_REF, NOW } from '../../testing/checkoutApiActivity';
import { DecideExemptionDialog } from './DecideExemptionDialog';
import { validateApprovalExpiry } from './validateDecision';

const request: Exemption = {
  id: 'ex-9',
  entityRef: ENTITY_REF,
  checkId: 'culture.4.feature-flags',
  reason: 'Flags move to the config service',
  status: 'requested',
  author: 'user:default/sam.lee',
  createdAt: '2026-11-20T00:00:00.000Z',
  requestedExpiresAt: '2027-03-01T00:00:00.000Z',
  expiresAt: '2027-03-01T00:00:00.000Z',
};

async function render(
  onApprove = jest.fn().mockResolvedValue(undefined),
  onDeny = jest.fn().mockResolvedValue(undefined),
) {
  await renderInTestApp(
    <DecideExemptionDialog
      target={{ exemption: request, checkTitle: 'Feature-flag SDK present' }}
      onClose={jest.fn()}
      onApprove={onApprove}
      onDeny={onDeny}
    />,
  );
  return { onApprove, onDeny };
}

describe('DecideExemptionDialog', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('shows the request and approves it with a shorter expiry and a comment', async () => {
    const { onApprove, onDeny } = await render();
    const dialog = screen.getByRole('dialog', {
      name: 'Decide the exemption request for “Feature-flag SDK present”',
    });
    expect(dialog).toHaveTextContent(
      'Reason: Flags move to the config service',
    );
    expect(dialog).toHaveTextContent(
      'Requested by user:default/sam.lee on Nov 20, 2026, until Mar 1, 2027.',
    );
    expect(
      screen.getByLabelText('Expires on (optional, for an approval)'),
    ).toHaveAttribute('max', '2027-03-01');
    await userEvent.type(
      screen.getByLabelText('Expires on (optional, for an approval)'),
      '2027-01-15',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: /Comment/ }),
      ' Until the migration ',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() =>
      expect(onApprove).toHaveBeenCalledWith({
        expiresAt: '2027-01-15T00:00:00.000Z',
        comment: 'Until the migration',
      }),
    );
    expect(onDeny).not.toHaveBeenCalled();
  });

  it('requires a comment to deny, then denies with it', async () => {
    const { onDeny } = await render();
    await userEvent.click(screen.getByRole('button', { name: 'Deny' }));
    expect(
      screen.getByText('Say why you deny it: the requester reads it.'),
    ).toBeInTheDocument();
    expect(onDeny).not.toHaveBeenCalled();
    await userEvent.type(
      screen.getByRole('textbox', { name: /Comment/ }),
      'Run the flags SDK first',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Deny' }));
    await waitFor(() =>
      expect(onDeny).toHaveBeenCalledWith('Run the flags SDK first'),
    );
  });

  it('shows why the API refused and stays open', async () => {
    await render(
      jest
        .fn()
        .mockRejectedValue(
          new Error('Exemption ex-9 is denied, not requested'),
        ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Exemption ex-9 is denied, not requested',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});

describe('validateApprovalExpiry', () => {
  const now = Date.parse('2026-11-23T12:00:00.000Z');

  it('keeps the requested expiry when empty and may only shorten it', () => {
    expect(validateApprovalExpiry(request, '', now)).toEqual({});
    expect(validateApprovalExpiry(request, '2027-03-01', now)).toEqual({
      expiresAt: '2027-03-01T00:00:00.000Z',
    });
    expect(validateApprovalExpiry(request, '2027-03-02', now)).toEqual({
      error:
        'An approval may shorten the expiry, not lengthen it: 2027-03-01 at the latest.',
    });
    expect(validateApprovalExpiry(request, '2026-11-23', now)).toEqual({
      error: 'The expiry must be in the future.',
    });
    expect(validateApprovalExpiry({}, '2030-01-01', now)).toEqual({
      expiresAt: '2030-01-01T00:00:00.000Z',
    });
  });
});
