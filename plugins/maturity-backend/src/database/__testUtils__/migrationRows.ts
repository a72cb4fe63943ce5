// Rows with only the columns older migrations made, for the tests of the
// migrations after them: the stores' samples carry later columns.

/** A scorecard_history row as migration 20261123130000_scorecards made the table. */
export const historyRow = (entityRef: string, day: number) => ({
  entity_ref: entityRef,
  day,
  overall_level: 2,
  level_culture: 2,
  level_design: 2,
  level_build_deploy: 2,
  level_test: 2,
  level_information: 2,
  rubric_version: 'v1',
  check_states: '{}',
});

/** A campaigns row as migration 20261208100000_campaigns made the table. */
export const campaignRow = (id: string) => ({
  id,
  title: 'Tests as required checks',
  description: '',
  owner_ref: 'group:default/platform',
  scope: '{}',
  goal: '{"type":"overallLevel","level":3}',
  allow_exemptions: false,
  starts_on: 20_400,
  deadline: 20_480,
  milestones: '[]',
  reminder_days: '[14,3]',
  created_by: 'user:default/ada',
  created_at: 1,
  updated_by: 'user:default/ada',
  updated_at: 1,
});
