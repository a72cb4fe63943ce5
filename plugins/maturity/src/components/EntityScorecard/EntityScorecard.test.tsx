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
    // The band of a metric lacking data, and the overall band, say why.
    expect(within(dora).getByText('Insufficient data')).toBeInTheDocument();
    expect(
      screen.getByText(/^Overall band: Insufficient data/),
    ).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(within(summary).getByText('Insufficient data')).toBeInTheDocument();
    expect(within(summary).queryByText('Unknown')).toBeNull();
  });

  it('shows deployment frequency band none, below low, for no production deploy in 180 days', async () => {
    const api = createFakeMaturityApi();
    api.getScorecard.mockResolvedValue({
      ...checkoutApiScorecard,
      delivery: {
        ...checkoutApiScorecard.delivery,
        deploymentFrequency: {
          metricId: 'deployment_frequency',
          value: 0,
          status: 'ok',
          sampleSize: 0,
          band: 'none',
        },
      },
    });
    await render(api);
    const dora = await screen.findByRole('table', { name: 'DORA metrics' });
    expect(
      within(dora).getByRole('row', { name: /^Deployment frequency/ }),
    ).toHaveTextContent('None (no production deploy in 180 days)');
  });

  it('places each DORA value among the chosen report year’s clusters, with the citation', async () => {
    await render(createFakeMaturityApi());
    const dora = await screen.findByRole('table', { name: 'DORA metrics' });
    const row = (name: RegExp) => within(dora).getByRole('row', { name });

    // 9 deploy-days in 14 weeks: between once a month and once a week.
    expect(row(/^Deployment frequency/)).toHaveTextContent(
      '≈ Medium cluster (2024)Medium: Between once per week and once per month',
    );
    // The monthly median behind the band, and the counts behind both.
    expect(row(/^Deployment frequency/)).toHaveTextContent(
      'median month 3 deploy-days · deploys on 9 days in 14 weeks',
    );
    // 6.9 days: between one day and one week.
    expect(row(/^Change lead time/)).toHaveTextContent('≈ High cluster (2024)');
    // 27%: nearest 2024's high cluster's 20%, not its low cluster's 40%.
    expect(row(/^Change failure rate/)).toHaveTextContent(
      '≈ High cluster (2024)High: 20%',
    );
    // 5.5 hours: 2024's high and medium clusters both recover within a day.
    expect(row(/^Failed deployment recovery time/)).toHaveTextContent(
      '≈ High or Medium clusters (2024)',
    );
    expect(row(/^Rework rate/)).toHaveTextContent(/Not banded—/);
    expect(screen.getAllByText(/Report 2024, Google Cloud/)).not.toHaveLength(
      0,
    );

    await userEvent.selectOptions(
      screen.getByLabelText('Report'),
      'State of DevOps 2021',
    );
    expect(row(/^Deployment frequency/)).toHaveTextContent(
      '≈ High cluster (2021)',
    );
    expect(row(/^Change failure rate/)).toHaveTextContent(
      '≈ High, Medium or Low clusters (2021)',
    );
    expect(
      screen.getByRole('table', {
        name: 'State of DevOps 2021 performance clusters',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('link', { name: /dora\.dev/ })[0],
    ).toHaveAttribute('href', 'https://dora.dev/research/2021/dora-report/');
  });

  it('opens the evidence of a DORA metric', async () => {
    const api = createFakeMaturityApi();
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Evidence for Deployment frequency',
      }),
    );
    expect(
      await screen.findByText('Evidence: Deployment frequency'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.getEntityEventsById).toHaveBeenCalledWith(
        ENTITY_REF,
        expect.arrayContaining([expect.stringMatching(/^deployment:/)]),
        checkoutApiScorecard.window,
      ),
    );
  });

  it('says when the metrics cannot be loaded instead of dropping their evidence, and retries', async () => {
    const api = createFakeMaturityApi();
    api.getMetrics.mockRejectedValueOnce(new Error('metrics table locked'));
    await render(api);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not load the metrics (metrics table locked): the evidence behind these values and the lead-time breakdown are missing.',
    );
    expect(
      screen.queryByRole('button', { name: /^Evidence for Deployment/ }),
    ).toBeNull();
    // The values come with the scorecard and are still shown.
    expect(screen.getByText('0.5 deploy-days/week')).toBeInTheDocument();

    await userEvent.click(
      within(alert).getByRole('button', { name: 'Try again' }),
    );
    expect(
      await screen.findByRole('button', {
        name: 'Evidence for Deployment frequency',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows an error panel in place of the trend when the history cannot be read', async () => {
    const api = createFakeMaturityApi();
    api.getHistory.mockRejectedValue(new Error('history store down'));
    await render(api);

    expect(
      await screen.findByText(/Could not load the history/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/history store down/).length).toBeGreaterThan(0);
    expect(screen.queryByText('Trend, last 180 days')).toBeNull();
    // The rest of the scorecard is still there.
    expect(
      screen.getByRole('table', { name: 'Levels by category' }),
    ).toBeInTheDocument();
  });

  it('flags an imbalanced scorecard with a chip whose tooltip keyboard users reach', async () => {
    const api = createFakeMaturityApi();
    api.getScorecard.mockResolvedValue({
      ...checkoutApiScorecard,
      imbalanced: true,
    });
    await render(api);

    const summary = await screen.findByRole('region', { name: 'Summary' });
    const chip = within(summary)
      .getByText('Imbalanced')
      .closest('[class*="MuiChip-root"]') as HTMLElement;
    expect(chip).toBeInTheDocument();
    expect(screen.queryByRole('tooltip')).toBeNull();

    // Tab from the start of the page until the chip has focus.
    document.body.focus();
    for (let i = 0; i < 20 && document.activeElement !== chip; i++) {
      await userEvent.tab();
    }
    expect(chip).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'The highest and lowest category levels are two or more apart',
    );
    expect(chip).toHaveAccessibleDescription(
      'The highest and lowest category levels are two or more apart',
    );
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
  });

  it('shows a level whose required check lacks data as "Insufficient data" in the grid', async () => {
    const api = createFakeMaturityApi();
    api.getScorecard.mockResolvedValue({
      ...checkoutApiScorecard,
      categories: checkoutApiScorecard.categories.map(category =>
        category.category === 'test'
          ? {
              ...category,
              levels: category.levels.map(level =>
                level.level === 3
                  ? { ...level, met: false, insufficientData: true }
                  : level,
              ),
            }
          : category,
      ),
    });
    await render(api);

    const grid = await screen.findByRole('table', {
      name: 'Levels by category',
    });
    const test = within(grid).getByRole('row', {
      name: /Test & Verification/,
    });
    // Columns after the category: levels 1 to 5, then the level reached.
    const level3 = test.querySelectorAll('td')[2];
    expect(level3).toHaveTextContent('Insufficient data');
    expect(level3).toHaveAttribute('data-state', 'insufficient-data');
    expect(within(test).getAllByText('Insufficient data')).toHaveLength(1);
  });

  it('lists only what lifts the overall level: the categories at the median, required check first', async () => {
    await render(createFakeMaturityApi());
    const next = (
      await screen.findByText('What lifts this to the next level')
    ).closest('[class*="MuiCard-root"]') as HTMLElement;

    expect(
      within(next).getByText('Overall 2 · Beginner → 3 · Intermediate'),
    ).toBeInTheDocument();
    expect(
      within(next).getByText(
        /it rises when three more categories reach level 3/,
      ),
    ).toBeInTheDocument();
    const culture = within(next).getByRole('region', {
      name: 'Culture & Organization to level 3',
    });
    const items = within(culture).getAllByRole('listitem');
    expect(items[0]).toHaveAccessibleName(
      'No direct pushes to the default branch; branch protection requires a PR and checks',
    );
    expect(within(items[0]).getByText('Required')).toBeInTheDocument();
    // Three categories spelled out, the other two named as alternatives.
    expect(
      within(next).getAllByRole('region', { name: /to level 3$/ }),
    ).toHaveLength(3);
    expect(within(next).getByText(/^Or instead:/)).toBeInTheDocument();
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
      expect(api.getEntityEventsById).toHaveBeenCalledWith(
        ENTITY_REF,
        expect.arrayContaining([expect.stringMatching(/^change:/)]),
        checkoutApiScorecard.window,
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
