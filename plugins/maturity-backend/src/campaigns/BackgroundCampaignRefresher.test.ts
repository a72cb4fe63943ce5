import { mockServices } from '@backstage/backend-test-utils';
import { BackgroundCampaignRefresher } from './BackgroundCampaignRefresher';

/** An update that waits until released, recording each call. */
function controllableProgress() {
  const calls: string[] = [];
  const releases: Array<() => void> = [];
  let fail: Error | undefined;
  return {
    calls,
    release: () => releases.shift()?.(),
    failWith: (error: Error) => {
      fail = error;
    },
    update: jest.fn(async (campaignId: string) => {
      calls.push(campaignId);
      await new Promise<void>(resolve => releases.push(resolve));
      if (fail) throw fail;
    }),
  };
}

const flush = () => new Promise(resolve => setImmediate(resolve));

describe('BackgroundCampaignRefresher', () => {
  it('returns at once and computes the campaign in the background', async () => {
    const progress = controllableProgress();
    const refresher = new BackgroundCampaignRefresher({
      progress,
      logger: mockServices.logger.mock(),
      now: () => new Date('2026-12-03T10:00:00Z'),
    });

    expect(refresher.refreshSoon('c1')).toBeUndefined();
    await flush();
    expect(progress.update).toHaveBeenCalledWith(
      'c1',
      new Date('2026-12-03T10:00:00Z'),
    );
    progress.release();
    await refresher.settled();
  });

  it('runs a campaign asked for again while it runs once more afterwards, and others alongside', async () => {
    const progress = controllableProgress();
    const refresher = new BackgroundCampaignRefresher({
      progress,
      logger: mockServices.logger.mock(),
    });

    refresher.refreshSoon('c1');
    refresher.refreshSoon('c1');
    refresher.refreshSoon('c1');
    refresher.refreshSoon('c2');
    await flush();
    expect(progress.calls).toEqual(['c1', 'c2']);
    progress.release();
    progress.release();
    await flush();
    expect(progress.calls).toEqual(['c1', 'c2', 'c1']);
    progress.release();
    await refresher.settled();
    expect(progress.calls).toHaveLength(3);
  });

  it('logs a failure instead of throwing it at the caller', async () => {
    const progress = controllableProgress();
    const logger = mockServices.logger.mock();
    const refresher = new BackgroundCampaignRefresher({ progress, logger });
    progress.failWith(new Error('database down'));

    refresher.refreshSoon('c1');
    await flush();
    progress.release();
    await refresher.settled();

    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('campaign c1: Error: database down'),
    );
    // A later request runs again.
    refresher.refreshSoon('c1');
    await flush();
    expect(progress.calls).toEqual(['c1', 'c1']);
    progress.release();
    await refresher.settled();
  });
});
