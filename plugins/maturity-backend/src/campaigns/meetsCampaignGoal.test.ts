import { CampaignGoal } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { campaignRubric, standing } from './__testUtils__/campaignFixtures';
import { CampaignGoalTerms, meetsCampaignGoal } from './meetsCampaignGoal';

const terms = (goal: CampaignGoal, allowExemptions = false) =>
  ({ goal, allowExemptions } as CampaignGoalTerms);

const judge = (
  s: ReturnType<typeof standing>,
  goal: CampaignGoal,
  allowExemptions = false,
) => meetsCampaignGoal(s, terms(goal, allowExemptions), campaignRubric);

describe('meetsCampaignGoal', () => {
  describe('a checks goal', () => {
    const goal: CampaignGoal = {
      type: 'checks',
      checkIds: ['test.1.a', 'build-deploy.2.b'],
    };

    it('is met when every goal check passes or does not apply', () => {
      expect(
        judge(
          standing('svc', {
            checkStates: {
              'test.1.a': 'pass',
              'build-deploy.2.b': 'not-applicable',
            },
          }),
          goal,
        ),
      ).toEqual({ meetsGoal: true });
    });

    it('counts a check the entity does not have as not applicable', () => {
      expect(
        judge(standing('svc', { checkStates: { 'test.1.a': 'pass' } }), goal),
      ).toEqual({ meetsGoal: true });
    });

    it('lists failing and insufficient-data goal checks, in the goal order', () => {
      expect(
        judge(
          standing('svc', {
            checkStates: {
              'test.1.a': 'insufficient-data',
              'build-deploy.2.b': 'fail',
            },
          }),
          goal,
        ),
      ).toEqual({
        meetsGoal: false,
        shortfall: { failingChecks: ['test.1.a', 'build-deploy.2.b'] },
      });
    });

    it('counts an exempt check only when the campaign allows exemptions', () => {
      const exempt = standing('svc', {
        checkStates: { 'test.1.a': 'exempt', 'build-deploy.2.b': 'pass' },
        waivedCheckStates: { 'test.1.a': 'fail' },
      });
      expect(judge(exempt, goal, true)).toEqual({ meetsGoal: true });
      expect(judge(exempt, goal, false)).toEqual({
        meetsGoal: false,
        shortfall: { failingChecks: ['test.1.a'] },
      });
    });

    it('without exemptions, judges an exempt check by its data alone (fail when not kept)', () => {
      const passesAnyway = standing('svc', {
        checkStates: { 'test.1.a': 'exempt' },
        waivedCheckStates: { 'test.1.a': 'pass' },
      });
      expect(judge(passesAnyway, goal)).toEqual({ meetsGoal: true });
      const unknown = standing('svc', {
        checkStates: { 'test.1.a': 'exempt' },
      });
      expect(judge(unknown, goal)).toEqual({
        meetsGoal: false,
        shortfall: { failingChecks: ['test.1.a'] },
      });
    });
  });

  describe('a category level goal', () => {
    const goal: CampaignGoal = {
      type: 'categoryLevel',
      category: 'test',
      level: 3,
    };

    it('is met at or above the target level', () => {
      expect(judge(standing('svc', {}, 3), goal)).toEqual({ meetsGoal: true });
      expect(judge(standing('svc', {}, 4), goal)).toEqual({ meetsGoal: true });
    });

    it('gives the level and the unmet checks of the levels up to the target', () => {
      const s = standing(
        'svc',
        {
          checkStates: {
            'test.1.a': 'fail', // below the current level: not listed
            'test.2.a': 'pass',
            'test.2.b': 'fail',
            'test.3.a': 'insufficient-data',
            'test.3.b': 'not-applicable',
            'build-deploy.2.a': 'fail', // another category
          },
        },
        1,
      );
      expect(judge(s, goal)).toEqual({
        meetsGoal: false,
        shortfall: { level: 1, failingChecks: ['test.2.b', 'test.3.a'] },
      });
    });

    it('with exemptions allowed reads the held level and counts exempt checks as met', () => {
      const s = standing(
        'svc',
        {
          categoryLevels: { ...standing('x').categoryLevels, test: 3 },
          levelsWithoutWaivers: {
            overall: 1,
            categories: { ...standing('x').categoryLevels, test: 2 },
          },
          checkStates: { 'test.3.a': 'exempt' },
          waivedCheckStates: { 'test.3.a': 'fail' },
        },
        1,
      );
      expect(judge(s, goal, true)).toEqual({ meetsGoal: true });
      expect(judge(s, goal, false)).toEqual({
        meetsGoal: false,
        shortfall: { level: 2, failingChecks: ['test.3.a'] },
      });
    });

    it('without levels without waivers (older rows) falls back to the held level', () => {
      const s = standing('svc', {
        categoryLevels: { ...standing('x').categoryLevels, test: 3 },
        checkStates: { 'test.3.a': 'exempt' },
      });
      expect(s.levelsWithoutWaivers).toBeUndefined();
      expect(judge(s, goal, false)).toEqual({ meetsGoal: true });
    });
  });

  describe('an overall level goal', () => {
    const goal: CampaignGoal = { type: 'overallLevel', level: 2 };

    it('compares the overall level, listing the unmet checks of every category below the target', () => {
      const s = standing('svc', {
        overallLevel: 1,
        categoryLevels: {
          ...standing('x').categoryLevels,
          test: 1,
          'build-deploy': 2,
        },
        checkStates: {
          'test.2.a': 'fail',
          'test.2.b': 'pass',
          'build-deploy.2.a': 'fail', // at the target already: not listed
        },
      });
      expect(judge(s, goal)).toEqual({
        meetsGoal: false,
        shortfall: { level: 1, failingChecks: ['test.2.a'] },
      });
      expect(judge({ ...s, overallLevel: 2 }, goal)).toEqual({
        meetsGoal: true,
      });
    });

    it('reads the overall level without waivers unless exemptions are allowed', () => {
      const s = standing(
        'svc',
        {
          levelsWithoutWaivers: {
            overall: 1,
            categories: { ...standing('x').categoryLevels, test: 1 },
          },
        },
        2,
      );
      expect(judge(s, goal, true)).toEqual({ meetsGoal: true });
      expect(judge(s, goal, false)).toMatchObject({
        meetsGoal: false,
        shortfall: { level: 1 },
      });
    });
  });

  describe('an MLOps level goal', () => {
    const goal: CampaignGoal = { type: 'mlopsLevel', level: 2 };

    it('leaves out entities the MLOps track does not apply to', () => {
      expect(judge(standing('svc', { mlopsLevel: null }), goal)).toBe(
        undefined,
      );
    });

    it('is met at the target MLOps level, else lists the unmet checks up to it', () => {
      expect(judge(standing('model', { mlopsLevel: 2 }), goal)).toEqual({
        meetsGoal: true,
      });
      expect(
        judge(
          standing('model', {
            mlopsLevel: 1,
            checkStates: { 'mlops.2.a': 'pass', 'mlops.2.b': 'fail' },
          }),
          goal,
        ),
      ).toEqual({
        meetsGoal: false,
        shortfall: { level: 1, failingChecks: ['mlops.2.b'] },
      });
      expect(judge(standing('model', { mlopsLevel: 0 }), goal)).toEqual({
        meetsGoal: false,
        shortfall: { level: 0, failingChecks: [] },
      });
    });

    it('without exemptions allowed, a level reached through a waived MLOps check is not met', () => {
      const s = standing('model', {
        mlopsLevel: 2,
        checkStates: { 'mlops.1.b': 'exempt', 'mlops.2.a': 'pass' },
        waivedCheckStates: { 'mlops.1.b': 'fail' },
      });
      expect(judge(s, goal, true)).toEqual({ meetsGoal: true });
      expect(judge(s, goal, false)).toEqual({
        meetsGoal: false,
        shortfall: { level: 2, failingChecks: ['mlops.1.b'] },
      });
      const passesAnyway = {
        ...s,
        waivedCheckStates: { 'mlops.1.b': 'pass' as const },
      };
      expect(judge(passesAnyway, goal, false)).toEqual({ meetsGoal: true });
    });
  });
});
