import { alertApiRef, identityApiRef } from '@backstage/core-plugin-api';
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
import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { screen, waitFor } from '@testing-library/react';
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
// life of the module. The decide permission is asked for this entity.
const asked: EvaluatePermissionRequest[] = [];
const decideOnThisEntity = (request: EvaluatePermissionRequest) => {
  asked.push(request);
  return AuthorizeResult.ALLOW;
};

const fromSam: Exemption = {
  id: 'ex-sam',
  entityRef: ENTITY_REF,
  checkId: 'culture.3.codeowners',
  reason: 'Owned by one person',
  status: 'requested',
  author: 'user:default/sam.lee',
  createdAt: NOW,
};
const fromGuest: Exemption = {
  ...fromSam,
  id: 'ex-guest',
  checkId: 'culture.4.feature-flags',
  reason: 'Flags move to the config service',
  author: 'user:default/guest',
};

async function render() {
  const api = createFakeMaturityApi();
  api.listExemptions.mockResolvedValue({
    items: [...checkoutApiExemptions, fromSam, fromGuest],
  });
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [maturityApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({ authorize: decideOnThisEntity }),
        ],
        [alertApiRef, alertApi],
        [
          identityApiRef,
          mockApis.identity({ userEntityRef: 'user:default/guest' }),
        ],
      ]}
    >
      <EntityScorecard entityRef={ENTITY_REF} />
    </TestApiProvider>,
  );
  await userEvent.click(
    await screen.findByRole('button', { name: /^Exemptions/ }),
  );
  return { api, alertApi };
}

describe('EntityScorecard exemption workflow, for a decider', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('asks for the decide permission on the entity, and approves another user’s request', async () => {
    const { api } = await render();
    expect(
      asked.find(r => r.permission.name === 'maturity.exemption.decide'),
    ).toMatchObject({ resourceRef: ENTITY_REF });
    // Their own request is theirs to withdraw, not to decide.
    expect(
      screen.queryByRole('button', {
        name: 'Decide the exemption request for Feature-flag SDK present',
      }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Decide the exemption request for CODEOWNERS present',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() =>
      expect(api.approveExemption).toHaveBeenCalledWith('ex-sam', {}),
    );
    // An approval counts: the entity is re-evaluated and reloaded.
    await waitFor(() =>
      expect(api.refreshScorecard).toHaveBeenCalledWith(ENTITY_REF),
    );
  });

  it('denies with a comment, and withdraws the user’s own request', async () => {
    const { api, alertApi } = await render();
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Decide the exemption request for CODEOWNERS present',
      }),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: /Comment/ }),
      'Add a second owner',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Deny' }));
    await waitFor(() =>
      expect(api.denyExemption).toHaveBeenCalledWith('ex-sam', {
        comment: 'Add a second owner',
      }),
    );
    expect(api.refreshScorecard).not.toHaveBeenCalled();

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Withdraw the exemption request for Feature-flag SDK present',
      }),
    );
    await waitFor(() =>
      expect(api.withdrawExemption).toHaveBeenCalledWith('ex-guest'),
    );
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({
        message:
          'Withdrew the exemption request for “Feature-flag SDK present”.',
      }),
    );
  });
});
