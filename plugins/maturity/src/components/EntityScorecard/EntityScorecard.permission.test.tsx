import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { maturityApiRef } from '../../api/MaturityApi';
import {
  createFakeMaturityApi,
  ENTITY_REF,
  NOW,
} from '../../testing/checkoutApiActivity';
import { EntityScorecard } from './EntityScorecard';

// A file of its own: usePermission caches decisions per permission for the
// life of the module.
function render() {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [maturityApiRef, createFakeMaturityApi()],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.DENY }),
        ],
      ]}
    >
      <EntityScorecard entityRef={ENTITY_REF} />
    </TestApiProvider>,
  );
}

describe('EntityScorecard without the refresh and exemption decision permissions', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('hides the refresh button', async () => {
    await render();
    await screen.findByRole('region', { name: 'Summary' });
    expect(
      screen.queryByRole('button', { name: 'Refresh' }),
    ).not.toBeInTheDocument();
  });

  it('offers a request but hides "Revoke" and decisions, and shows the exemptions', async () => {
    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: /^Culture & Organization/ }),
    );
    const checks = screen.getByRole('region', { name: 'Checks' });
    const flags = within(checks).getByRole('listitem', {
      name: 'Feature-flag SDK present',
    });
    expect(within(flags).getByText('Fail')).toBeInTheDocument();
    // Every reader may ask for an exemption; deciding needs the permission.
    expect(
      within(flags).getByRole('button', { name: /^Request an exemption of / }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Revoke/ }),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /^Exemptions/ }));
    expect(
      within(screen.getByRole('table', { name: 'Exemptions' })).getAllByRole(
        'row',
      ),
    ).toHaveLength(4);
    expect(
      screen.queryByRole('button', { name: /^Revoke/ }),
    ).not.toBeInTheDocument();
  });
});
