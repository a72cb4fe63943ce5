import { alertApiRef } from '@backstage/core-plugin-api';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  Exemption,
  maturityExemptionDecidePermission,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { maturityApiRef } from '../../api/MaturityApi';
import {
  createFakeMaturityApi,
  ENTITY_REF,
  NOW,
} from '../../testing/checkoutApiActivity';
import { checkoutApiExemptions } from '../../testing/checkoutApiScorecard';
import { EntityScorecard } from './EntityScorecard';

// A file of its own: usePermission caches decisions per permission for the
// life of the module. Here exemptions may be decided, but not re-evaluated.
const onlyExemptions = (request: EvaluatePermissionRequest) =>
  request.permission.name === maturityExemptionDecidePermission.name
    ? AuthorizeResult.ALLOW
    : AuthorizeResult.DENY;

describe('EntityScorecard exemptions, for a reader who may not re-evaluate', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('reloads an auto-approved request without re-evaluating, marks it pending and says the level updates later', async () => {
    const api = createFakeMaturityApi();
    const created: Exemption[] = [];
    api.createExemption.mockImplementation(async (_entityRef, request) => {
      const exemption = {
        id: 'ex-new',
        entityRef: ENTITY_REF,
        status: 'approved' as const,
        author: 'user:default/guest',
        createdAt: NOW,
        ...request,
      };
      created.push(exemption);
      return exemption;
    });
    api.listExemptions.mockImplementation(async () => ({
      items: [...checkoutApiExemptions, ...created],
    }));
    const alertApi = { post: jest.fn(), alert$: jest.fn() };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [maturityApiRef, api],
          [
            permissionApiRef,
            mockApis.permission({ authorize: onlyExemptions }),
          ],
          [alertApiRef, alertApi],
        ]}
      >
        <EntityScorecard entityRef={ENTITY_REF} />
      </TestApiProvider>,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: /^Culture & Organization/ }),
    );
    expect(
      screen.queryByRole('button', { name: 'Refresh' }),
    ).not.toBeInTheDocument();
    const flags = within(
      screen.getByRole('region', { name: 'Checks' }),
    ).getByRole('listitem', { name: 'Feature-flag SDK present' });
    await userEvent.click(
      within(flags).getByRole('button', { name: /^Request an exemption of / }),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: /Reason/ }),
      'Flags live in the shared config service',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Request' }));

    await waitFor(() => expect(api.getScorecard).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.createExemption).toHaveBeenCalledWith(ENTITY_REF, {
      checkId: 'culture.4.feature-flags',
      reason: 'Flags live in the shared config service',
    });
    expect(api.refreshScorecard).not.toHaveBeenCalled();
    expect(api.listExemptions).toHaveBeenCalledTimes(2);
    // The scorecard still shows the check failing until re-evaluated.
    const reloaded = within(
      screen.getByRole('region', { name: 'Checks' }),
    ).getByRole('listitem', { name: 'Feature-flag SDK present' });
    expect(within(reloaded).getByText('Fail')).toBeInTheDocument();
    expect(
      await within(reloaded).findByText(
        'Exemption approved, applies after re-evaluation:',
      ),
    ).toBeInTheDocument();
    expect(
      within(reloaded).queryByRole('button', {
        name: /^Request an exemption of /,
      }),
    ).not.toBeInTheDocument();
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({
        message:
          'Exempted “Feature-flag SDK present” (approved at once for this check). The check and the level update after the entity is re-evaluated, which has been queued.',
      }),
    );
  });
});
