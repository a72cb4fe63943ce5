import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkoutApiExemptions } from '../../testing/checkoutApiScorecard';
import { RevokeExemptionDialog } from './RevokeExemptionDialog';

const gitops = checkoutApiExemptions.find(e => e.id === 'ex-7')!;

async function notFound() {
  return ResponseError.fromResponse({
    ok: false,
    status: 404,
    statusText: 'Not Found',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: { name: 'NotFoundError', message: 'No active exemption ex-7' },
        request: { method: 'DELETE', url: '/v1/exemptions/ex-7' },
        response: { statusCode: 404 },
      }),
  } as unknown as Response);
}

describe('RevokeExemptionDialog', () => {
  it('asks with the reason and author, and revokes on confirmation', async () => {
    const onConfirm = jest.fn(async () => {});
    const onClose = jest.fn();
    await renderInTestApp(
      <RevokeExemptionDialog
        target={{ exemption: gitops, checkTitle: 'GitOps reconciler manifest' }}
        onClose={onClose}
        onConfirm={onConfirm}
      />,
    );

    const dialog = screen.getByRole('dialog', {
      name: 'Revoke the exemption of “GitOps reconciler manifest”?',
    });
    expect(dialog).toHaveAccessibleDescription(
      /Granted by user:default\/jane\.doe on Nov 1, 2026: “Deployed by the shared Argo CD/,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    expect(onConfirm).toHaveBeenCalledWith(gitops);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('shows why revoking failed', async () => {
    await renderInTestApp(
      <RevokeExemptionDialog
        target={{ exemption: gitops, checkTitle: 'GitOps reconciler manifest' }}
        onClose={jest.fn()}
        onConfirm={jest.fn().mockRejectedValue(await notFound())}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Revoke' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Error: Could not revoke the exemption');
    expect(alert).toHaveTextContent(
      'The exemption no longer exists. No active exemption ex-7',
    );
  });
});
