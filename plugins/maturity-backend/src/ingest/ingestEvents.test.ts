import { InputError, NotAllowedError } from '@backstage/errors';
import { ingestEvents } from './ingestEvents';

const deployment = (externalId: string, entityRef: string) => ({
  type: 'deployment',
  source: 'jenkins',
  externalId,
  entityRef,
  environment: 'production',
  status: 'success',
  startedAt: '2026-11-20T14:02:11Z',
  finishedAt: '2026-11-20T15:06:40+01:00',
});

function fakeStore(result = { created: 1, updated: 1, unchanged: 0 }) {
  const ingest = jest.fn(async () => result);
  const enqueueEvaluation = jest.fn(async () => {});
  return {
    events: { ingest },
    ingest,
    evaluationQueue: { enqueueEvaluation },
    enqueueEvaluation,
  };
}

describe('ingestEvents', () => {
  it('writes the batch in one spelling and queues each changed entity once', async () => {
    const { events, ingest, evaluationQueue, enqueueEvaluation } = fakeStore();
    const result = await ingestEvents(
      { events, evaluationQueue },
      {
        events: [
          deployment('d-1', 'Component:default/Checkout-API'),
          deployment('d-2', 'component:default/checkout-api'),
        ],
      },
      { maxEvents: 10, sameVersionChange: 'reject' },
    );
    expect(result).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(ingest).toHaveBeenCalledWith(
      [
        expect.objectContaining({
          externalId: 'd-1',
          entityRef: 'component:default/checkout-api',
          finishedAt: '2026-11-20T14:06:40.000Z',
        }),
        expect.objectContaining({ externalId: 'd-2' }),
      ],
      { sameVersionChange: 'reject' },
    );
    expect(enqueueEvaluation).toHaveBeenCalledWith(
      ['component:default/checkout-api'],
      expect.any(Date),
    );
  });

  it('queues nothing when nothing changed', async () => {
    const { events, evaluationQueue, enqueueEvaluation } = fakeStore({
      created: 0,
      updated: 0,
      unchanged: 1,
    });
    await ingestEvents(
      { events, evaluationQueue },
      { events: [deployment('d-1', 'component:default/checkout-api')] },
      { maxEvents: 10, sameVersionChange: 'replace' },
    );
    expect(enqueueEvaluation).not.toHaveBeenCalled();
  });

  it('writes nothing when the batch is invalid, too long or not the caller’s to write', async () => {
    const { events, ingest } = fakeStore();
    const event = deployment('d-1', 'component:default/checkout-api');
    await expect(
      ingestEvents(
        { events },
        { events: [{ ...event, startedAt: '2026-02-30T10:00:00Z' }] },
        { maxEvents: 10, sameVersionChange: 'replace' },
      ),
    ).rejects.toThrow(InputError);
    await expect(
      ingestEvents(
        { events },
        { events: [event, { ...event, externalId: 'd-2' }] },
        { maxEvents: 1, sameVersionChange: 'replace' },
      ),
    ).rejects.toThrow(/events: a batch holds at most 1 events/);
    const assertMayWrite = jest.fn(() => {
      throw new NotAllowedError('events[0].source: not yours');
    });
    await expect(
      ingestEvents(
        { events },
        { events: [event] },
        { maxEvents: 10, sameVersionChange: 'replace', assertMayWrite },
      ),
    ).rejects.toThrow(NotAllowedError);
    expect(assertMayWrite).toHaveBeenCalledWith([
      expect.objectContaining({ externalId: 'd-1', source: 'jenkins' }),
    ]);
    expect(ingest).not.toHaveBeenCalled();
  });
});
