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
import {
  checkoutApiHistory,
  checkoutApiScorecard,
} from '../../testing/checkoutApiScorecard';
import { recommendationModelScorecard } from '../../testing/recommendationModelScorecard';
import { EntityMaturityCard } from './EntityMaturityCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:payments' },
};

const mlEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'recommendation-model-training',
    namespace: 'default',
    tags: ['python'],
  },
  spec: {
    type: 'ml-pipeline',
    lifecycle: 'production',
    owner: 'group:recommendations',
  },
};

function render(api: MaturityApi, shown: Entity = entity) {
  return renderInTestApp(
    <TestApiProvider apis={[[maturityApiRef, api]]}>
      <EntityProvider entity={shown}>
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

  it('shows the MLOps level of an ML entity by name', async () => {
    const api = createFakeMaturityApi();
    api.getScorecard.mockResolvedValue(recommendationModelScorecard);
    await render(api, mlEntity);

    expect(await screen.findByText('MLOps level')).toBeInTheDocument();
    expect(screen.getByText('1 · ML pipeline automation')).toBeInTheDocument();
    expect(screen.getByText('2 · Beginner')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /View maturity/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/recommendation-model-training/maturity',
    );
  });

  it('leaves the MLOps level out for an entity the track does not apply to', async () => {
    await render(createFakeMaturityApi());

    expect(await screen.findByText('2 · Beginner')).toBeInTheDocument();
    expect(screen.queryByText(/MLOps/)).not.toBeInTheDocument();
  });

  it('shows progress in the card while loading', async () => {
    const api = createFakeMaturityApi();
    api.getScorecard.mockReturnValue(new Promise(() => {}));
    await render(api);

    expect(screen.getByText('Maturity')).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByText('Practice level')).toBeNull();
  });

  it('leaves the sparkline out until there are two days of history', async () => {
    const api = createFakeMaturityApi();
    api.getHistory.mockResolvedValue({ items: checkoutApiHistory.slice(-1) });
    await render(api);

    expect(await screen.findByText('2 · Beginner')).toBeInTheDocument();
    expect(screen.queryByText('90-day trend')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByRole('link', { name: /View maturity/ })).toBeVisible();
  });

  it('keeps the card when the history cannot be read, and says when the band lacks data', async () => {
    const api = createFakeMaturityApi();
    api.getHistory.mockRejectedValue(new Error('history down'));
    api.getScorecard.mockResolvedValue({
      ...checkoutApiScorecard,
      imbalanced: true,
      delivery: { ...checkoutApiScorecard.delivery, overallBand: null },
    });
    await render(api);

    expect(await screen.findByText('Insufficient data')).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
    expect(
      screen.getByText(/Imbalanced across categories · Evaluated/),
    ).toBeInTheDocument();
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
