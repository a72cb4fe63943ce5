import { MaturityLevel } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { SavedLevelsBatch } from '../scoring/LevelChangeListener';
import { CoalescedLevelChanges } from './CoalescedLevelChanges';

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

/** A saved batch in which each named entity's overall level fell 3 → 2. */
function batch(at: string, ...names: string[]): SavedLevelsBatch {
  return {
    evaluatedAt: new Date(at),
    entities: names.map(name => ({
      entityRef: `component:default/${name}`,
      ownerRef: 'group:default/checkout',
      before: levels(3),
      after: levels(2),
      newlyFailingChecks: [],
    })),
    changes: names.map(name => ({
      entityRef: `component:default/${name}`,
      category: 'overall' as const,
      from: 3 as MaturityLevel,
      to: 2 as MaturityLevel,
    })),
  };
}

describe('CoalescedLevelChanges', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('hands on the batches of one run as one, once the evaluation has been quiet', async () => {
    const target = { levelsSaved: jest.fn(async () => {}) };
    const coalesced = new CoalescedLevelChanges(target, {
      quietMs: 15_000,
      maxEntities: 1_000,
    });

    await coalesced.levelsSaved(batch('2026-12-07T06:00:00Z', 'a', 'b'));
    jest.advanceTimersByTime(1_000);
    await coalesced.levelsSaved(batch('2026-12-07T06:00:01Z', 'c'));
    jest.advanceTimersByTime(14_999);
    expect(target.levelsSaved).not.toHaveBeenCalled();

    jest.advanceTimersByTime(1);
    expect(target.levelsSaved).toHaveBeenCalledTimes(1);
    const [merged] = target.levelsSaved.mock.calls[0] as unknown as [
      SavedLevelsBatch,
    ];
    expect(merged.evaluatedAt).toEqual(new Date('2026-12-07T06:00:01Z'));
    expect(merged.entities.map(e => e.entityRef)).toEqual([
      'component:default/a',
      'component:default/b',
      'component:default/c',
    ]);
    expect(merged.changes).toHaveLength(3);
  });

  it('hands on at once when it holds the most entities, and on flush', async () => {
    const target = { levelsSaved: jest.fn(async () => {}) };
    const coalesced = new CoalescedLevelChanges(target, {
      quietMs: 15_000,
      maxEntities: 3,
    });

    await coalesced.levelsSaved(batch('2026-12-07T06:00:00Z', 'a', 'b'));
    await coalesced.levelsSaved(batch('2026-12-07T06:00:01Z', 'c'));
    expect(target.levelsSaved).toHaveBeenCalledTimes(1);

    await coalesced.levelsSaved(batch('2026-12-07T06:00:02Z', 'd'));
    await coalesced.flush();
    expect(target.levelsSaved).toHaveBeenCalledTimes(2);
    await coalesced.flush();
    jest.advanceTimersByTime(60_000);
    expect(target.levelsSaved).toHaveBeenCalledTimes(2);
  });
});
