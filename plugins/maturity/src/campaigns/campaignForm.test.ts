import { testsRequiredCampaign } from '../testing/campaignFixtures';
import { formOfCampaign, inputOfForm, splitList } from './campaignForm';

describe('campaignForm', () => {
  it('splits lists on commas and spaces', () => {
    expect(splitList(' a, b  c,,\nd ')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitList('  ')).toEqual([]);
  });

  it('turns a campaign into the form and back into the same input', () => {
    const form = formOfCampaign(testsRequiredCampaign, '2026-11-23');
    expect(form.scope.owners).toBe('group:default/acme');
    expect(form.milestones).toEqual([
      { date: '2026-12-31', targetPercent: '50' },
      { date: '2027-02-28', targetPercent: '80' },
    ]);
    expect(form.reminderDaysBefore).toBe('14, 3');

    const { title, description, ownerRef, scope, goal, allowExemptions } =
      testsRequiredCampaign;
    expect(inputOfForm(form)).toEqual({
      input: {
        title,
        description,
        ownerRef,
        scope,
        goal,
        allowExemptions,
        startsOn: testsRequiredCampaign.startsOn,
        deadline: testsRequiredCampaign.deadline,
        milestones: testsRequiredCampaign.milestones,
        reminderDaysBefore: [14, 3],
      },
    });
  });

  it('starts a new campaign today, with no reminders of its own', () => {
    const form = formOfCampaign(undefined, '2026-11-23');
    expect(form.startsOn).toBe('2026-11-23');
    expect(form.deadline).toBe('');
    const result = inputOfForm({
      ...form,
      title: ' Level 3 in Test ',
      ownerRef: 'group:default/platform',
      goalType: 'categoryLevel',
      category: 'test',
      level: '3',
      deadline: '2027-03-31',
    });
    expect(result).toEqual({
      input: {
        title: 'Level 3 in Test',
        description: '',
        ownerRef: 'group:default/platform',
        scope: {},
        goal: { type: 'categoryLevel', category: 'test', level: 3 },
        allowExemptions: false,
        startsOn: '2026-11-23',
        deadline: '2027-03-31',
        milestones: [],
      },
    });
  });

  it('names what is missing or malformed before asking the server', () => {
    const form = formOfCampaign(undefined, 'not a day');
    expect(
      inputOfForm({
        ...form,
        milestones: [{ date: '2027-01-01', targetPercent: '120' }],
        reminderDaysBefore: '14, soon',
      }),
    ).toEqual({
      errors: {
        title: expect.any(String),
        ownerRef: expect.any(String),
        startsOn: expect.any(String),
        deadline: expect.any(String),
        'goal.checkIds': 'Choose at least one check.',
        milestones: expect.stringMatching(/between 0 and 100/),
        reminderDaysBefore: expect.any(String),
      },
    });
    expect(
      inputOfForm({ ...form, goalType: 'overallLevel', level: '2.5' }),
    ).toMatchObject({ errors: { 'goal.level': expect.any(String) } });
  });
});
