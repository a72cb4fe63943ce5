import { mockServices } from '@backstage/backend-test-utils';
import {
  campaign,
  campaignRubric,
  standing,
} from './__testUtils__/campaignFixtures';
import { InMemoryCampaignStore } from './__testUtils__/InMemoryCampaignStore';
import { GroupsWithSubgroups } from '../rollups/StoredGroupTree';
import { CampaignProgressUpdater } from './CampaignProgressUpdater';

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const passing = { 'test.1.a': 'pass' as const };
const failing = { 'test.1.a': 'fail' as const };

function setUp() {
  const store = new InMemoryCampaignStore();
  const notifier = { notifyDue: jest.fn(async () => {}) };
  const ownerGroups = {
    withSubgroups: jest.fn(
      async (refs: string[]): Promise<GroupsWithSubgroups> => ({
        groupRefs: [...refs, 'group:default/team-a-sub'],
        treeKnown: true,
      }),
    ),
  };
  const logger = mockServices.logger.mock();
  const progress = new CampaignProgressUpdater({
    store,
    rubric: campaignRubric,
    ownerGroups,
    notifier,
    logger,
  });
  return { store, notifier, ownerGroups, logger, progress };
}

describe('CampaignProgressUpdater', () => {
  it('back-fills the past days from history and computes today from the latest scorecards', async () => {
    const { store, notifier, progress } = setUp();
    const c = campaign();
    await store.createCampaign(c);
    store.standingsOn.set('2026-12-01', [
      standing('a', { checkStates: failing }),
      standing('b', { checkStates: failing, ownerRef: TEAM_B }),
    ]);
    store.standingsOn.set('2026-12-02', [
      standing('a', { checkStates: passing }),
      standing('b', { checkStates: failing, ownerRef: TEAM_B }),
    ]);
    store.standingsToday = [
      standing('a', { checkStates: passing }),
      standing('b', { checkStates: passing, ownerRef: TEAM_B }),
      standing('c', { checkStates: failing, ownerRef: undefined }),
    ];

    await progress.updateAll(new Date('2026-12-03T10:00:00Z'));

    expect(store.reads.map(r => [r.day, r.today])).toEqual([
      ['2026-12-01', false],
      ['2026-12-02', false],
      ['2026-12-03', true],
    ]);
    expect(await store.readDays(c.id)).toEqual([
      {
        day: '2026-12-01',
        inScope: 2,
        meeting: 0,
        teams: [
          { ownerRef: TEAM_A, inScope: 1, meeting: 0 },
          { ownerRef: TEAM_B, inScope: 1, meeting: 0 },
        ],
      },
      {
        day: '2026-12-02',
        inScope: 2,
        meeting: 1,
        // Most short first.
        teams: [
          { ownerRef: TEAM_B, inScope: 1, meeting: 0 },
          { ownerRef: TEAM_A, inScope: 1, meeting: 1 },
        ],
      },
      {
        day: '2026-12-03',
        inScope: 3,
        meeting: 2,
        // The entity without an owner counts, in no team.
        teams: [
          { ownerRef: TEAM_A, inScope: 1, meeting: 1 },
          { ownerRef: TEAM_B, inScope: 1, meeting: 1 },
        ],
      },
    ]);
    expect(store.writes.map(w => w.withEntities)).toEqual([false, false, true]);
    expect(store.entities.get(c.id)).toEqual([
      {
        entityRef: 'component:default/a',
        title: 'a',
        ownerRef: TEAM_A,
        meetsGoal: true,
      },
      {
        entityRef: 'component:default/b',
        title: 'b',
        ownerRef: TEAM_B,
        meetsGoal: true,
      },
      {
        entityRef: 'component:default/c',
        title: 'c',
        meetsGoal: false,
        shortfall: { failingChecks: ['test.1.a'] },
      },
    ]);
    expect(notifier.notifyDue).toHaveBeenCalledWith(
      c,
      '2026-12-03',
      store.entities.get(c.id),
    );
    expect(store.finished.size).toBe(0);
  });

  it('recomputes only today once the past days are computed', async () => {
    const { store, progress } = setUp();
    await store.createCampaign(campaign());
    await progress.updateAll(new Date('2026-12-03T10:00:00Z'));
    store.reads.length = 0;
    store.standingsToday = [standing('a', { checkStates: passing })];

    await progress.updateAll(new Date('2026-12-03T10:10:00Z'));

    expect(store.reads.map(r => r.day)).toEqual(['2026-12-03']);
    expect((await store.readDays('c1')).at(-1)).toMatchObject({
      day: '2026-12-03',
      inScope: 1,
      meeting: 1,
    });
  });

  it('computes a missed deadline day from history, keeps its entities, finishes the campaign and sends nothing', async () => {
    const { store, notifier, progress } = setUp();
    const c = campaign({ startsOn: '2026-12-30', deadline: '2026-12-31' });
    await store.createCampaign(c);
    await store.writeDay(c.id, {
      day: '2026-12-30',
      inScope: 0,
      meeting: 0,
      teams: [],
    });
    store.standingsOn.set('2026-12-31', [
      standing('a', { checkStates: failing }),
    ]);
    store.standingsToday = [standing('a', { checkStates: passing })];
    const now = new Date('2027-01-02T08:00:00Z');

    await progress.updateAll(now);

    expect(store.reads).toEqual([{ day: '2026-12-31', today: false }]);
    expect(store.entities.get(c.id)).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/a',
        meetsGoal: false,
      }),
    ]);
    expect(store.finished.get(c.id)).toEqual(now);
    expect(notifier.notifyDue).not.toHaveBeenCalled();

    store.reads.length = 0;
    await progress.updateAll(new Date('2027-01-03T08:00:00Z'));
    await progress.update(c.id, new Date('2027-01-03T08:00:00Z'));
    expect(store.reads).toEqual([]);
  });

  it('finishes a campaign whose deadline day was computed while it was today, without recomputing it', async () => {
    const { store, progress } = setUp();
    const c = campaign({ startsOn: '2026-12-31', deadline: '2026-12-31' });
    await store.createCampaign(c);
    store.standingsToday = [standing('a', { checkStates: passing })];
    await progress.updateAll(new Date('2026-12-31T23:50:00Z'));
    expect(store.finished.size).toBe(0);
    store.standingsToday = [standing('a', { checkStates: failing })];

    await progress.updateAll(new Date('2027-01-01T00:10:00Z'));

    expect(store.reads).toHaveLength(1);
    expect(store.finished.has(c.id)).toBe(true);
    expect(await store.readDays(c.id)).toEqual([
      expect.objectContaining({ day: '2026-12-31', meeting: 1 }),
    ]);
  });

  it("keeps an upcoming campaign's in-scope entities of today, without a day's figures or notices", async () => {
    const { store, notifier, progress } = setUp();
    await store.createCampaign(campaign({ startsOn: '2026-12-10' }));
    store.standingsToday = [
      standing('a', { checkStates: passing }),
      standing('b', { checkStates: failing }),
    ];

    await progress.updateAll(new Date('2026-12-09T23:59:59Z'));

    expect(store.reads).toEqual([{ day: '2026-12-09', today: true }]);
    expect(await store.readDays('c1')).toEqual([]);
    expect(
      store.entities.get('c1')?.map(e => [e.entityRef, e.meetsGoal]),
    ).toEqual([
      ['component:default/a', true],
      ['component:default/b', false],
    ]);
    store.standingsToday = [standing('a', { checkStates: failing })];
    await progress.update('c1', new Date('2026-12-09T23:59:59Z'));
    expect(
      store.entities.get('c1')?.map(e => [e.entityRef, e.meetsGoal]),
    ).toEqual([['component:default/a', false]]);
    expect(notifier.notifyDue).not.toHaveBeenCalled();
  });

  it('recomputes the past days whose history landed after they were computed', async () => {
    const { store, progress } = setUp();
    const c = campaign();
    await store.createCampaign(c);
    store.now = () => new Date('2026-12-03T10:00:00Z');
    store.standingsToday = [standing('a', { checkStates: passing })];
    // The history back-fill has not reached the first days yet.
    store.standingsOn.set('2026-12-02', [
      standing('a', { checkStates: failing }),
    ]);
    await progress.updateAll(new Date('2026-12-03T10:00:00Z'));
    expect((await store.readDays(c.id)).map(d => [d.day, d.inScope])).toEqual([
      ['2026-12-01', 0],
      ['2026-12-02', 1],
      ['2026-12-03', 1],
    ]);

    // Today's evaluation rewrites today's point: no past day to redo.
    store.historyWrites.push({
      day: '2026-12-03',
      writtenAt: new Date('2026-12-03T10:05:00Z'),
    });
    store.reads.length = 0;
    store.now = () => new Date('2026-12-03T10:10:00Z');
    await progress.updateAll(new Date('2026-12-03T10:10:00Z'));
    expect(store.reads.map(r => r.day)).toEqual(['2026-12-03']);

    // The back-fill lands the point in force on the first day.
    store.standingsOn.set('2026-12-01', [
      standing('a', { checkStates: failing }),
    ]);
    store.historyWrites.push({
      day: '2026-12-01',
      writtenAt: new Date('2026-12-03T10:15:00Z'),
    });
    store.reads.length = 0;
    store.now = () => new Date('2026-12-03T10:20:00Z');
    await progress.updateAll(new Date('2026-12-03T10:20:00Z'));
    expect(store.reads.map(r => r.day)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ]);
    expect((await store.readDays(c.id)).map(d => [d.day, d.inScope])).toEqual([
      ['2026-12-01', 1],
      ['2026-12-02', 1],
      ['2026-12-03', 1],
    ]);

    // Once redone, not again.
    store.reads.length = 0;
    store.now = () => new Date('2026-12-03T10:30:00Z');
    await progress.updateAll(new Date('2026-12-03T10:30:00Z'));
    expect(store.reads.map(r => r.day)).toEqual(['2026-12-03']);
  });

  it('recomputes the past days of a history point stamped before a run read them and committed after', async () => {
    const { store, progress } = setUp();
    const c = campaign();
    await store.createCampaign(c);
    store.standingsToday = [standing('a', { checkStates: passing })];
    store.standingsOn.set('2026-12-02', [
      standing('a', { checkStates: failing }),
    ]);
    // The run starts at 10:00 and writes its days a minute later; the
    // back-fill stamped its point at 09:59:30 and commits it at 10:02.
    store.now = () => new Date('2026-12-03T10:01:00Z');
    await progress.updateAll(new Date('2026-12-03T10:00:00Z'));
    expect((await store.readComputedDays(c.id)).map(d => d.computedAt)).toEqual(
      [
        new Date('2026-12-03T10:00:00Z'),
        new Date('2026-12-03T10:00:00Z'),
        new Date('2026-12-03T10:00:00Z'),
      ],
    );
    store.standingsOn.set('2026-12-01', [
      standing('a', { checkStates: failing }),
    ]);
    store.historyWrites.push({
      day: '2026-12-01',
      writtenAt: new Date('2026-12-03T09:59:30Z'),
    });

    store.reads.length = 0;
    store.now = () => new Date('2026-12-03T10:10:00Z');
    await progress.updateAll(new Date('2026-12-03T10:10:00Z'));
    expect(store.reads.map(r => r.day)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ]);
    expect((await store.readDays(c.id)).map(d => d.inScope)).toEqual([1, 1, 1]);

    // Points older than the margin before the run are not looked at again.
    store.reads.length = 0;
    store.now = () => new Date('2026-12-03T10:20:00Z');
    await progress.updateAll(new Date('2026-12-03T10:20:00Z'));
    expect(store.reads.map(r => r.day)).toEqual(['2026-12-03']);
  });

  it('reads the owners with their sub-groups only when the scope asks for them', async () => {
    const { store, ownerGroups, progress } = setUp();
    await store.createCampaign(
      campaign({
        id: 'with',
        startsOn: '2026-12-03',
        scope: { owners: [TEAM_A], includeSubgroups: true },
      }),
    );
    await store.createCampaign(
      campaign({
        id: 'without',
        startsOn: '2026-12-03',
        scope: { owners: [TEAM_A] },
      }),
    );
    store.standingsToday = [
      standing('a'),
      standing('sub', { ownerRef: 'group:default/team-a-sub' }),
    ];

    await progress.updateAll(new Date('2026-12-03T10:00:00Z'));

    expect(ownerGroups.withSubgroups).toHaveBeenCalledTimes(1);
    expect(ownerGroups.withSubgroups).toHaveBeenCalledWith([TEAM_A]);
    expect(store.reads.map(r => r.ownerGroups)).toEqual([
      [TEAM_A, 'group:default/team-a-sub'],
      undefined,
    ]);
    expect((await store.readDays('with'))[0].inScope).toBe(2);
    expect((await store.readDays('without'))[0].inScope).toBe(1);
  });

  it('before the first rollups, counts today the named groups with what is known of their sub-groups and leaves the past days for when the tree is known', async () => {
    const { store, ownerGroups, notifier, progress } = setUp();
    ownerGroups.withSubgroups.mockImplementation(async refs => ({
      groupRefs: refs,
      treeKnown: false,
    }));
    const c = campaign({ scope: { owners: [TEAM_A], includeSubgroups: true } });
    await store.createCampaign(c);
    store.standingsToday = [
      standing('a'),
      standing('sub', { ownerRef: 'group:default/team-a-sub' }),
    ];
    store.standingsOn.set('2026-12-01', [standing('a')]);

    await progress.updateAll(new Date('2026-12-03T10:00:00Z'));
    expect(store.reads.map(r => r.day)).toEqual(['2026-12-03']);
    expect((await store.readDays(c.id)).map(d => [d.day, d.inScope])).toEqual([
      ['2026-12-03', 1],
    ]);
    expect(notifier.notifyDue).toHaveBeenCalledTimes(1);

    // The rollups are built: the sub-group counts, the past days are computed.
    ownerGroups.withSubgroups.mockImplementation(async refs => ({
      groupRefs: [...refs, 'group:default/team-a-sub'],
      treeKnown: true,
    }));
    store.reads.length = 0;
    await progress.updateAll(new Date('2026-12-03T10:10:00Z'));
    expect(store.reads.map(r => r.day)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ]);
    expect((await store.readDays(c.id)).map(d => [d.day, d.inScope])).toEqual([
      ['2026-12-01', 1],
      ['2026-12-02', 0],
      ['2026-12-03', 2],
    ]);
  });

  it('computes again, once the tree is known, a day computed without it, and finishes a campaign only on figures computed with it', async () => {
    const { store, ownerGroups, progress } = setUp();
    ownerGroups.withSubgroups.mockImplementation(async refs => ({
      groupRefs: refs,
      treeKnown: false,
    }));
    const c = campaign({
      deadline: '2026-12-03',
      scope: { owners: [TEAM_A], includeSubgroups: true },
    });
    await store.createCampaign(c);
    const standings = [
      standing('a'),
      standing('sub', { ownerRef: 'group:default/team-a-sub' }),
    ];
    store.standingsToday = standings;
    // The deadline's day, computed without the tree.
    await progress.updateAll(new Date('2026-12-03T23:55:00Z'));
    store.standingsOn.set('2026-12-03', standings);

    // The day after: the tree is still unknown; the campaign is not finished.
    await progress.updateAll(new Date('2026-12-04T00:05:00Z'));
    expect(store.finished.has(c.id)).toBe(false);

    ownerGroups.withSubgroups.mockImplementation(async refs => ({
      groupRefs: [...refs, 'group:default/team-a-sub'],
      treeKnown: true,
    }));
    store.reads.length = 0;
    await progress.updateAll(new Date('2026-12-04T00:15:00Z'));
    expect(store.reads.map(r => r.day)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ]);
    expect((await store.readDays(c.id)).map(d => [d.day, d.inScope])).toEqual([
      ['2026-12-01', 0],
      ['2026-12-02', 0],
      ['2026-12-03', 2],
    ]);
    expect(store.finished.has(c.id)).toBe(true);
  });

  it('leaves entities the MLOps track does not apply to out of an MLOps goal', async () => {
    const { store, progress } = setUp();
    await store.createCampaign(
      campaign({
        startsOn: '2026-12-03',
        goal: { type: 'mlopsLevel', level: 1 },
      }),
    );
    store.standingsToday = [
      standing('service'),
      standing('model', { mlopsLevel: 1 }),
      standing('new-model', { mlopsLevel: 0, ownerRef: TEAM_B }),
    ];

    await progress.updateAll(new Date('2026-12-03T10:00:00Z'));

    expect(await store.readDays('c1')).toEqual([
      {
        day: '2026-12-03',
        inScope: 2,
        meeting: 1,
        teams: [
          { ownerRef: TEAM_B, inScope: 1, meeting: 0 },
          { ownerRef: TEAM_A, inScope: 1, meeting: 1 },
        ],
      },
    ]);
    expect(store.entities.get('c1')?.map(e => e.entityRef)).toEqual([
      'component:default/model',
      'component:default/new-model',
    ]);
  });

  it('stops writing when the campaign changes during the run', async () => {
    const { store, notifier, progress } = setUp();
    const c = campaign();
    await store.createCampaign(c);
    store.beforeWrite = day => {
      if (day === '2026-12-02') {
        store.campaigns.set(c.id, {
          ...c,
          updatedAt: new Date('2026-12-03T10:00:01Z'),
        });
      }
    };

    await progress.updateAll(new Date('2026-12-03T10:00:00Z'));

    // The day computed with the old scope or goal is not written.
    expect((await store.readDays(c.id)).map(d => d.day)).toEqual([
      '2026-12-01',
    ]);
    expect(notifier.notifyDue).not.toHaveBeenCalled();
  });

  it('writes nothing for a campaign deleted during the run', async () => {
    const { store, notifier, progress } = setUp();
    const c = campaign();
    await store.createCampaign(c);
    store.beforeWrite = () => {
      store.campaigns.delete(c.id);
    };

    await progress.updateAll(new Date('2026-12-03T10:00:00Z'));

    expect(await store.readDays(c.id)).toEqual([]);
    expect(store.entities.has(c.id)).toBe(false);
    expect(notifier.notifyDue).not.toHaveBeenCalled();
  });

  it('logs a campaign that fails and goes on with the others', async () => {
    const { store, logger, progress } = setUp();
    await store.createCampaign(
      campaign({ id: 'broken', startsOn: '2026-12-03' }),
    );
    await store.createCampaign(
      campaign({ id: 'fine', startsOn: '2026-12-03', deadline: '2027-01-31' }),
    );
    const readComputedDays = store.readComputedDays.bind(store);
    store.readComputedDays = async id => {
      if (id === 'broken') throw new Error('database down');
      return readComputedDays(id);
    };

    await progress.updateAll(new Date('2026-12-03T10:00:00Z'));

    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('campaign broken: Error: database down'),
    );
    expect(await store.readDays('fine')).toHaveLength(1);
  });

  it('stops between days when the task is aborted', async () => {
    const { store, progress } = setUp();
    await store.createCampaign(campaign());
    const controller = new AbortController();
    store.beforeWrite = () => controller.abort();

    await progress.updateAll(
      new Date('2026-12-03T10:00:00Z'),
      controller.signal,
    );

    expect((await store.readDays('c1')).map(d => d.day)).toEqual([
      '2026-12-01',
    ]);
  });
});
