import { parseServiceCursor, serializeServiceCursor } from './ServiceCursor';

describe('ServiceCursor', () => {
  it('round-trips', () => {
    const cursor = {
      since: '2026-11-20T15:50:00.000Z',
      open: ['Q3SYOO2T5U9HWN'],
      entityRefs: [
        'component:default/checkout-api',
        'component:default/checkout-worker',
      ],
    };
    expect(parseServiceCursor(serializeServiceCursor(cursor))).toEqual(cursor);
  });

  it('reads a cursor stored before entity sets as naming none', () => {
    expect(
      parseServiceCursor('{"since":"2026-11-20T15:50:00Z","open":["Q1"]}'),
    ).toEqual({ since: '2026-11-20T15:50:00Z', open: ['Q1'] });
    // A set that is not a list of refs is not read.
    expect(
      parseServiceCursor(
        '{"since":"2026-11-20T15:50:00Z","open":[],"entityRefs":["component:default/a",7]}',
      ),
    ).toEqual({ since: '2026-11-20T15:50:00Z', open: [] });
  });

  it('reads the bare time earlier versions stored', () => {
    expect(parseServiceCursor('2026-11-20T14:11:00.000Z')).toEqual({
      since: '2026-11-20T14:11:00.000Z',
      open: [],
    });
  });

  it.each([undefined, '', 'not a cursor', '{"since":"soon"}', '[1]'])(
    'counts %p as none',
    stored => {
      expect(parseServiceCursor(stored)).toBeUndefined();
    },
  );

  it('drops open ids that are not strings', () => {
    expect(
      parseServiceCursor('{"since":"2026-11-20T15:50:00Z","open":["Q1",2]}'),
    ).toEqual({ since: '2026-11-20T15:50:00Z', open: ['Q1'] });
  });
});
