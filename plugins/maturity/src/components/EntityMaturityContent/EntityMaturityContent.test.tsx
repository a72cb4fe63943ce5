import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
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
  checkoutApiEvents,
  checkoutApiSummary,
  createFakeMaturityApi,
  NOW,
} from '../../testing/checkoutApiActivity';
import { EntityMaturityContent } from './EntityMaturityContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:checkout' },
};

describe('EntityMaturityContent', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW));
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('shows the scorecard, and the recorded activity as the Evidence view', async () => {
    const api = createFakeMaturityApi(checkoutApiSummary, checkoutApiEvents);

    await renderInTestApp(
      <TestApiProvider
        apis={[
          [maturityApiRef, api],
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <EntityProvider entity={entity}>
          <EntityMaturityContent />
        </EntityProvider>
      </TestApiProvider>,
    );

    expect(
      await screen.findByRole('region', { name: 'Summary' }),
    ).toBeInTheDocument();
    expect(api.getScorecard).toHaveBeenCalledWith(
      'component:default/checkout-api',
    );
    expect(api.getEntityActivity).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('tab', { name: 'Evidence' }));

    expect(await screen.findByText('Recorded activity')).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Deployments' })).getByText(
        '42',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Checkout error rate above 5%'),
    ).toBeInTheDocument();
    expect(api.getEntityActivity).toHaveBeenCalledWith(
      'component:default/checkout-api',
      expect.anything(),
    );
  });
});
