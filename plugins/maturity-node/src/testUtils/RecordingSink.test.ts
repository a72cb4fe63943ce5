import { SourceEvent } from '../sources';
import { RecordingSink } from './RecordingSink';

const ENTITY = 'component:default/checkout-api';

const incident = (updatedAt: string, status = 'triggered'): SourceEvent => ({
  type: 'incident',
  externalId: 'Q1ZKQX2YB6A3GJ',
  entityRef: ENTITY,
  status: status as 'triggered',
  urgency: 'high',
  triggeredAt: '2026-11-20T14:11:00Z',
  updatedAt,
});

const fact = (name: string, value: boolean): SourceEvent => ({
  type: 'repo_fact',
  entityRef: ENTITY,
  fact: name,
  value,
  observedAt: '2026-11-20T14:00:00Z',
  updatedAt: '2026-11-20T14:00:00Z',
});

describe('RecordingSink', () => {
  it('stores new events, leaves replays and older versions, replaces newer ones', async () => {
    const sink = new RecordingSink();
    const first = incident('2026-11-20T14:11:00Z');
    expect(await sink.write([first])).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
    });
    expect(await sink.write([first])).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
    });

    const older = incident('2026-11-20T14:00:00Z', 'resolved');
    expect(await sink.write([older])).toMatchObject({ unchanged: 1 });
    expect(sink.events.get('incident:Q1ZKQX2YB6A3GJ')).toBe(first);

    const newer = incident('2026-11-20T14:19:30Z', 'acknowledged');
    const sameTimeOtherContent = {
      ...newer,
      priority: 'P2',
    } as SourceEvent;
    expect(await sink.write([newer, sameTimeOtherContent])).toEqual({
      created: 0,
      updated: 2,
      unchanged: 0,
    });
    expect(sink.events.get('incident:Q1ZKQX2YB6A3GJ')).toBe(
      sameTimeOtherContent,
    );
    expect(sink.writes).toHaveLength(4);
  });

  it('keys facts by entity and fact name', async () => {
    const sink = new RecordingSink();
    await sink.write([fact('has-ci', true), fact('has-codeowners', false)]);
    expect([...sink.events.keys()]).toEqual([
      `repo_fact:${ENTITY}:has-ci`,
      `repo_fact:${ENTITY}:has-codeowners`,
    ]);
  });

  it('fails the next write when told to, storing nothing, then accepts again', async () => {
    const sink = new RecordingSink();
    sink.failNextWrite = new Error('events[0].entityRef is invalid');
    await expect(
      sink.write([incident('2026-11-20T14:11:00Z')]),
    ).rejects.toThrow('events[0].entityRef is invalid');
    expect(sink.events.size).toBe(0);
    expect(sink.writes).toEqual([]);
    await expect(
      sink.write([incident('2026-11-20T14:11:00Z')]),
    ).resolves.toMatchObject({ created: 1 });
  });

  it('keeps cursors by scope', async () => {
    const sink = new RecordingSink();
    expect(await sink.getCursor('acme/shop')).toBeUndefined();
    await sink.setCursor('acme/shop', '2026-11-20T14:11:00.000Z');
    expect(await sink.getCursor('acme/shop')).toBe('2026-11-20T14:11:00.000Z');
    expect(sink.cursors).toEqual(
      new Map([['acme/shop', '2026-11-20T14:11:00.000Z']]),
    );
  });
});
