import {
  CampaignEntityResult,
  StoredCampaign,
} from '../database/CampaignStore';

/** Tells the owners of entities still short about a campaign. */
export interface CampaignNotifier {
  /**
   * Called after a campaign's latest day (`today`, `YYYY-MM-DD`) is
   * computed, with its in-scope entities: sends the notices due that day
   * (the start, the reminders before the deadline), each once across
   * replicas, one notification per owning group.
   */
  notifyDue(
    campaign: StoredCampaign,
    today: string,
    entities: CampaignEntityResult[],
  ): Promise<void>;
}

/** Tells nobody: where notifications are turned off. */
export const noCampaignNotifier: CampaignNotifier = {
  notifyDue: async () => {},
};
