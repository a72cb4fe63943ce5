import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { maturityApiRef } from '../../api/MaturityApi';
import {
  createFakeMaturityApi,
  ENTITY_REF,
  NOW,
} from '../../testing/checkoutApiActivity';
import { EntityScorecard } from './EntityScorecard';

// A file of its own: usePermission caches decisions per permission for the
// life of the module.
describe('EntityScorecard without the refresh permission', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('hides the refresh button', async () => {
    await renderInTestApp(
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
    await screen.findByRole('region', { name: 'Summary' });
    expect(
      screen.queryByRole('button', { name: 'Refresh' }),
    ).not.toBeInTheDocument();
  });
});
