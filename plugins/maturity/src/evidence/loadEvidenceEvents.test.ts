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

describe('loadEvidenceEvents', () => {
  it('pages through the events of each named type until all ids are found', async () => {
    const getEntityEvents = jest.fn(async (_ref: unknown, options: any) =>
      options.cursor
        ? { items: [deployment(2), deployment(1)] }
        : { items: [deployment(4), deployment(3)], nextCursor: 'page-2' },
    );
    const api = { getEntityEvents } as unknown as MaturityApi;

    const events = await loadEvidenceEvents(
      api,
      'component:default/checkout-api',
      ['deployment:1', 'deployment:4', 'unknown:1'],
      { from: '2026-08-25T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' },
    );

    expect(events.map(e => e.id)).toEqual(['deployment:1', 'deployment:4']);
    expect(getEntityEvents).toHaveBeenCalledTimes(2);
    expect(getEntityEvents).toHaveBeenLastCalledWith(
      'component:default/checkout-api',
      {
        from: '2026-08-25T00:00:00.000Z',
        to: '2026-11-23T00:00:00.000Z',
        types: ['deployment'],
        limit: 500,
        cursor: 'page-2',
      },
    );
  });
});
