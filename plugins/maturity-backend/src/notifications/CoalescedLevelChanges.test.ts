import { mockServices } from '@backstage/backend-test-utils';
import {
  defaultRubric,
  MaturityLevel,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { SavedLevelsBatch } from '../scoring/LevelChangeListener';
import { FakeNotificationService } from './__testUtils__/FakeNotificationService';
import { CoalescedLevelChanges } from './CoalescedLevelChanges';
import { LevelChangeDigest } from './LevelChangeDigest';
import { LevelChangeNotifier } from './LevelChangeNotifier';
import { OwnerNotificationSender } from './OwnerNotificationSender';
import { RubricTitles } from './RubricTitles';

const CHECKOUT = 'group:default/checkout';
const PAYMENTS = 'group:default/payments';

const levels = (level: number) => ({
  overall: level as MaturityLevel,
  categories: {
    culture: level as MaturityLevel,
    design: level as MaturityLevel,
    'build-deploy': level as MaturityLevel,
    test: level as MaturityLevel,
    information: level as MaturityLevel,
  },
});

/**
 * A saved batch in which each named entity (of `owner`) dropped its
 * overall level 3 → 2 and newly fails a required check.
 */
function batch(
  at: string,
  names: string[],
  owner = CHECKOUT,
  category: 'overall' | 'design' = 'overall',
): SavedLevelsBatch {
  return {
    evaluatedAt: new Date(at),
    entities: names.map(name => ({
      entityRef: `component:default/${name}`,
      ownerRef: owner,
      before: levels(3),
      after: levels(2),
      newlyFailingChecks: [
        { checkId: 'test.2.unit-tests', required: true },
        { checkId: 'test.3.optional', required: false },
      ],
    })),
    changes: names.map(name => ({
      entityRef: `component:default/${name}`,
      category,
      from: 3 as MaturityLevel,
      to: 2 as MaturityLevel,
    })),
  };
}

function setUp(options = { quietMs: 15_000, maxWaitMs: 600_000 }) {
  const digests: LevelChangeDigest[] = [];
  const target = {
    send: jest.fn(async (digest: LevelChangeDigest) => {
      digests.push(digest);
    }),
  };
  return {
    digests,
    target,
    coalesced: new CoalescedLevelChanges(target, options),
  };
}

describe('CoalescedLevelChanges', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('hands on the batches of one run as one digest, once the evaluation has been quiet', async () => {
    const { digests, target, coalesced } = setUp();

    await coalesced.levelsSaved(batch('2026-12-07T06:00:00Z', ['a', 'b']));
    jest.advanceTimersByTime(1_000);
    await coalesced.levelsSaved(batch('2026-12-07T06:00:01Z', ['c']));
    jest.advanceTimersByTime(14_999);
    expect(target.send).not.toHaveBeenCalled();

    jest.advanceTimersByTime(1);
    expect(target.send).toHaveBeenCalledTimes(1);
    const news = digests[0].byOwner().get(CHECKOUT)!;
    expect(news.drops.entities.listed.map(e => e.entityRef)).toEqual([
      'component:default/a',
      'component:default/b',
      'component:default/c',
    ]);
    expect(news.drops.overallDropped).toBe(true);
    expect(news.failing.listed[0]).toEqual({
      entityRef: 'component:default/a',
      checkIds: ['test.2.unit-tests'],
    });
  });

  it('joins the news of an entity listed already', async () => {
    const { digests, coalesced } = setUp();

    await coalesced.levelsSaved(batch('2026-12-07T06:00:00Z', ['a']));
    await coalesced.levelsSaved(
      batch('2026-12-07T06:05:00Z', ['a'], CHECKOUT, 'design'),
    );
    await coalesced.flush();

    const news = digests[0].byOwner().get(CHECKOUT)!;
    expect(news.drops.entities.total).toBe(1);
    expect(news.drops.entities.listed[0].drops.map(d => d.category)).toEqual([
      'overall',
      'design',
    ]);
    expect(news.failing.total).toBe(1);
    expect(news.failing.listed[0].checkIds).toEqual(['test.2.unit-tests']);
  });

  it('hands on after the longest wait while batches keep coming, and on flush, once', async () => {
    const { target, coalesced } = setUp({ quietMs: 15_000, maxWaitMs: 60_000 });

    // A batch every 10 s never lets the evaluation go quiet.
    for (let i = 0; i < 6; i++) {
      await coalesced.levelsSaved(batch('2026-12-07T06:00:00Z', [`s${i}`]));
      jest.advanceTimersByTime(10_000);
    }
    expect(target.send).toHaveBeenCalledTimes(1);

    await coalesced.levelsSaved(batch('2026-12-07T06:01:00Z', ['d']));
    await coalesced.flush();
    expect(target.send).toHaveBeenCalledTimes(2);
    await coalesced.flush();
    jest.advanceTimersByTime(600_000);
    expect(target.send).toHaveBeenCalledTimes(2);
  });

  it('keeps twenty entities a group of a 10,000-entity run and sends one notification a kind that counts the rest', async () => {
    const notifications = new FakeNotificationService();
    const logger = mockServices.logger.mock();
    const notifier = new LevelChangeNotifier({
      sender: new OwnerNotificationSender({ notifications, logger }),
      titles: new RubricTitles(defaultRubric),
      logger,
    });
    const digests: LevelChangeDigest[] = [];
    const run = new CoalescedLevelChanges(
      {
        send: async digest => {
          digests.push(digest);
          await notifier.send(digest);
        },
      },
      { quietMs: 15_000, maxWaitMs: 600_000 },
    );

    // Ten batches of 1,000: 9,990 entities of checkout, 10 of payments.
    for (let b = 0; b < 10; b++) {
      const names = Array.from(
        { length: 1_000 },
        (_, i) => `s${b * 1_000 + i}`,
      );
      await run.levelsSaved(
        batch('2026-12-07T06:00:00Z', b === 9 ? names.slice(0, 990) : names),
      );
      if (b === 9) {
        await run.levelsSaved(
          batch('2026-12-07T06:00:09Z', names.slice(990), PAYMENTS, 'design'),
        );
      }
    }
    await run.flush();

    // Held until sent: twenty entities of each kind per group, the rest
    // counted.
    const checkout = digests[0].byOwner().get(CHECKOUT)!;
    expect(checkout.drops.entities.listed).toHaveLength(20);
    expect(checkout.drops.entities.total).toBe(9_990);
    expect(checkout.failing.listed).toHaveLength(20);
    expect(checkout.failing.total).toBe(9_990);

    expect(
      notifications.sent.map(n => [n.recipients, n.payload.title]),
    ).toEqual([
      [
        { type: 'entity', entityRef: [CHECKOUT] },
        'Maturity levels dropped for 9990 entities',
      ],
      [
        { type: 'entity', entityRef: [PAYMENTS] },
        'Maturity levels dropped for 10 entities',
      ],
      [
        { type: 'entity', entityRef: [CHECKOUT] },
        '9990 entities newly fail a required maturity check',
      ],
      [
        { type: 'entity', entityRef: [PAYMENTS] },
        '10 entities newly fail a required maturity check',
      ],
    ]);
    const [drops] = notifications.sent;
    const entries = drops.payload.description!.split('; ');
    expect(entries).toHaveLength(21);
    expect(entries[0]).toBe('s0: Overall 3 → 2');
    expect(entries[20]).toBe('and 9970 more');
    expect(drops.payload.link).toBe('/catalog/default/group/checkout/maturity');
    expect(drops.payload.severity).toBe('high');
    // The metadata names the listed entities, not all 9,990.
    expect(drops.payload.metadata!.entityRefs).toHaveLength(20);
    expect(JSON.stringify(drops.payload).length).toBeLessThan(3_000);
    expect(notifications.sent[1].payload.severity).toBe('normal');
  });
});
