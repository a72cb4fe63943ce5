import { ResponseError } from '@backstage/errors';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MaturityApi, maturityApiRef } from '../../api/MaturityApi';
import {
  createFakeMaturityApi,
  ENTITY_REF,
  NOW,
} from '../../testing/checkoutApiActivity';
import { checkoutApiScorecard } from '../../testing/checkoutApiScorecard';
import { EntityScorecard } from './EntityScorecard';

async function notFound() {
  return ResponseError.fromResponse({
    ok: false,
    status: 404,
    statusText: 'Not Found',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: { name: 'NotFoundError', message: 'No scorecard' },
        request: { method: 'GET', url: '/scorecard' },
        response: { statusCode: 404 },
      }),
  } as unknown as Response);
}

function render(
  api: MaturityApi,
  permission = mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [maturityApiRef, api],
        [permissionApiRef, permission],
      ]}
    >
      <EntityScorecard entityRef={ENTITY_REF} />
    </TestApiProvider>,
  );
}

describe('EntityScorecard', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('shows progress while loading', async () => {
    const api = createFakeMaturityApi();
    api.getScorecard.mockReturnValue(new Promise(() => {}));
    await render(api);
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the headline, grid, next steps, DORA metrics and trend', async () => {
    const api = createFakeMaturityApi();
    await render(api);

    const summary = await screen.findByRole('region', { name: 'Summary' });
    expect(within(summary).getByText('2 · Beginner')).toBeInTheDocument();
    expect(within(summary).getByText('Medium')).toBeInTheDocument();
    expect(within(summary).getByText('30 minutes ago')).toBeInTheDocument();
    expect(within(summary).getByText('2026.11-c205e843')).toBeInTheDocument();
    expect(within(summary).queryByText('Imbalanced')).not.toBeInTheDocument();

    const grid = screen.getByRole('table', { name: 'Levels by category' });
    const culture = within(grid).getByRole('row', {
      name: /Culture & Organization/,
    });
    expect(within(culture).getByText('Met')).toBeInTheDocument();
    expect(within(culture).getByText('Met with exemption')).toBeInTheDocument();
    expect(within(culture).getAllByText('Not met')).toHaveLength(3);
    const design = within(grid).getByRole('row', {
      name: /Design & Architecture/,
    });
    expect(within(design).getAllByText('Met')).toHaveLength(3);

    const next = screen
      .getByText('What lifts this to the next level')
      .closest('[class*="MuiCard-root"]') as HTMLElement;
    expect(
      within(next).getByText('Culture & Organization → level 3 · Intermediate'),
    ).toBeInTheDocument();
    expect(
      within(next).getByText('No direct pushes to the default branch', {
        exact: false,
      }),
    ).toBeInTheDocument();

    const dora = screen.getByRole('table', { name: 'DORA metrics' });
    expect(within(dora).getByText('0.5 deploy-days/week')).toBeInTheDocument();
    expect(within(dora).getByText('27.3%')).toBeInTheDocument();
    expect(
      within(dora).getByText(
        'coding 25 h · review 25 h · deploy 4.9 days · p75 12 days',
      ),
    ).toBeInTheDocument();
    expect(within(dora).getByText('Not banded')).toBeInTheDocument();

    expect(screen.getByText('Trend, last 180 days')).toBeInTheDocument();
    expect(api.getHistory).toHaveBeenCalledWith(ENTITY_REF, {
      from: '2026-05-27T12:00:00.000Z',
    });
  });

  it('shows "insufficient data (n of min)" instead of a zero', async () => {
    const api = createFakeMaturityApi();
    api.getScorecard.mockResolvedValue({
      ...checkoutApiScorecard,
      delivery: {
        ...checkoutApiScorecard.delivery,
        changeFailureRate: {
          metricId: 'change_failure_rate',
          value: null,
          status: 'insufficient-data',
          sampleSize: 3,
          band: null,
        },
        overallBand: null,
      },
    });
    await render(api);
    const dora = await screen.findByRole('table', { name: 'DORA metrics' });
    expect(
      within(dora).getByText('Insufficient data (3 of 5)'),
    ).toBeInTheDocument();
    expect(within(dora).getByText('Unknown')).toBeInTheDocument();
  });

  it('lists the checks of a category with exemption and evidence', async () => {
    const api = createFakeMaturityApi();
    await render(api);

    await userEvent.click(
      await screen.findByRole('button', { name: /Design & Architecture/ }),
    );
    const gitops = screen.getByRole('listitem', {
      name: /GitOps/,
    });
    expect(within(gitops).getByText('Exempt')).toBeInTheDocument();
    expect(
      within(gitops).getByText(/Deployed by the shared Argo CD/),
    ).toBeInTheDocument();
    expect(
      within(gitops).getByText(/user:default\/jane.doe/),
    ).toBeInTheDocument();
    expect(within(gitops).getByText(/expires Feb 1, 2027/)).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: /Culture & Organization/ }),
    );
    const commits = screen.getAllByRole('listitem', {
      name: 'Commits on at least 3 days a week (median)',
    })[0];
    expect(within(commits).getByText('Source: DORA-2024')).toBeInTheDocument();
    expect(within(commits).getByText('>= 3')).toBeInTheDocument();
    await userEvent.click(
      within(commits).getByRole('button', { name: /Evidence for/ }),
    );
    expect(
      await screen.findByText(
        'Evidence: Commits on at least 3 days a week (median)',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.getEntityEvents).toHaveBeenCalledWith(
        ENTITY_REF,
        expect.objectContaining({
          types: ['change'],
          ...checkoutApiScorecard.window,
        }),
      ),
    );
  });

  it('shows "Not evaluated yet" with an evaluate button on a 404', async () => {
    const api = createFakeMaturityApi();
    api.getScorecard.mockRejectedValueOnce(await notFound());
    await render(api);

    expect(await screen.findByText('Not evaluated yet')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Evaluate now' }));

    expect(api.refreshScorecard).toHaveBeenCalledWith(ENTITY_REF);
    expect(
      await screen.findByRole('region', { name: 'Summary' }),
    ).toBeInTheDocument();
  });

  it('re-evaluates on Refresh', async () => {
    const api = createFakeMaturityApi();
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Refresh' }),
    );
    await waitFor(() => expect(api.getScorecard).toHaveBeenCalledTimes(2));
    expect(api.refreshScorecard).toHaveBeenCalledWith(ENTITY_REF);
  });

  it('shows an error with a retry when the scorecard cannot be read', async () => {
    const api = createFakeMaturityApi();
    api.getScorecard.mockRejectedValueOnce(new Error('Database unavailable'));
    await render(api);

    expect(
      await screen.findByText(/Could not load the scorecard/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('region', { name: 'Summary' }),
    ).toBeInTheDocument();
  });
});
