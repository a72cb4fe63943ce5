import { LoggerService } from '@backstage/backend-plugin-api';
import { CampaignProgressRefresher } from './CampaignProgressRefresher';
import { CampaignProgressUpdater } from './CampaignProgressUpdater';

const dateNow = () => new Date();

/**
 * Computes a campaign's figures in the background on this replica, right
 * after the routes created or changed it, rather than at the next run of
 * the progress task. One campaign is computed once at a time: asked again
 * while it runs, it runs once more afterwards (the campaign may have
 * changed since). Failures are logged, never thrown at the caller; the
 * scheduled task catches up.
 */
export class BackgroundCampaignRefresher implements CampaignProgressRefresher {
  readonly #running = new Map<string, Promise<void>>();
  readonly #again = new Set<string>();

  constructor(
    private readonly options: {
      progress: Pick<CampaignProgressUpdater, 'update'>;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  refreshSoon(campaignId: string): void {
    if (this.#running.has(campaignId)) {
      this.#again.add(campaignId);
      return;
    }
    this.#running.set(
      campaignId,
      this.run(campaignId).finally(() => this.#running.delete(campaignId)),
    );
  }

  /** Resolves once every refresh asked for so far has ended. */
  async settled(): Promise<void> {
    while (this.#running.size > 0) {
      await Promise.all(this.#running.values());
    }
  }

  private async run(campaignId: string): Promise<void> {
    const { progress, logger } = this.options;
    do {
      this.#again.delete(campaignId);
      try {
        await progress.update(campaignId, (this.options.now ?? dateNow)());
      } catch (error) {
        logger.error(
          `Could not compute the progress of campaign ${campaignId}: ${error}`,
        );
      }
    } while (this.#again.has(campaignId));
  }
}
