import { CheckResult } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkoutApiScorecard } from '../../testing/checkoutApiScorecard';
import {
  recommendationModelMlopsChecks,
  recommendationModelScorecard,
} from '../../testing/recommendationModelScorecard';
import { MlopsPanel } from './MlopsPanel';

/** The fixture's MLOps checks with some states changed. */
function withStates(states: Record<string, CheckResult['state']>) {
  return [
    ...checkoutApiScorecard.checks,
    ...recommendationModelMlopsChecks.map(check =>
      states[check.checkId]
        ? { ...check, state: states[check.checkId] }
        : check,
    ),
  ];
}

describe('MlopsPanel', () => {
  it('shows the MLOps level by name, the ladder and the current step', async () => {
    await renderInTestApp(
      <MlopsPanel scorecard={recommendationModelScorecard} />,
    );
    const panel = screen.getByRole('region', { name: 'MLOps' });
    expect(
      within(panel).getByRole('heading', { name: 'MLOps', level: 3 }),
    ).toBeInTheDocument();
    expect(
      within(panel).getAllByText('1 · ML pipeline automation')[0],
    ).toBeInTheDocument();

    const ladder = within(panel).getByRole('list', { name: 'MLOps levels' });
    const steps = within(ladder).getAllByRole('listitem');
    expect(steps.map(step => step.textContent)).toEqual([
      '0 · Manual processReached: the starting point',
      '1 · ML pipeline automationCurrent level · Reached · 4 of 4 checks met',
      '2 · CI/CD pipeline automationNot reached · 1 of 3 checks met',
    ]);
    expect(
      within(ladder).getByRole('listitem', { current: 'step' }),
    ).toHaveTextContent('1 · ML pipeline automation');
  });

  it('lists every MLOps check by level with state, observed values, how to fix and evidence', async () => {
    const onShowEvidence = jest.fn();
    await renderInTestApp(
      <MlopsPanel
        scorecard={recommendationModelScorecard}
        onShowEvidence={onShowEvidence}
      />,
    );
    const checks = screen.getByRole('region', { name: 'MLOps checks' });
    const level1 = within(checks).getByRole('list', {
      name: 'Level 1 · ML pipeline automation',
    });
    const level2 = within(checks).getByRole('list', {
      name: 'Level 2 · CI/CD pipeline automation',
    });
    expect(within(level1).getAllByRole('listitem')).toHaveLength(4);
    expect(
      within(level2)
        .getAllByRole('listitem')
        .map(item => item.getAttribute('aria-label')),
    ).toEqual([
      'Pipeline deployed by CI to at least 2 environments',
      'Pipeline code tested in CI (approximated: tests present and CI configured)',
      'Drift or skew monitoring configured',
    ]);
    // CDMM checks belong to their categories, not here.
    expect(
      within(checks).queryByRole('listitem', { name: 'CODEOWNERS present' }),
    ).not.toBeInTheDocument();

    const drift = within(level2).getByRole('listitem', {
      name: 'Drift or skew monitoring configured',
    });
    expect(within(drift).getByText('Fail')).toBeInTheDocument();
    expect(within(drift).getByText('drift monitoring')).toBeInTheDocument();
    expect(within(drift).getByText('false')).toBeInTheDocument();
    expect(
      within(drift).getByText(/Monitor serving data for drift/),
    ).toBeInTheDocument();

    const runs = within(level1).getByRole('listitem', {
      name: /^Training pipeline runs/,
    });
    expect(within(runs).getByText('Pass')).toBeInTheDocument();
    expect(within(runs).getByText('Source: MLOps')).toBeInTheDocument();
    expect(within(runs).getByText('>= 1')).toBeInTheDocument();
    await userEvent.click(
      within(runs).getByRole('button', { name: /^Evidence for Training/ }),
    );
    expect(onShowEvidence).toHaveBeenCalledWith(
      recommendationModelMlopsChecks[1],
    );
  });

  it('lists the unmet checks of the next MLOps level, required first', async () => {
    await renderInTestApp(
      <MlopsPanel scorecard={recommendationModelScorecard} />,
    );
    const next = screen.getByRole('region', {
      name: 'What lifts this to the next MLOps level',
    });
    expect(
      within(next).getByText(
        /1 · ML pipeline automation → 2 · CI\/CD pipeline automation/,
      ),
    ).toBeInTheDocument();
    const items = within(next).getAllByRole('listitem');
    expect(items.map(item => item.getAttribute('aria-label'))).toEqual([
      'Pipeline deployed by CI to at least 2 environments',
      'Drift or skew monitoring configured',
    ]);
    expect(within(items[0]).getByText('Required')).toBeInTheDocument();
  });

  it('at level 0, names level 1 as next and keeps data-lacking checks on the list', async () => {
    await renderInTestApp(
      <MlopsPanel
        scorecard={{
          ...recommendationModelScorecard,
          mlops: { level: 0 },
          checks: withStates({
            'mlops.1.experiment-tracking': 'fail',
            'mlops.1.training-runs': 'insufficient-data',
          }),
        }}
      />,
    );
    const panel = screen.getByRole('region', { name: 'MLOps' });
    expect(
      within(panel).getByRole('listitem', { current: 'step' }),
    ).toHaveTextContent('0 · Manual process');
    const next = screen.getByRole('region', {
      name: 'What lifts this to the next MLOps level',
    });
    expect(
      within(next).getByText(/0 · Manual process → 1 · ML pipeline automation/),
    ).toBeInTheDocument();
    expect(
      within(next)
        .getAllByRole('listitem')
        .map(item => item.getAttribute('aria-label')),
    ).toEqual([
      'Training pipeline runs in the window (approximated: at least one pipeline run recorded)',
      'Experiment and metadata tracking',
    ]);
  });

  it('says when the entity is at the top MLOps level', async () => {
    await renderInTestApp(
      <MlopsPanel
        scorecard={{
          ...recommendationModelScorecard,
          mlops: { level: 2 },
          checks: withStates({
            'mlops.2.pipeline-multi-env': 'pass',
            'mlops.2.drift-monitoring': 'exempt',
          }),
        }}
      />,
    );
    const next = screen.getByRole('region', {
      name: 'What lifts this to the next MLOps level',
    });
    expect(next).toHaveTextContent(
      'The MLOps level is at the top, 2 · CI/CD pipeline automation.',
    );
    expect(within(next).queryByRole('listitem')).not.toBeInTheDocument();
  });

  it('says when a higher level is met but the one below it is not', async () => {
    await renderInTestApp(
      <MlopsPanel
        scorecard={{
          ...recommendationModelScorecard,
          mlops: { level: 0 },
          checks: withStates({
            'mlops.1.pipeline-definition': 'fail',
            'mlops.2.pipeline-multi-env': 'pass',
            'mlops.2.drift-monitoring': 'pass',
          }),
        }}
      />,
    );
    const ladder = screen.getByRole('list', { name: 'MLOps levels' });
    expect(within(ladder).getAllByRole('listitem')[2]).toHaveTextContent(
      'Not reached: level 1 comes first · 3 of 3 checks met',
    );
  });

  it('says when the rubric has no MLOps checks enabled', async () => {
    await renderInTestApp(
      <MlopsPanel
        scorecard={{
          ...recommendationModelScorecard,
          mlops: { level: 0 },
          checks: checkoutApiScorecard.checks,
        }}
      />,
    );
    const panel = screen.getByRole('region', { name: 'MLOps' });
    expect(panel).toHaveTextContent(
      'The rubric in use has no enabled MLOps checks',
    );
    expect(within(panel).queryByRole('list')).not.toBeInTheDocument();
  });

  it('renders nothing for an entity the MLOps track does not apply to', async () => {
    await renderInTestApp(<MlopsPanel scorecard={checkoutApiScorecard} />);
    expect(
      screen.queryByRole('region', { name: 'MLOps' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText(/MLOps/)).not.toBeInTheDocument();
  });
});
