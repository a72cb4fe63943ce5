import { ResponseError } from '@backstage/errors';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MaturityApi, maturityApiRef } from '../../api/MaturityApi';
import {
  checkoutApiEvents,
  checkoutApiSummary,
  createFakeMaturityApi,
  emptySummary,
  ENTITY_REF,
  NOW,
} from '../../testing/checkoutApiActivity';
import { EntityActivity } from './EntityActivity';

function renderActivity(api: MaturityApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[maturityApiRef, api]]}>
      <EntityActivity entityRef={ENTITY_REF} />
    </TestApiProvider>,
  );
}

/**
 * The body rows of the table titled `title`, as arrays of cell texts, without
 * the hint that an external link opens a new window.
 */
function tableRows(title: string): string[][] {
  const heading = screen.getByRole('heading', { name: title });
  const table = heading.closest('.MuiPaper-root')!.querySelector('table')!;
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell =>
          (cell.textContent ?? '').replace(', Opens in a new window', ''),
        ),
    );
}

describe('EntityActivity', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW));
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('shows progress while loading', async () => {
    const never = new Promise<never>(() => {});
    const api: MaturityApi = createFakeMaturityApi();
    api.getEntityActivity = jest.fn(() => never);
    api.getEntityEvents = jest.fn(() => never);

    await renderActivity(api);

    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByText('Recorded activity')).not.toBeInTheDocument();
  });

  it('shows the error and retries', async () => {
    const api = createFakeMaturityApi(checkoutApiSummary, checkoutApiEvents);
    const failure = await ResponseError.fromResponse({
      ok: false,
      status: 503,
      statusText: 'Service Unavailable',
      headers: new Headers({ 'content-type': 'application/json' }),
      text: async () =>
        JSON.stringify({
          error: { name: 'ServiceUnavailableError', message: 'Store is down' },
          request: { method: 'GET', url: '/api/maturity/v1/...' },
          response: { statusCode: 503 },
        }),
    } as unknown as Response);
    api.getEntityActivity.mockRejectedValueOnce(failure);

    await renderActivity(api);

    expect(
      await screen.findByText(/Could not load the recorded activity/),
    ).toBeInTheDocument();
    expect(screen.queryByText('Recorded activity')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText('Recorded activity')).toBeInTheDocument();
    expect(api.getEntityActivity).toHaveBeenCalledTimes(2);
  });

  it('explains how to feed activity when nothing was recorded', async () => {
    const api = createFakeMaturityApi(emptySummary, []);

    await renderActivity(api);

    expect(
      await screen.findByText('No activity recorded yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('POST /api/maturity/v1/events'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('component:default/checkout-api'),
    ).toBeInTheDocument();
  });

  it('loads the counts and ten recent events of each type over one window', async () => {
    const api = createFakeMaturityApi(checkoutApiSummary, checkoutApiEvents);

    await renderActivity(api);
    await screen.findByText('Recorded activity');

    const window = {
      from: '2026-08-25T12:00:00.000Z',
      to: '2026-11-23T12:00:00.000Z',
    };
    expect(api.getEntityActivity).toHaveBeenCalledTimes(1);
    expect(api.getEntityActivity).toHaveBeenCalledWith(ENTITY_REF, window);
    expect(api.getEntityEvents).toHaveBeenCalledTimes(5);
    for (const type of [
      'deployment',
      'build',
      'change',
      'incident',
      'repo_fact',
    ]) {
      expect(api.getEntityEvents).toHaveBeenCalledWith(ENTITY_REF, {
        ...window,
        types: [type],
        limit: 10,
      });
    }
  });

  it('shows the counts of the window', async () => {
    const api = createFakeMaturityApi(checkoutApiSummary, checkoutApiEvents);

    await renderActivity(api);
    await screen.findByText('Recorded activity');

    const count = (label: string) =>
      within(screen.getByRole('region', { name: label }));
    expect(count('Deployments').getByText('42')).toBeInTheDocument();
    expect(count('Deployments').getByText('3 hours ago')).toBeInTheDocument();
    expect(count('Builds').getByText('2')).toBeInTheDocument();
    expect(count('Changes').getByText('17')).toBeInTheDocument();
    expect(count('Incidents').getByText('2')).toBeInTheDocument();
    expect(count('Repo facts').getByText('2')).toBeInTheDocument();
  });

  it('lists recent deployments, builds, changes and incidents', async () => {
    const api = createFakeMaturityApi(checkoutApiSummary, checkoutApiEvents);

    await renderActivity(api);
    await screen.findByText('Recorded activity');

    expect(tableRows('Recent deployments')).toEqual([
      ['production', 'Succeeded', 'a1b2c3d', '3 hours ago', 'Manual', 'Hotfix'],
      ['staging', 'Failed', 'ffeeddc', '2 days ago', 'Automated', 'Planned'],
    ]);
    expect(screen.getByText('Latest 2 of 42')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^production/ })).toHaveAttribute(
      'href',
      'https://argocd.example.com/applications/checkout-api?rev=412',
    );
    expect(
      screen.queryByRole('link', { name: /^staging/ }),
    ).not.toBeInTheDocument();

    expect(tableRows('Recent builds')).toEqual([
      [
        'ci.yaml',
        'main (default)',
        'Running',
        'not finished',
        '10 minutes ago',
      ],
      ['ci.yaml', 'fix/rounding', 'Failed', '12m 30s', 'yesterday'],
    ]);

    expect(tableRows('Recent changes')).toEqual([
      [
        'Retry payment capture on timeout',
        'Pull request',
        'Open',
        'asmith',
        '20 hours ago',
        'not merged yet',
      ],
      [
        'Round tax per line item',
        'Pull request',
        'Merged',
        'jdoe',
        '3 days ago',
        '1d 3h',
      ],
    ]);
    expect(
      screen.getByRole('link', { name: /^Round tax per line item/ }),
    ).toHaveAttribute('href', 'https://github.com/acme/checkout-api/pull/318');

    expect(tableRows('Recent incidents')).toEqual([
      [
        'Checkout error rate above 5%',
        'High',
        'Triggered',
        '2 hours ago',
        'open',
      ],
      ['Slow cart totals', 'Low', 'Resolved', '5 days ago', '2h 15m'],
    ]);
  });

  it('lists the repository facts', async () => {
    const api = createFakeMaturityApi(checkoutApiSummary, checkoutApiEvents);

    await renderActivity(api);
    await screen.findByText('Recorded activity');

    const facts = screen
      .getByText('Repository facts')
      .closest('.MuiCard-root')!;
    const terms = facts.querySelectorAll('dt');
    const values = facts.querySelectorAll('dd');
    expect(Array.from(terms, t => t.textContent)).toEqual([
      'codeowners',
      'branch_protection',
    ]);
    expect(Array.from(values, v => v.textContent)).toEqual([
      'Yes (github, 6 hours ago)',
      'No (github, 6 hours ago)',
    ]);
  });

  it('shows each table empty on its own when only some activity exists', async () => {
    const onlyDeploys = checkoutApiEvents.filter(e => e.type === 'deployment');
    const api = createFakeMaturityApi(
      {
        ...emptySummary,
        counts: { ...emptySummary.counts, deployment: 2 },
        latest: { deployment: '2026-11-23T09:04:00.000Z' },
      },
      onlyDeploys,
    );

    await renderActivity(api);
    await screen.findByText('Recorded activity');

    expect(tableRows('Recent deployments')).toHaveLength(2);
    expect(
      screen.getByText('No builds recorded in this window.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No incidents recorded in this window.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No repository facts observed in this window.'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Builds' })).getByText(
          'none in this window',
        ),
      ).toBeInTheDocument(),
    );
  });
});
