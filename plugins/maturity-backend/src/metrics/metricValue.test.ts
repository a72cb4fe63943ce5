import { MAX_EVIDENCE_IDS } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { evidenceOf, evidenceOfNewest, share } from './metricValue';

const records = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: i + 1 }));
const idOf = (r: { id: number }) => `build:${r.id}`;

describe('metric evidence', () => {
  it('names the first records, no more than a metric keeps', () => {
    expect(evidenceOf(records(3), idOf)).toEqual([
      'build:1',
      'build:2',
      'build:3',
    ]);
    const many = evidenceOf(records(120), idOf);
    expect(many).toHaveLength(MAX_EVIDENCE_IDS);
    expect(many[MAX_EVIDENCE_IDS - 1]).toBe(`build:${MAX_EVIDENCE_IDS}`);
    expect(evidenceOfNewest(records(120), idOf).slice(0, 2)).toEqual([
      'build:120',
      'build:119',
    ]);
  });

  it('puts the hits of a share first, then the rest in order', () => {
    const total = records(6);
    const hits = [total[4], total[1]];
    expect(share(total, hits, idOf)).toEqual({
      sampleSize: 6,
      value: 2 / 6,
      evidence: [
        'build:5',
        'build:2',
        'build:1',
        'build:3',
        'build:4',
        'build:6',
      ],
    });
    expect(share(total, hits, idOf, [...total].reverse()).evidence[0]).toBe(
      'build:6',
    );
    expect(share([], [], idOf)).toEqual({
      sampleSize: 0,
      value: undefined,
      evidence: [],
    });
  });

  it('counts every record of a share but names only what is kept', () => {
    const total = records(200);
    const hits = total.filter(r => r.id % 2 === 0);
    const measured = share(total, hits, idOf);
    expect(measured.sampleSize).toBe(200);
    expect(measured.value).toBe(0.5);
    expect(measured.evidence).toHaveLength(MAX_EVIDENCE_IDS);
    expect(measured.evidence.slice(0, 2)).toEqual(['build:2', 'build:4']);
  });
});
