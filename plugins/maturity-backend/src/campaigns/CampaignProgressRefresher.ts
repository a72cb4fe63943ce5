/** Lets a campaign's change be followed by its figures without waiting. */
export interface CampaignProgressRefresher {
  /**
   * Asks for the campaign's days, from its first to today, to be computed
   * in the background soon; returns at once.
   */
  refreshSoon(campaignId: string): void;
}
