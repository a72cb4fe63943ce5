import { StoredCampaign } from '../CampaignStore';

/** A stored campaign for the campaign store tests; `overrides` win. */
export function sampleCampaign(
  id: string,
  overrides: Partial<StoredCampaign> = {},
): StoredCampaign {
  return {
    id,
    title: `Campaign ${id}`,
    description: 'Every production service has tests as required checks',
    ownerRef: 'group:default/platform',
    scope: { owners: ['group:default/acme'], includeSubgroups: true },
    goal: { type: 'checks', checkIds: ['test.1.tests'] },
    allowExemptions: false,
    startsOn: '2026-12-01',
    deadline: '2027-03-31',
    milestones: [{ date: '2027-02-01', targetShare: 0.5 }],
    reminderDaysBefore: [14, 3],
    createdBy: 'user:default/ada',
    createdAt: new Date('2026-11-30T09:00:00.000Z'),
    updatedBy: 'user:default/ada',
    updatedAt: new Date('2026-11-30T09:00:00.000Z'),
    ...overrides,
  };
}

/** A campaign day's figures with one team. */
export function sampleDay(day: string, inScope: number, meeting: number) {
  return {
    day,
    inScope,
    meeting,
    teams: [{ ownerRef: 'group:default/checkout', inScope, meeting }],
  };
}
