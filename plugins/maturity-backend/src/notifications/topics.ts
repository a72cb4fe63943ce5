/**
 * The topic of each kind of notification the plugin sends. Users mute a
 * kind by its topic in the notifications settings; processors (email,
 * Slack) can include or exclude topics.
 */
export const MATURITY_TOPICS = {
  levelDropped: 'maturity-level-dropped',
  requiredCheckFailing: 'maturity-required-check-failing',
  exemptionRequested: 'maturity-exemption-requested',
  exemptionDecided: 'maturity-exemption-decided',
  exemptionExpiring: 'maturity-exemption-expiring',
  campaign: 'maturity-campaign',
} as const;
