import { fieldOfError, milestoneOfError } from './campaignErrorField';

describe('fieldOfError', () => {
  it.each([
    ['deadline: must not be before startsOn', 'deadline'],
    ['title: must not be blank', 'title'],
    ['ownerRef: must be a group ref (group:…)', 'ownerRef'],
    ['goal.checkIds[1]: unknown check "x"', 'goal.checkIds'],
    ['goal.level: must be between 1 and 2', 'goal.level'],
    ['goal: unknown type', 'goal.type'],
    ['scope.tags[0]: must not be blank', 'scope.tags'],
    ['milestones[0].date: must be within the campaign', 'milestones'],
    ['reminderDaysBefore[2]: must be at least 0', 'reminderDaysBefore'],
    ['[/body/startsOn] must match format "date"', 'startsOn'],
    ["request/body must have required property 'deadline'", 'deadline'],
    ["request/body/goal must have required property 'level'", 'goal.level'],
    [
      'request/body/goal/checkIds must NOT have fewer than 1 items',
      'goal.checkIds',
    ],
  ])('finds the field of %s', (message, field) => {
    expect(fieldOfError(message)).toBe(field);
  });

  it.each([
    'Campaign c1 not found',
    'body: not valid JSON (Unexpected token)',
    'something went wrong',
    'request/body must be object',
  ])('finds no field in %s', message => {
    expect(fieldOfError(message)).toBeUndefined();
  });

  it('finds the milestone a message names', () => {
    expect(milestoneOfError('milestones[2].date: out of range')).toBe(2);
    expect(milestoneOfError('deadline: bad')).toBeUndefined();
  });
});
