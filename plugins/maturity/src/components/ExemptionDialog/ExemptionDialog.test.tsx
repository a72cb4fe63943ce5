import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NOW } from '../../testing/checkoutApiActivity';
import { ExemptionDialog, validateExemption } from './ExemptionDialog';

const check = {
  checkId: 'culture.4.feature-flags',
  title: 'Feature-flag SDK present',
};

async function badRequest(message: string) {
  return ResponseError.fromResponse({
    ok: false,
    status: 400,
    statusText: 'Bad Request',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: { name: 'InputError', message },
        request: { method: 'POST', url: '/exemptions' },
        response: { statusCode: 400 },
      }),
  } as unknown as Response);
}

function render(onSubmit = jest.fn(async () => {})) {
  const onClose = jest.fn();
  return renderInTestApp(
    <ExemptionDialog check={check} onClose={onClose} onSubmit={onSubmit} />,
  ).then(() => ({ onSubmit, onClose }));
}

describe('ExemptionDialog', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('names the check, labels its fields and says when the level changes', async () => {
    await render();
    expect(
      screen.getByRole('dialog', {
        name: 'Request an exemption of “Feature-flag SDK present”',
      }),
    ).toHaveAccessibleDescription(/Once approved, the check counts as met/);
    expect(screen.getByRole('textbox', { name: /Reason/ })).toBeRequired();
    expect(
      screen.getByLabelText('Requested expiry (optional)'),
    ).toHaveAttribute('min', '2026-11-24');
  });

  it('requires a reason and says so without calling the API', async () => {
    const { onSubmit } = await render();
    await userEvent.type(
      screen.getByRole('textbox', { name: /Reason/ }),
      '   ',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Request' }));

    const reason = screen.getByRole('textbox', { name: /Reason/ });
    expect(reason).toBeInvalid();
    expect(reason).toHaveAccessibleDescription(/^Give a reason/);
    expect(reason).toHaveFocus();
    expect(onSubmit).not.toHaveBeenCalled();

    await userEvent.type(reason, 'Shared config service');
    expect(reason).toBeValid();
  });

  it('refuses an expiry that is not in the future', async () => {
    const { onSubmit } = await render();
    await userEvent.type(
      screen.getByRole('textbox', { name: /Reason/ }),
      'Flags move to the config service',
    );
    const expires = screen.getByLabelText('Requested expiry (optional)');
    await userEvent.type(expires, '2026-11-23');
    await userEvent.click(screen.getByRole('button', { name: 'Request' }));

    expect(expires).toBeInvalid();
    expect(expires).toHaveAccessibleDescription(
      'The expiry must be in the future: 2026-11-24 at the earliest.',
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits the trimmed reason and the expiry as the start of that day in UTC', async () => {
    const { onSubmit } = await render();
    await userEvent.type(
      screen.getByRole('textbox', { name: /Reason/ }),
      '  Flags move to the config service  ',
    );
    await userEvent.type(
      screen.getByLabelText('Requested expiry (optional)'),
      '2027-03-01',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Request' }));

    expect(onSubmit).toHaveBeenCalledWith({
      checkId: 'culture.4.feature-flags',
      reason: 'Flags move to the config service',
      expiresAt: '2027-03-01T00:00:00.000Z',
    });
  });

  it('shows what the API rejects with and stays open for another try', async () => {
    const onSubmit = jest
      .fn()
      .mockRejectedValueOnce(await badRequest("checkId: unknown check 'x'"))
      .mockResolvedValueOnce(undefined);
    await render(onSubmit);
    await userEvent.type(
      screen.getByRole('textbox', { name: /Reason/ }),
      'Not applicable here',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Request' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Error: Could not request the exemption');
    expect(alert).toHaveTextContent("checkId: unknown check 'x'");
    expect(screen.getByRole('dialog')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Request' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(screen.queryByRole('alert')).not.toBeInTheDocument(),
    );
  });
});

describe('validateExemption', () => {
  const now = Date.parse(NOW);

  it('leaves the expiry out when none is given', () => {
    expect(validateExemption(' why ', '', now)).toEqual({ reason: 'why' });
  });

  it('refuses reasons over the backend limit and malformed dates', () => {
    expect(validateExemption('x'.repeat(2001), 'soon', now)).toEqual({
      errors: {
        reason: 'Keep the reason to at most 2000 characters (now 2001).',
        expiresOn: 'Enter the expiry as a date, YYYY-MM-DD.',
      },
    });
  });
});
