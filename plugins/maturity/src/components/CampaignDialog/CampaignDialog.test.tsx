import { ResponseError } from '@backstage/errors';
import { defaultRubric } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { maturityApiRef } from '../../api/MaturityApi';
import { testsRequiredCampaign } from '../../testing/campaignFixtures';
import { createFakeMaturityApi, NOW } from '../../testing/checkoutApiActivity';
import { CampaignDialog } from './CampaignDialog';

async function refusal(status: number, message: string) {
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText: 'Refused',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: { name: 'Error', message },
        response: { statusCode: status },
      }),
  } as unknown as Response);
}

function render(
  onSubmit: jest.Mock,
  api: ReturnType<typeof createFakeMaturityApi> = createFakeMaturityApi(),
) {
  return renderInTestApp(
    <TestApiProvider apis={[[maturityApiRef, api]]}>
      <CampaignDialog
        open
        campaign={testsRequiredCampaign}
        onClose={() => {}}
        onSubmit={onSubmit}
      />
    </TestApiProvider>,
  );
}

jest.setTimeout(30_000);

describe('CampaignDialog', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(NOW)));
  afterEach(() => jest.restoreAllMocks());

  it('offers only the checks the active rubric scores', async () => {
    const disabled = 'test.3.tests-required';
    const rubric = {
      ...defaultRubric,
      categories: defaultRubric.categories.map(category => ({
        ...category,
        levels: category.levels.map(level => ({
          ...level,
          checks: level.checks.map(check =>
            check.id === disabled ? { ...check, enabled: false } : check,
          ),
        })),
      })),
    };
    await render(
      jest.fn(),
      createFakeMaturityApi(undefined, undefined, {
        getRubric: async () => rubric,
      }),
    );
    const checks = await screen.findByRole('listbox', {
      name: /Checks to pass/,
    });
    await waitFor(() =>
      expect(
        within(checks)
          .getAllByRole('option')
          .map(option => option.getAttribute('value')),
      ).toContain('test.4.e2e-gates-production'),
    );
    expect(
      within(checks)
        .getAllByRole('option')
        .map(option => option.getAttribute('value')),
    ).not.toContain(disabled);
  });

  it('marks the milestone a refusal names', async () => {
    const onSubmit = jest
      .fn()
      .mockRejectedValue(
        await refusal(400, 'milestones[1].date: must not be after deadline'),
      );
    await render(onSubmit);
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(dialog).toHaveTextContent(
        'milestones[1].date: must not be after deadline',
      ),
    );
    expect(within(dialog).getByLabelText('Milestone 2 day')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(within(dialog).getByLabelText('Milestone 1 day')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
  });

  it('says a finished campaign is read-only when the save answers 409', async () => {
    const onSubmit = jest
      .fn()
      .mockRejectedValue(await refusal(409, 'Campaign c-tests has finished'));
    await render(onSubmit);
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(dialog).toHaveTextContent(
        'The campaign has finished and is read-only now. Campaign c-tests has finished',
      ),
    );
  });

  it('names what is missing without asking the server', async () => {
    const onSubmit = jest.fn();
    await render(onSubmit);
    const dialog = screen.getByRole('dialog');
    await userEvent.clear(
      within(dialog).getByRole('textbox', { name: /^Title/ }),
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(
      within(dialog).getByRole('textbox', { name: /^Title/ }),
    ).toHaveAccessibleDescription('Give the campaign a title.');
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
