import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
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
import {
  ML_ENTITY_REF,
  recommendationModelScorecard,
} from '../../testing/recommendationModelScorecard';
import { EntityScorecard } from './EntityScorecard';

function render(api: MaturityApi, entityRef: string) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [maturityApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
        ],
      ]}
    >
      <EntityScorecard entityRef={entityRef} />
    </TestApiProvider>,
  );
}

function mlApi() {
  const api = createFakeMaturityApi();
  api.getScorecard.mockResolvedValue(recommendationModelScorecard);
  return api;
}

describe('EntityScorecard of an ML entity', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('shows the MLOps level by name, every MLOps check and what lifts it to the next MLOps level', async () => {
    await render(mlApi(), ML_ENTITY_REF);

    const mlops = await screen.findByRole('region', { name: 'MLOps' });
    expect(
      within(mlops).getByRole('heading', { name: 'MLOps' }),
    ).toBeInTheDocument();
    const ladder = within(mlops).getByRole('list', { name: 'MLOps levels' });
    expect(within(ladder).getByText('0 · Manual process')).toBeInTheDocument();
    expect(
      within(ladder).getByText('2 · CI/CD pipeline automation'),
    ).toBeInTheDocument();
    expect(
      within(ladder).getByRole('listitem', { current: 'step' }),
    ).toHaveTextContent('1 · ML pipeline automation');

    const checks = within(mlops).getByRole('region', { name: 'MLOps checks' });
    expect(within(checks).getAllByRole('listitem')).toHaveLength(7);
    const multiEnv = within(checks).getByRole('listitem', {
      name: 'Pipeline deployed by CI to at least 2 environments',
    });
    expect(within(multiEnv).getByText('Fail')).toBeInTheDocument();
    expect(within(multiEnv).getByText('Required')).toBeInTheDocument();
    expect(
      within(multiEnv).getByText(/Deploy the pipeline itself from CI/),
    ).toBeInTheDocument();

    const next = within(mlops).getByRole('region', {
      name: 'What lifts this to the next MLOps level',
    });
    expect(
      within(next)
        .getAllByRole('listitem')
        .map(item => item.getAttribute('aria-label')),
    ).toEqual([
      'Pipeline deployed by CI to at least 2 environments',
      'Drift or skew monitoring configured',
    ]);

    // The CDMM part stays as it is beside it.
    expect(
      screen.getByRole('table', { name: 'Levels by category' }),
    ).toBeInTheDocument();
  });

  it('opens the evidence of an MLOps check in the evidence dialog', async () => {
    const api = mlApi();
    await render(api, ML_ENTITY_REF);
    const checks = await screen.findByRole('region', { name: 'MLOps checks' });
    await userEvent.click(
      within(checks).getByRole('button', {
        name: /^Evidence for Training pipeline runs/,
      }),
    );
    expect(
      await screen.findByText(/^Evidence: Training pipeline runs/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.getEntityEventsById).toHaveBeenCalledWith(
        ML_ENTITY_REF,
        ['build:25176', 'build:25177', 'build:25173'],
        recommendationModelScorecard.window,
      ),
    );
  });

  it('offers to request an exemption of a failing MLOps check like any other', async () => {
    await render(mlApi(), ML_ENTITY_REF);
    const checks = await screen.findByRole('region', { name: 'MLOps checks' });
    await userEvent.click(
      within(checks).getByRole('button', {
        name: 'Request an exemption of Drift or skew monitoring configured…',
      }),
    );
    expect(
      screen.getByRole('dialog', {
        name: 'Request an exemption of “Drift or skew monitoring configured”',
      }),
    ).toBeInTheDocument();
  });
});

describe('EntityScorecard of an entity the MLOps track does not apply to', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('shows no MLOps panel', async () => {
    await render(createFakeMaturityApi(), ENTITY_REF);
    await screen.findByRole('region', { name: 'Summary' });
    expect(
      screen.queryByRole('region', { name: 'MLOps' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText(/MLOps/)).not.toBeInTheDocument();
  });
});
