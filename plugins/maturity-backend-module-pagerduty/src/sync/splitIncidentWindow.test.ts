import { splitIncidentWindow } from './splitIncidentWindow';

describe('splitIncidentWindow', () => {
  it('keeps a window within 180 days whole', () => {
    expect(
      splitIncidentWindow('2026-08-22T16:00:00.000Z', '2026-11-20T16:00:00Z'),
    ).toEqual([
      { since: '2026-08-22T16:00:00.000Z', until: '2026-11-20T16:00:00Z' },
    ]);
  });

  it('cuts a longer one into consecutive spans of at most 180 days', () => {
    const spans = splitIncidentWindow(
      '2025-01-01T00:00:00Z',
      '2026-01-01T00:00:00Z',
    );
    expect(spans).toEqual([
      { since: '2025-01-01T00:00:00Z', until: '2025-06-30T00:00:00.000Z' },
      { since: '2025-06-30T00:00:00.000Z', until: '2025-12-27T00:00:00.000Z' },
      { since: '2025-12-27T00:00:00.000Z', until: '2026-01-01T00:00:00Z' },
    ]);
  });

  it('is empty when the window is', () => {
    expect(
      splitIncidentWindow('2026-11-20T16:00:00Z', '2026-11-20T16:00:00Z'),
    ).toEqual([]);
    expect(
      splitIncidentWindow('2026-11-21T00:00:00Z', '2026-11-20T16:00:00Z'),
    ).toEqual([]);
  });
});
