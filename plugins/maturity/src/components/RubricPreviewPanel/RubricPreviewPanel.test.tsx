import { ResponseError } from '@backstage/errors';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { RubricPreview } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MaturityApi, maturityApiRef } from '../../api/MaturityApi';
import { RubricPreviewPanel } from './RubricPreviewPanel';

const preview: RubricPreview = {
  currentRubricVersion: '2026.11-abc',
  proposedRubricVersion: '2026.11-def',
  entitiesCompared: 120,
  entitiesChanged: 38,
  notPreviewable: 2,
  changedChecks: [
    {
      checkId: 'build-deploy.4.ci-success-rate',
      title: 'Default-branch CI succeeds at least 90% of the time',
      category: 'build-deploy',
      level: 4,
      changes: ['rule'],
    },
  ],
  levelChanges: [
    { scope: 'overall', kind: 'component', from: 3, to: 2, count: 37 },
    { scope: 'build-deploy', kind: 'component', from: 4, to: 3, count: 38 },
  ],
  checks: [
    {
      checkId: 'build-deploy.4.ci-success-rate',
      title: 'Default-branch CI succeeds at least 90% of the time',
      lowered: 38,
      raised: 0,
    },
  ],
  teams: [
    { ownerRef: 'group:default/payments', lowered: 30, raised: 0, changed: 31 },
    { ownerRef: null, lowered: 7, raised: 0, changed: 7 },
  ],
  entities: {
    items: [
      {
        entityRef: 'component:default/checkout-api',
        title: 'Checkout API',
        kind: 'component',
        ownerRef: 'group:default/payments',
        changes: [
          { scope: 'overall', from: 3, to: 2 },
          { scope: 'build-deploy', from: 4, to: 3 },
        ],
        checks: ['build-deploy.4.ci-success-rate'],
      },
    ],
    totalCount: 38,
    limit: 20,
    offset: 0,
  },
};

function renderPanel(previewRubric: MaturityApi['previewRubric']) {
  const api = { previewRubric: jest.fn(previewRubric) };
  return {
    api,
    rendered: renderInTestApp(
      <TestApiProvider apis={[[maturityApiRef, api]]}>
        <RubricPreviewPanel />
      </TestApiProvider>,
    ),
  };
}

async function paste(text: string) {
  await userEvent.click(
    screen.getByRole('textbox', { name: 'Rubric override (YAML or JSON)' }),
  );
  await userEvent.paste(text);
  await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
}

describe('RubricPreviewPanel', () => {
  it('previews a pasted YAML override: counts, checks, teams and a page of entities', async () => {
    const { api, rendered } = renderPanel(async () => preview);
    await rendered;
    await paste(
      'checks:\n  build-deploy.4.ci-success-rate:\n    threshold: 0.95\n',
    );

    const changes = await screen.findByRole('table', { name: 'Level changes' });
    expect(api.previewRubric).toHaveBeenCalledWith(
      { checks: { 'build-deploy.4.ci-success-rate': { threshold: 0.95 } } },
      { limit: 20, offset: 0 },
    );
    expect(
      within(changes)
        .getAllByRole('row')
        .map(row => row.textContent),
    ).toEqual([
      'LevelChangeEntities',
      'Overall3 → 2 (drops)37 components',
      'Build & Deploy4 → 3 (drops)38 components',
    ]);
    expect(
      screen.getByText(/38 of 120 entities would change level\. 2 could not/),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('table', { name: 'Checks responsible' }),
      ).getAllByRole('row')[1],
    ).toHaveTextContent(/CI succeeds at least 90%.*38\s*0$/);
    const teams = within(screen.getByRole('table', { name: 'Per team' }))
      .getAllByRole('row')
      .map(row => row.textContent);
    expect(teams.slice(1)).toEqual([
      'group:default/payments30031',
      'No owner707',
    ]);
    expect(
      within(
        screen.getByRole('table', { name: 'Affected entities' }),
      ).getAllByRole('row')[1],
    ).toHaveTextContent('Overall 3 → 2, Build & Deploy 4 → 3');

    // 38 affected, 20 a page: the next page is asked of the server.
    await userEvent.click(screen.getByRole('button', { name: /next page/i }));
    expect(api.previewRubric).toHaveBeenLastCalledWith(
      { checks: { 'build-deploy.4.ci-success-rate': { threshold: 0.95 } } },
      { limit: 20, offset: 20 },
    );
  });

  it('shows the path the server names for an invalid override', async () => {
    const refusal = await ResponseError.fromResponse({
      ok: false,
      status: 400,
      statusText: 'Bad Request',
      headers: new Headers({ 'Content-Type': 'application/json' }),
      text: async () =>
        JSON.stringify({
          error: {
            name: 'InputError',
            message:
              "rubric.checks.test.9.nope: unknown check id 'test.9.nope'",
          },
          request: { method: 'POST', url: '/api/maturity/v1/rubric/preview' },
          response: { statusCode: 400 },
        }),
    } as unknown as Response);
    const { rendered } = renderPanel(async () => {
      throw refusal;
    });
    await rendered;
    await paste('{"checks": {"test.9.nope": {"enabled": false}}}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "rubric.checks.test.9.nope: unknown check id 'test.9.nope'",
    );
  });

  it('says what is wrong with text that is not an override, without asking the server', async () => {
    const { api, rendered } = renderPanel(async () => preview);
    await rendered;
    await paste('- just\n- a list\n');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The override must be a mapping with checks and/or addChecks.',
    );
    expect(api.previewRubric).not.toHaveBeenCalled();
  });
});
