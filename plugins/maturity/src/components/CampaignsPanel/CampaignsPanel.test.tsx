import { ResponseError } from '@backstage/errors';
import { defaultRubric } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Campaign } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  ListCampaignsOptions,
  MaturityApi,
  maturityApiRef,
} from '../../api/MaturityApi';
import { overviewRouteRef } from '../../routes';
import {
  finishedCampaign,
  finishedProgress,
  testsRequiredCampaign,
  testsRequiredProgress,
  testsRequiredShortPage,
  upcomingCampaign,
} from '../../testing/campaignFixtures';
import { createFakeMaturityApi, NOW } from '../../testing/checkoutApiActivity';
import { MaturityPage } from '../MaturityPage';

/** A page of `campaigns` as the backend serves one: filtered, then paged. */
function listOf(campaigns: Campaign[]) {
  return async ({
    status = [],
    limit = 50,
    offset = 0,
  }: ListCampaignsOptions = {}) => {
    const matching = campaigns.filter(
      c => status.length === 0 || status.includes(c.status),
    );
    return {
      items: matching.slice(offset, offset + limit),
      totalCount: matching.length,
    };
  };
}

function fakeApi(
  campaigns: Campaign[] = [
    testsRequiredCampaign,
    upcomingCampaign,
    finishedCampaign,
  ],
) {
  return createFakeMaturityApi(undefined, undefined, {
    // The checks to choose from, with their titles and how to fix them.
    getRubric: async () => defaultRubric,
    listCampaigns: listOf(campaigns),
    getCampaign: async id => {
      if (id === finishedCampaign.id) return finishedProgress;
      if (id === testsRequiredCampaign.id) return testsRequiredProgress;
      throw Object.assign(new Error(`Campaign ${id} not found`), {
        name: 'NotFoundError',
      });
    },
    listCampaignEntities: async () => testsRequiredShortPage,
    createCampaign: async input => ({
      ...testsRequiredCampaign,
      ...input,
      id: 'c-new',
    }),
    updateCampaign: async (id, input) => ({
      ...testsRequiredCampaign,
      ...input,
      id,
    }),
    deleteCampaign: async () => undefined,
  });
}

function render(api: MaturityApi, path = '/maturity?view=campaigns') {
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
      <MaturityPage />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/maturity': overviewRouteRef,
      },
    },
  );
}

async function badRequest(message: string) {
  return ResponseError.fromResponse({
    ok: false,
    status: 400,
    statusText: 'Bad Request',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: { name: 'InputError', message },
        response: { statusCode: 400 },
      }),
  } as unknown as Response);
}

jest.setTimeout(60_000);

describe('CampaignsPanel', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('is a tab of the Maturity page listing the active and upcoming campaigns with their figures', async () => {
    const api = fakeApi();
    await render(api, '/maturity');
    await userEvent.click(
      await screen.findByRole('tab', { name: 'Campaigns' }),
    );

    const region = await screen.findByRole('region', { name: 'Campaigns' });
    const table = await within(region).findByRole('table', {
      name: 'Campaign list',
    });
    expect(api.listCampaigns).toHaveBeenCalledWith({
      status: ['active', 'upcoming'],
      limit: 25,
      offset: 0,
    });
    expect(
      within(region).getByRole('tab', { name: 'Active and upcoming' }),
    ).toHaveAttribute('aria-selected', 'true');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      expect.stringContaining('Tests as required checks'),
      expect.stringContaining('Automate ML pipelines'),
    ]);
    expect(rows[0]).toHaveTextContent('23 of 39 (59 %)');
    expect(rows[0]).toHaveTextContent(
      'Pass Tests are required checks before merge, Integration tests run in CI',
    );
    expect(rows[0]).toHaveTextContent('Mar 31, 2027');
    expect(rows[0]).toHaveTextContent('Active');
    expect(
      within(rows[0]).getByRole('progressbar', {
        name: 'Tests as required checks: share meeting the goal',
      }),
    ).toHaveAttribute('aria-valuenow', '59');
    expect(rows[1]).toHaveTextContent('Not computed yet');
    expect(rows[1]).toHaveTextContent('Upcoming');
    expect(
      within(rows[0]).getByRole('link', { name: 'Tests as required checks' }),
    ).toHaveAttribute('href', '/maturity?view=campaigns&campaign=c-tests');
    expect(
      within(region).getByRole('button', { name: 'New campaign' }),
    ).toBeInTheDocument();
    // The overview is not shown meanwhile.
    expect(screen.queryByRole('region', { name: 'Organisation' })).toBeNull();
  });

  it('lists the campaigns of the status tab chosen, a finished one with the day it finished', async () => {
    const api = fakeApi();
    await render(api);
    const region = await screen.findByRole('region', { name: 'Campaigns' });
    await within(region).findByRole('table', { name: 'Campaign list' });
    const titles = () =>
      within(within(region).getByRole('table', { name: 'Campaign list' }))
        .getAllByRole('row')
        .slice(1)
        .map(row => within(row).getByRole('link').textContent);

    await userEvent.click(
      within(region).getByRole('tab', { name: 'Finished' }),
    );
    await waitFor(() =>
      expect(titles()).toEqual(['Reach Intermediate in Test']),
    );
    expect(api.listCampaigns).toHaveBeenLastCalledWith({
      status: ['finished'],
      limit: 25,
      offset: 0,
    });
    expect(within(region).getAllByRole('row')[1]).toHaveTextContent(
      'Finished Nov 1, 2026',
    );

    await userEvent.click(
      within(region).getByRole('tab', { name: 'Upcoming' }),
    );
    await waitFor(() => expect(titles()).toEqual(['Automate ML pipelines']));

    await userEvent.click(within(region).getByRole('tab', { name: 'All' }));
    await waitFor(() =>
      expect(titles()).toEqual([
        'Tests as required checks',
        'Automate ML pipelines',
        'Reach Intermediate in Test',
      ]),
    );
    expect(api.listCampaigns).toHaveBeenLastCalledWith({
      status: [],
      limit: 25,
      offset: 0,
    });

    await userEvent.click(within(region).getByRole('tab', { name: 'Active' }));
    await waitFor(() => expect(titles()).toEqual(['Tests as required checks']));
  });

  it('says when no campaign has the status chosen', async () => {
    await render(fakeApi([finishedCampaign]));
    const region = await screen.findByRole('region', { name: 'Campaigns' });
    expect(
      await within(region).findByText('No active or upcoming campaigns'),
    ).toBeInTheDocument();
    await userEvent.click(
      within(region).getByRole('tab', { name: 'Finished' }),
    );
    expect(
      await within(region).findByRole('link', {
        name: 'Reach Intermediate in Test',
      }),
    ).toBeInTheDocument();
  });

  it('pages through many campaigns, from the first page again on another tab', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      ...testsRequiredCampaign,
      id: `c-${i + 1}`,
      title: `Campaign ${i + 1}`,
    }));
    const api = fakeApi(many);
    await render(api);
    const region = await screen.findByRole('region', { name: 'Campaigns' });
    const table = await within(region).findByRole('table', {
      name: 'Campaign list',
    });
    expect(within(table).getAllByRole('row').slice(1)).toHaveLength(25);
    expect(region).toHaveTextContent('1-25 of 30');

    await userEvent.click(
      within(region).getByRole('button', { name: /next page/i }),
    );
    expect(
      await within(region).findByRole('link', { name: 'Campaign 26' }),
    ).toBeInTheDocument();
    expect(api.listCampaigns).toHaveBeenLastCalledWith({
      status: ['active', 'upcoming'],
      limit: 25,
      offset: 25,
    });
    expect(
      within(
        within(region).getByRole('table', { name: 'Campaign list' }),
      ).getAllByRole('row'),
    ).toHaveLength(6);
    expect(region).toHaveTextContent('26-30 of 30');

    await userEvent.click(within(region).getByRole('tab', { name: 'All' }));
    expect(
      await within(region).findByRole('link', { name: 'Campaign 1' }),
    ).toBeInTheDocument();
    expect(api.listCampaigns).toHaveBeenLastCalledWith({
      status: [],
      limit: 25,
      offset: 0,
    });
  });

  it('shows a campaign: its burn-up, its teams most short first and the entities still short, paged', async () => {
    const api = fakeApi();
    await render(api);
    await userEvent.click(
      await screen.findByRole('link', { name: 'Tests as required checks' }),
    );

    const detail = await screen.findByRole('region', {
      name: 'Tests as required checks',
    });
    expect(api.getCampaign).toHaveBeenCalledWith('c-tests');
    expect(detail).toHaveTextContent(
      'Every production service makes its tests required before merge.',
    );
    expect(detail).toHaveTextContent(
      'ScopeEntities owned by group:default/acme and their sub-groups; lifecycles: production',
    );
    expect(detail).toHaveTextContent('23 of 39 (59 %) on Nov 23, 2026');
    expect(within(detail).getByRole('button', { name: 'Edit' })).toBeEnabled();
    expect(
      within(detail).getByRole('button', { name: 'Delete' }),
    ).toBeEnabled();

    const burnUp = screen.getByRole('figure', { name: 'Campaign burn-up' });
    expect(
      within(burnUp).getByRole('img', {
        name: '26 % meeting the goal on Nov 1, 2026, 59 % on Nov 23, 2026. Milestones: 50 % by Dec 31, 2026, 80 % by Feb 28, 2027. Deadline Mar 31, 2027.',
      }),
    ).toBeInTheDocument();

    const teams = screen.getByRole('table', { name: 'Teams' });
    expect(
      within(teams)
        .getAllByRole('row')
        .slice(1)
        .map(row => Array.from(row.children, cell => cell.textContent)),
    ).toEqual([
      ['payments', '12', '2', '10', '17 %'],
      ['search', '27', '21', '6', '78 %'],
    ]);

    const short = await screen.findByRole('table', {
      name: 'Entities still short',
    });
    expect(api.listCampaignEntities).toHaveBeenCalledWith('c-tests', {
      meetsGoal: false,
      limit: 20,
      offset: 0,
    });
    const checkout = within(short).getByRole('row', { name: /Checkout API/ });
    expect(
      within(checkout).getByRole('link', { name: 'Checkout API' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api/maturity',
    );
    expect(checkout).toHaveTextContent(
      'Tests are required checks before merge',
    );
    expect(checkout).toHaveTextContent(/How to fix: \S+/);
    expect(checkout).not.toHaveTextContent('Integration tests run in CI');
    const ledger = within(short).getByRole('row', { name: /ledger-service/ });
    expect(ledger).toHaveTextContent('Integration tests run in CI');

    // 16 short fit on a page; with more, the next page is asked of the server.
    expect(screen.queryByRole('button', { name: /next page/i })).toBeNull();
    api.listCampaignEntities.mockResolvedValue({
      ...testsRequiredShortPage,
      totalCount: 45,
    });
    await userEvent.click(screen.getByRole('link', { name: 'All campaigns' }));
    await userEvent.click(
      await screen.findByRole('link', { name: 'Tests as required checks' }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: /next page/i }),
    );
    await waitFor(() =>
      expect(api.listCampaignEntities).toHaveBeenLastCalledWith('c-tests', {
        meetsGoal: false,
        limit: 20,
        offset: 20,
      }),
    );

    await userEvent.click(screen.getByRole('link', { name: 'All campaigns' }));
    expect(
      await screen.findByRole('table', { name: 'Campaign list' }),
    ).toBeInTheDocument();
  });

  it('keeps a finished campaign read-only with its final figures', async () => {
    const api = fakeApi();
    await render(api, '/maturity?view=campaigns&campaign=c-level');

    const detail = await screen.findByRole('region', {
      name: 'Reach Intermediate in Test',
    });
    expect(detail).toHaveTextContent(
      'Finished on Nov 1, 2026 — final figures (deadline Oct 31, 2026)',
    );
    expect(detail).toHaveTextContent('9 of 10 (90 %) on Oct 31, 2026');
    expect(within(detail).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(detail).queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('says a campaign past its deadline is ended until its final figures are kept', async () => {
    const api = fakeApi();
    const { finishedAt, ...unmarked } = finishedCampaign;
    api.getCampaign.mockResolvedValue({
      ...finishedProgress,
      campaign: unmarked,
    });
    await render(api, '/maturity?view=campaigns&campaign=c-level');

    const detail = await screen.findByRole('region', {
      name: 'Reach Intermediate in Test',
    });
    expect(detail).toHaveTextContent(
      'Ended on Oct 31, 2026 — its final figures are being computed',
    );
    expect(detail).not.toHaveTextContent('Finished on');
  });

  it('says when a campaign does not exist', async () => {
    await render(fakeApi(), '/maturity?view=campaigns&campaign=gone');
    expect(await screen.findByText('No such campaign')).toBeInTheDocument();
  });

  it('creates a campaign, showing the server’s refusal at the field it names', async () => {
    const api = fakeApi();
    api.createCampaign.mockRejectedValueOnce(
      await badRequest('deadline: must not be before startsOn'),
    );
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );

    const dialog = await screen.findByRole('dialog', { name: 'New campaign' });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Title' }),
      'Integration tests everywhere',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Owner group' }),
      'group:default/platform',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Tags' }),
      'java, kotlin',
    );
    await userEvent.selectOptions(
      within(dialog).getByRole('listbox', { name: 'Checks to pass' }),
      ['test.2.integration-tests'],
    );
    fireEvent.change(within(dialog).getByLabelText(/^Deadline/), {
      target: { value: '2026-11-01' },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add milestone' }),
    );
    fireEvent.change(within(dialog).getByLabelText('Milestone 1 day'), {
      target: { value: '2027-01-15' },
    });
    await userEvent.type(
      within(dialog).getByRole('spinbutton', {
        name: 'Milestone 1 target (%)',
      }),
      '50',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );

    await waitFor(() =>
      expect(
        within(dialog).getByLabelText(/^Deadline/),
      ).toHaveAccessibleDescription('deadline: must not be before startsOn'),
    );
    expect(within(dialog).getByLabelText(/^Deadline/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(api.createCampaign).toHaveBeenCalledWith({
      title: 'Integration tests everywhere',
      description: '',
      ownerRef: 'group:default/platform',
      scope: { tags: ['java', 'kotlin'] },
      goal: { type: 'checks', checkIds: ['test.2.integration-tests'] },
      allowExemptions: false,
      startsOn: '2026-11-23',
      deadline: '2026-11-01',
      milestones: [{ date: '2027-01-15', targetShare: 0.5 }],
    });

    fireEvent.change(within(dialog).getByLabelText(/^Deadline/), {
      target: { value: '2027-03-31' },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );

    await waitFor(() => expect(api.getCampaign).toHaveBeenCalledWith('c-new'));
    expect(api.createCampaign).toHaveBeenLastCalledWith(
      expect.objectContaining({ deadline: '2027-03-31' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'New campaign' })).toBeNull(),
    );
  });

  it('shows a refusal that names no field above the buttons', async () => {
    const api = fakeApi();
    api.createCampaign.mockRejectedValueOnce(
      await badRequest('body: not valid JSON'),
    );
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'New campaign' });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Title' }),
      'Overall 2',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Owner group' }),
      'group:default/platform',
    );
    await userEvent.click(
      within(dialog).getByRole('radio', { name: 'Reach an overall level' }),
    );
    await userEvent.clear(
      within(dialog).getByRole('spinbutton', { name: 'Level to reach' }),
    );
    await userEvent.type(
      within(dialog).getByRole('spinbutton', { name: 'Level to reach' }),
      '2',
    );
    fireEvent.change(within(dialog).getByLabelText(/^Deadline/), {
      target: { value: '2027-03-31' },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );

    await waitFor(() =>
      expect(dialog).toHaveTextContent('Error: Could not save the campaign'),
    );
    expect(dialog).toHaveTextContent('body: not valid JSON');
    expect(api.createCampaign).toHaveBeenCalledWith(
      expect.objectContaining({ goal: { type: 'overallLevel', level: 2 } }),
    );
  });

  it('edits a campaign in the dialog, filled with its fields', async () => {
    const api = fakeApi();
    await render(api, '/maturity?view=campaigns&campaign=c-tests');
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));

    const dialog = await screen.findByRole('dialog', {
      name: 'Edit “Tests as required checks”',
    });
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    expect(title).toHaveValue('Tests as required checks');
    expect(
      within(dialog).getByRole('textbox', { name: 'Lifecycles' }),
    ).toHaveValue('production');
    await userEvent.clear(title);
    await userEvent.type(title, 'Required tests');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.updateCampaign).toHaveBeenCalledWith(
        'c-tests',
        expect.objectContaining({
          title: 'Required tests',
          goal: testsRequiredCampaign.goal,
          milestones: testsRequiredCampaign.milestones,
          reminderDaysBefore: [14, 3],
        }),
      ),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Loaded again after the change.
    expect(api.getCampaign).toHaveBeenCalledTimes(2);
  });

  it('deletes a campaign after confirming, then lists the rest', async () => {
    const api = fakeApi();
    await render(api, '/maturity?view=campaigns&campaign=c-tests');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete' }),
    );
    const confirm = await screen.findByRole('dialog', {
      name: 'Delete “Tests as required checks”?',
    });
    await userEvent.click(
      within(confirm).getByRole('button', { name: 'Delete campaign' }),
    );

    expect(api.deleteCampaign).toHaveBeenCalledWith('c-tests');
    expect(
      await screen.findByRole('table', { name: 'Campaign list' }),
    ).toBeInTheDocument();
  });
});
