import { makeEvaluation } from '../testing/makeEvaluation';
import { CheckResult } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  fromStoredScorecard,
  STORED_CHECK_FIELDS,
  toStoredScorecard,
} from './storedScorecard';

describe('storedScorecard', () => {
  const { scorecard } = makeEvaluation('component:default/checkout-api', {
    levels: [3, 2, 3, 2, 3],
    failing: ['build-deploy.4.ci-success', 'test.1.tests'],
  });

  it('keeps what the evaluation found and gives back the rest', () => {
    const { document, definitions } = toStoredScorecard(scorecard);
    expect(document.checks[0]).toEqual({
      checkId: 'build-deploy.4.ci-success',
      state: 'fail',
      message: 'failing',
      observed: {},
    });
    expect(definitions.get('test.1.tests')).toEqual({
      title: 'test.1.tests',
      category: 'build-deploy',
      level: 1,
      required: false,
      source: 'heuristic',
      howToFix: 'fix it',
    });
    expect(fromStoredScorecard(document, id => definitions.get(id))).toEqual(
      scorecard,
    );
  });

  it('keeps the levels without waivers and the states exemptions replaced', () => {
    const waived = makeEvaluation('component:default/checkout-api', {
      levels: [3, 2, 3, 2, 3],
      withoutWaivers: [1, 2, 3, 2, 3],
      waived: { 'culture.1.owner-is-group': 'fail' },
    }).scorecard;
    const { document, definitions } = toStoredScorecard(waived);
    expect(document.checks[0]).toMatchObject({
      state: 'exempt',
      stateWithoutWaiver: 'fail',
    });
    const restored = fromStoredScorecard(document, id => definitions.get(id));
    expect(restored).toEqual(waived);
    expect(restored.levelsWithoutWaivers?.overallLevel).toBe(2);
  });

  it('keeps every field of a check, each in the document or the definition', () => {
    const everyField: CheckResult = {
      checkId: 'build-deploy.4.ci-success',
      title: 'CI succeeds',
      category: 'build-deploy',
      level: 4,
      required: true,
      state: 'exempt',
      message: 'Exempt: migrating. Observed: 0.7 < 0.9',
      observed: { ci_success_rate: 0.7 },
      threshold: '>= 0.9',
      source: 'DORA-2024',
      howToFix: 'fix the flaky tests',
      evidence: ['build:12', 'build:13'],
      exemption: {
        id: 'e1',
        entityRef: 'component:default/checkout-api',
        checkId: 'build-deploy.4.ci-success',
        reason: 'migrating',
      } as CheckResult['exemption'],
      stateWithoutWaiver: 'fail',
      countsFrom: '2026-12-20',
    };
    expect(Object.keys(everyField).sort()).toEqual(
      Object.keys(STORED_CHECK_FIELDS).sort(),
    );
    const card = { ...scorecard, checks: [everyField] };
    const { document, definitions } = toStoredScorecard(card);
    const stored = document.checks[0] as Record<string, unknown>;
    for (const [field, place] of Object.entries(STORED_CHECK_FIELDS)) {
      expect([field, field in stored]).toEqual([field, place === 'stored']);
    }
    expect(fromStoredScorecard(document, id => definitions.get(id))).toEqual(
      card,
    );
  });

  it('gives only the definitions not known yet', () => {
    const { document, definitions } = toStoredScorecard(
      scorecard,
      checkId => checkId === 'build-deploy.4.ci-success',
    );
    expect([...definitions.keys()]).toEqual(['test.1.tests']);
    expect(document.checks).toHaveLength(2);
  });

  it('refuses to invent a check it has no definition of', () => {
    const { document } = toStoredScorecard(scorecard);
    expect(() => fromStoredScorecard(document, () => undefined)).toThrow(
      'No definition of check build-deploy.4.ci-success in rubric test-1',
    );
  });
});
