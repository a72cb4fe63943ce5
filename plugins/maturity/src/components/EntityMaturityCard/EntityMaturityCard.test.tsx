import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { MaturityApi, maturityApiRef } from '../../api/MaturityApi';
import { createFakeMaturityApi, NOW } from '../../testing/checkoutApiActivity';
import { EntityMaturityCard } from './EntityMaturityCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:payments' },
};

function render(api: MaturityApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[maturityApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityMaturityCard />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('EntityMaturityCard', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('shows level, band, trend and links to the Maturity tab', async () => {
    await render(createFakeMaturityApi());

    expect(await screen.findByText('2 · Beginner')).toBeInTheDocument();
    expect(screen.getByText('Medium')).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Overall level over the last 90 days, from 1 to 2',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /View maturity/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api/maturity',
    );
  });

  it('says when the entity is not evaluated yet', async () => {
    const api = createFakeMaturityApi();
    api.getScorecard.mockRejectedValue(
      await ResponseError.fromResponse({
        ok: false,
        status: 404,
        statusText: 'Not Found',
        headers: new Headers(),
        text: async () => '',
      } as unknown as Response),
    );
    await render(api);
    expect(await screen.findByText(/Not evaluated yet/)).toBeInTheDocument();
  });

  it('shows an error when the scorecard cannot be read', async () => {
    const api = createFakeMaturityApi();
    api.getScorecard.mockRejectedValue(new Error('Database unavailable'));
    await render(api);
    expect(
      await screen.findByText(/Could not load the scorecard/),
    ).toBeInTheDocument();
  });
});
