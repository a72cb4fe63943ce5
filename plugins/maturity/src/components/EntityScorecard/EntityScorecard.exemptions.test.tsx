import { ResponseError } from '@backstage/errors';
import { alertApiRef } from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MaturityApi, maturityApiRef } from '../../api/MaturityApi';
import {
  createFakeMaturityApi,
  ENTITY_REF,
  NOW,
} from '../../testing/checkoutApiActivity';
import { checkoutApiExemptions } from '../../testing/checkoutApiScorecard';
import { EntityScorecard } from './EntityScorecard';

// A file of its own: usePermission caches decisions per permission for the
// life of the module, and here every permission is granted.
async function forbidden() {
  return ResponseError.fromResponse({
    ok: false,
    status: 403,
    statusText: 'Forbidden',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: { name: 'NotAllowedError', message: 'Unauthorized' },
        request: { method: 'POST', url: '/exemptions' },
        response: { statusCode: 403 },
      }),
  } as unknown as Response);
}

function render(api: MaturityApi) {
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [maturityApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
        ],
        [alertApiRef, alertApi],
      ]}
    >
      <EntityScorecard entityRef={ENTITY_REF} />
    </TestApiProvider>,
  ).then(() => alertApi);
}

/** The Culture & Organization check of that title, category expanded. */
async function cultureCheck(title: string | RegExp) {
  const checks = await screen.findByRole('region', { name: 'Checks' });
  await userEvent.click(
    within(checks).getByRole('button', { name: /^Culture & Organization/ }),
  );
  return within(checks).getByRole('listitem', { name: title });
}

describe('EntityScorecard exemptions, for a reader allowed to decide them', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('offers "Request exemption…" on failing and data-lacking checks only', async () => {
    await render(createFakeMaturityApi());
    const failing = await cultureCheck(/^No direct pushes/);
    expect(
      within(failing).getByRole('button', {
        name: /^Request an exemption of .*…$/,
      }),
    ).toBeInTheDocument();
    const checks = screen.getByRole('region', { name: 'Checks' });
    const lacking = within(checks).getByRole('listitem', {
      name: /high-urgency incidents/,
    });
    expect(within(lacking).getByText('Insufficient data')).toBeInTheDocument();
    expect(
      within(lacking).getByRole('button', {
        name: /^Request an exemption of /,
      }),
    ).toBeInTheDocument();
    const passing = within(checks).getByRole('listitem', {
      name: 'CODEOWNERS present',
    });
    expect(
      within(passing).queryByRole('button', {
        name: /^Request an exemption of /,
      }),
    ).not.toBeInTheDocument();
    const exempt = within(checks).getByRole('listitem', {
      name: 'At least 60% of the previous window’s authors still contribute',
    });
    expect(
      within(exempt).queryByRole('button', {
        name: /^Request an exemption of /,
      }),
    ).not.toBeInTheDocument();
    expect(
      within(exempt).getByRole('button', { name: /^Revoke the exemption/ }),
    ).toBeInTheDocument();
  });

  it('requests an exemption with the right body and lists the request, without re-evaluating', async () => {
    const api = createFakeMaturityApi();
    const alertApi = await render(api);
    const flags = await cultureCheck('Feature-flag SDK present');
    await userEvent.click(
      within(flags).getByRole('button', {
        name: 'Request an exemption of Feature-flag SDK present…',
      }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Request an exemption of “Feature-flag SDK present”',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'Flags live in the shared config service',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Requested expiry (optional)'),
      '2027-01-31',
    );
    expect(api.getScorecard).toHaveBeenCalledTimes(1);
    expect(api.listExemptions).toHaveBeenCalledTimes(1);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request' }),
    );

    // The dialog's closing transition is all that is awaited here.
    await waitFor(
      () => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      { timeout: 5000 },
    );
    expect(api.createExemption).toHaveBeenCalledWith(ENTITY_REF, {
      checkId: 'culture.4.feature-flags',
      reason: 'Flags live in the shared config service',
      expiresAt: '2027-01-31T00:00:00.000Z',
    });
    // A request does not count yet: nothing to re-evaluate.
    await waitFor(() => expect(api.listExemptions).toHaveBeenCalledTimes(2));
    expect(api.refreshScorecard).not.toHaveBeenCalled();
    expect(api.getScorecard).toHaveBeenCalledTimes(1);
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({
        message:
          'Requested an exemption of “Feature-flag SDK present”: it counts once a decider approves it.',
        severity: 'success',
      }),
    );
  });

  it('shows the API error in the dialog and keeps it open', async () => {
    const api = createFakeMaturityApi();
    api.createExemption.mockRejectedValue(await forbidden());
    await render(api);
    const flags = await cultureCheck('Feature-flag SDK present');
    await userEvent.click(
      within(flags).getByRole('button', { name: /^Request an exemption of / }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'Not needed',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request' }),
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'You are not allowed to do this: deciding needs maturity.exemption.decide on this entity, and nobody decides their own request. Unauthorized',
    );
    expect(api.refreshScorecard).not.toHaveBeenCalled();
    expect(api.getScorecard).toHaveBeenCalledTimes(1);
  });

  it('marks an approved exemption the scorecard does not apply yet as pending, and a waiting request as requested', async () => {
    const api = createFakeMaturityApi();
    api.listExemptions.mockResolvedValue({
      items: [
        ...checkoutApiExemptions,
        {
          id: 'ex-9',
          entityRef: ENTITY_REF,
          checkId: 'culture.4.feature-flags',
          reason: 'Flags live in the shared config service',
          status: 'approved',
          author: 'user:default/guest',
          createdAt: NOW,
        },
        {
          id: 'ex-10',
          entityRef: ENTITY_REF,
          checkId: 'culture.3.protected-default-branch',
          reason: 'Release bot pushes tags',
          status: 'requested',
          author: 'user:default/guest',
          createdAt: NOW,
        },
      ],
    });
    await render(api);
    const flags = await cultureCheck('Feature-flag SDK present');
    expect(
      within(flags).getByText(
        'Exemption approved, applies after re-evaluation:',
      ),
    ).toBeInTheDocument();
    const pushes = within(
      screen.getByRole('region', { name: 'Checks' }),
    ).getByRole('listitem', { name: /^No direct pushes/ });
    expect(
      within(pushes).getByText('Exemption requested, waiting for a decision:'),
    ).toBeInTheDocument();
    expect(
      within(pushes).queryByRole('button', {
        name: /^Request an exemption of /,
      }),
    ).not.toBeInTheDocument();
    expect(
      within(flags).queryByRole('button', {
        name: /^Request an exemption of /,
      }),
    ).not.toBeInTheDocument();
  });

  it('revokes an exemption after confirmation, then re-evaluates and reloads', async () => {
    const api = createFakeMaturityApi();
    await render(api);
    await screen.findByRole('region', { name: 'Summary' });
    await userEvent.click(
      screen.getByRole('button', { name: /^Design & Architecture/ }),
    );
    const gitops = screen.getByRole('listitem', {
      name: 'GitOps reconciler manifest',
    });
    await userEvent.click(
      within(gitops).getByRole('button', {
        name: 'Revoke the exemption of GitOps reconciler manifest',
      }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Revoke the exemption of “GitOps reconciler manifest”?',
    });
    expect(api.revokeExemption).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke' }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.revokeExemption).toHaveBeenCalledWith('ex-7');
    expect(api.refreshScorecard).toHaveBeenCalledWith(ENTITY_REF);
    await waitFor(() => expect(api.getScorecard).toHaveBeenCalledTimes(2));
  });

  it('cancels a revocation without calling the API', async () => {
    const api = createFakeMaturityApi();
    await render(api);
    await screen.findByRole('region', { name: 'Summary' });
    await userEvent.click(screen.getByRole('button', { name: /^Exemptions/ }));
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Revoke the exemption of GitOps reconciler manifest',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.revokeExemption).not.toHaveBeenCalled();
  });

  it('says when re-evaluating after an auto-approval fails, and still reloads', async () => {
    const api = createFakeMaturityApi();
    api.createExemption.mockImplementation(async (_ref, request) => ({
      id: 'ex-new',
      entityRef: ENTITY_REF,
      status: 'approved',
      author: 'user:default/guest',
      createdAt: NOW,
      ...request,
    }));
    api.refreshScorecard.mockRejectedValue(new Error('Evaluator busy'));
    const alertApi = await render(api);
    const flags = await cultureCheck('Feature-flag SDK present');
    await userEvent.click(
      within(flags).getByRole('button', { name: /^Request an exemption of / }),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: /Reason/ }),
      'Not needed',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Request' }));

    await waitFor(() => expect(api.getScorecard).toHaveBeenCalledTimes(2));
    expect(alertApi.post).toHaveBeenCalledWith({
      message:
        'Exempted “Feature-flag SDK present” (approved at once for this check). Re-evaluating right away failed (Evaluator busy); the check and the level update after the queued re-evaluation.',
      severity: 'warning',
    });
  });
});
