import { StoredMaturityEvent } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { MaturityApi } from '../api/MaturityApi';
import { loadEvidenceEvents } from './loadEvidenceEvents';

function deployment(n: number): StoredMaturityEvent {
  return {
    id: `deployment:${n}`,
    type: 'deployment',
    source: 'argocd',
    entityRef: 'component:default/checkout-api',
    externalId: `prod-${n}`,
    environment: 'production',
    status: 'success',
    startedAt: '2026-11-20T10:00:00.000Z',
    occurredAt: '2026-11-20T10:00:00.000Z',
    ingestedAt: '2026-11-20T10:01:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
  };
}

const window = {
  from: '2026-08-25T00:00:00.000Z',
  to: '2026-11-23T00:00:00.000Z',
};

describe('loadEvidenceEvents', () => {
  it('reads the events the ids name in one call, in the order of the ids', async () => {
    const getEntityEventsById = jest.fn(async () => ({
      items: [deployment(1), deployment(4)],
    }));
    const api = { getEntityEventsById } as unknown as MaturityApi;

    const events = await loadEvidenceEvents(
      api,
      'component:default/checkout-api',
      ['deployment:1', 'deployment:4', 'unknown:1'],
      window,
    );

    expect(events.map(e => e.id)).toEqual(['deployment:1', 'deployment:4']);
    expect(getEntityEventsById).toHaveBeenCalledTimes(1);
    // An id that names no event type is not sent: the backend refuses it.
    expect(getEntityEventsById).toHaveBeenLastCalledWith(
      'component:default/checkout-api',
      ['deployment:1', 'deployment:4'],
      window,
    );
  });

  it('asks nothing when no id names an event', async () => {
    const getEntityEventsById = jest.fn();
    const api = { getEntityEventsById } as unknown as MaturityApi;

    await expect(
      loadEvidenceEvents(api, 'component:default/checkout-api', ['x'], window),
    ).resolves.toEqual([]);
    expect(getEntityEventsById).not.toHaveBeenCalled();
  });
});
