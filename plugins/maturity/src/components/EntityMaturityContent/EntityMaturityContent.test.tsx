import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
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

  it('shows the recorded activity of the entity on the page', async () => {
    const api = createFakeMaturityApi(checkoutApiSummary, checkoutApiEvents);

    await renderInTestApp(
      <TestApiProvider apis={[[maturityApiRef, api]]}>
        <EntityProvider entity={entity}>
          <EntityMaturityContent />
        </EntityProvider>
      </TestApiProvider>,
    );

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
    for (const [entityRef] of api.getEntityEvents.mock.calls) {
      expect(entityRef).toBe('component:default/checkout-api');
    }
  });
});
