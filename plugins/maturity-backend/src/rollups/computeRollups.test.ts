import {
  MaturityLevel,
  ROLLUP_ENTITY_ROWS_LIMIT,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { ScorecardSummary } from '../database/ScorecardStore';
import { computeRollups, GroupNode } from './computeRollups';

function summary(
  name: string,
  owner: string,
  system: string | undefined,
  levels: [number, number, number, number, number],
  extra: Partial<ScorecardSummary> = {},
): ScorecardSummary {
  const sorted = [...levels].sort((a, b) => a - b);
  return {
    entityRef: `component:default/${name}`,
    kind: 'component',
    ownerRef: `group:default/${owner}`,
    systemRef: system && `system:default/${system}`,
    overallLevel: sorted[2] as MaturityLevel,
    categoryLevels: {
      culture: levels[0],
      design: levels[1],
      'build-deploy': levels[2],
      test: levels[3],
      information: levels[4],
    } as ScorecardSummary['categoryLevels'],
    deliveryBand: null,
    imbalanced: false,
    mlopsLevel: null,
    rubricVersion: 'v1',
    evaluatedAt: '2026-11-23T10:00:00.000Z',
    checkStates: {},
    ...extra,
  };
}

const groups: GroupNode[] = [
  { ref: 'group:default/acme' },
  { ref: 'group:default/engineering', parentRef: 'group:default/acme' },
  { ref: 'group:default/platform', parentRef: 'group:default/engineering' },
  { ref: 'group:default/payments', parentRef: 'group:default/engineering' },
  { ref: 'group:default/data', parentRef: 'group:default/acme' },
  { ref: 'group:default/analytics', parentRef: 'group:default/data' },
];

const summaries = [
  // overall = median of the five levels
  summary('api-gateway', 'platform', 'developer-platform', [5, 4, 5, 4, 4], {
    deliveryBand: 'elite',
    checkStates: { 'a.check': 'pass', 'b.check': 'fail' },
  }), // overall 4
  summary('auth-service', 'platform', 'identity', [4, 4, 4, 3, 4], {
    title: 'Auth Service',
    deliveryBand: 'high',
    checkStates: {
      'a.check': 'fail',
      'b.check': 'fail',
      'c.check': 'not-applicable',
    },
  }), // overall 4
  summary('ledger-service', 'payments', 'payments-system', [3, 3, 2, 3, 3], {
    deliveryBand: 'medium',
    checkStates: { 'a.check': 'insufficient-data', 'b.check': 'fail' },
  }), // overall 3
  summary('eng-portal', 'engineering', undefined, [2, 2, 2, 1, 2]), // overall 2
  summary('warehouse-loader', 'analytics', 'data-platform', [1, 1, 0, 1, 2]), // overall 1
];

const systemDomains = new Map([
  [
    'system:default/developer-platform',
    'domain:default/platform-infrastructure',
  ],
  ['system:default/identity', 'domain:default/platform-infrastructure'],
  ['system:default/payments-system', 'domain:default/commerce'],
  ['system:default/data-platform', 'domain:default/data-and-ml'],
]);

describe('computeRollups', () => {
  const previousLevels = new Map<string, MaturityLevel>([
    ['component:default/api-gateway', 4], // unchanged
    ['component:default/auth-service', 2], // +2
    ['component:default/ledger-service', 4], // -1
    ['component:default/warehouse-loader', 0], // +1
  ]);
  const rollups = computeRollups({
    summaries,
    mlopsCheckIds: new Set(),
    groups,
    systemDomains,
    // The fixtures' raw levels now are their stored levels.
    moverLevels: {
      then: previousLevels,
      now: new Map(summaries.map(s => [s.entityRef, s.overallLevel])),
    },
    now: new Date('2026-11-23T10:00:00Z'),
  });
  const byRef = new Map(rollups.map(r => [r.scopeRef, r]));

  it('includes the entities of every descendant group', () => {
    const engineering = byRef.get('group:default/engineering')!;
    // platform (2) + payments (1) + its own (1)
    expect(engineering.entityCount).toBe(4);
    // overall levels 4, 4, 3, 2 → distribution and median (3 + 4) / 2
    expect(engineering.overall).toEqual({
      distribution: [0, 0, 1, 1, 2, 0],
      median: 3.5,
    });
    // build-deploy levels 5, 4, 2, 2 → median 3
    expect(engineering.categories['build-deploy'].median).toBe(3);
    expect(
      engineering.children.map(c => [
        c.scopeRef,
        c.entityCount,
        c.overallMedian,
      ]),
    ).toEqual([
      ['group:default/platform', 2, 4],
      ['group:default/payments', 1, 3],
    ]);
    expect(byRef.get('group:default/acme')!.entityCount).toBe(5);
    expect(engineering.groupRefs).toEqual([
      'group:default/engineering',
      'group:default/platform',
      'group:default/payments',
    ]);
    expect(byRef.get('group:default/data')!.entityCount).toBe(1);
  });

  it('counts failures only where a check applied', () => {
    const platform = byRef.get('group:default/platform')!;
    expect(platform.mostFailedChecks).toEqual([
      { checkId: 'b.check', failed: 2, waived: 0, applicable: 2 },
      { checkId: 'a.check', failed: 1, waived: 0, applicable: 2 },
    ]);
    const engineering = byRef.get('group:default/engineering')!;
    // ledger-service's a.check has insufficient data: not applicable there
    expect(engineering.mostFailedChecks[0]).toEqual({
      checkId: 'b.check',
      failed: 3,
      waived: 0,
      applicable: 3,
    });
    expect(engineering.deliveryBands).toEqual({
      elite: 1,
      high: 1,
      medium: 1,
      low: 0,
      none: 0,
      unknown: 1,
    });
  });

  it('lists movers against the earlier levels, biggest move first', () => {
    const org = byRef.get('org')!;
    expect(org.movers.improved).toEqual([
      { entityRef: 'component:default/auth-service', from: 2, to: 4 },
      { entityRef: 'component:default/warehouse-loader', from: 0, to: 1 },
    ]);
    expect(org.movers.dropped).toEqual([
      { entityRef: 'component:default/ledger-service', from: 4, to: 3 },
    ]);
  });

  it('compares the raw levels given, not the held level stored: a held level is no move', () => {
    // auth-service holds 4 while its checks give 3, as they did 30 days ago.
    const held = computeRollups({
      summaries,
      mlopsCheckIds: new Set(),
      groups,
      systemDomains,
      moverLevels: {
        then: new Map([['component:default/auth-service', 3]]),
        now: new Map([['component:default/auth-service', 3]]),
      },
      now: new Date('2026-11-23T10:00:00Z'),
    });
    const org = held.find(r => r.scopeRef === 'org')!;
    expect(org.movers).toEqual({ improved: [], dropped: [] });
  });

  it('rolls up systems, domains with their systems, and the org with root groups', () => {
    expect(byRef.get('system:default/identity')).toMatchObject({
      scopeKind: 'system',
      entityCount: 1,
    });
    const domain = byRef.get('domain:default/platform-infrastructure')!;
    expect(domain.entityCount).toBe(2);
    expect(domain.children.map(c => c.scopeRef)).toEqual([
      'system:default/developer-platform',
      'system:default/identity',
    ]);
    const org = byRef.get('org')!;
    expect(org.entityCount).toBe(5);
    // overall levels 4, 4, 3, 2, 1 → median 3
    expect(org.overall.median).toBe(3);
    expect(org.children.map(c => c.scopeRef)).toEqual(['group:default/acme']);
    // Without ML entities, no scope has an MLOps summary.
    expect(rollups.filter(r => r.mlops !== undefined)).toEqual([]);
  });

  it('gives systems and teams without sub-groups a heatmap of their entities, lowest first', () => {
    const platform = byRef.get('group:default/platform')!;
    expect(platform.childKind).toBe('entity');
    // auth-service and api-gateway are both at 4; auth's categories are lower.
    expect(platform.children).toEqual([
      {
        scopeRef: 'component:default/auth-service',
        title: 'Auth Service',
        entityCount: 1,
        overallMedian: 4,
        categoryMedians: {
          culture: 4,
          design: 4,
          'build-deploy': 4,
          test: 3,
          information: 4,
        },
      },
      expect.objectContaining({
        scopeRef: 'component:default/api-gateway',
        overallMedian: 4,
      }),
    ]);
    const identity = byRef.get('system:default/identity')!;
    expect(identity.childKind).toBe('entity');
    expect(identity.children.map(c => c.scopeRef)).toEqual([
      'component:default/auth-service',
    ]);
    // A group with sub-groups keeps its sub-groups as rows.
    expect(byRef.get('group:default/engineering')!.childKind).toBe('group');
    expect(byRef.get('domain:default/platform-infrastructure')!.childKind).toBe(
      'system',
    );
    expect(byRef.get('org')!).toMatchObject({
      childKind: 'group',
      kinds: ['component'],
    });
  });

  it('bounds the entity rows and keeps the lowest', () => {
    const many = Array.from({ length: ROLLUP_ENTITY_ROWS_LIMIT + 5 }, (_, i) =>
      summary(
        `svc-${String(i).padStart(2, '0')}`,
        'platform',
        'big',
        i === 24 ? [0, 0, 0, 0, 0] : [3, 3, 3, 3, 3],
        { kind: i % 2 ? 'component' : 'Resource' },
      ),
    );
    const big = computeRollups({
      summaries: many,
      mlopsCheckIds: new Set(),
      groups: [{ ref: 'group:default/platform' }],
      systemDomains: new Map(),
      moverLevels: { then: new Map(), now: new Map() },
      now: new Date(),
    });
    const system = big.find(r => r.scopeRef === 'system:default/big')!;
    expect(system.entityCount).toBe(ROLLUP_ENTITY_ROWS_LIMIT + 5);
    expect(system.children).toHaveLength(ROLLUP_ENTITY_ROWS_LIMIT);
    expect(system.children[0].scopeRef).toBe('component:default/svc-24');
    expect(system.children[1].scopeRef).toBe('component:default/svc-00');
    expect(big.find(r => r.scopeRef === 'org')!.kinds).toEqual([
      'component',
      'resource',
    ]);
  });

  it('survives a cycle in a hand-written hierarchy', () => {
    const cyclic = computeRollups({
      summaries: summaries.slice(0, 1),
      mlopsCheckIds: new Set(),
      groups: [
        { ref: 'group:default/a', parentRef: 'group:default/b' },
        { ref: 'group:default/b', parentRef: 'group:default/a' },
        { ref: 'group:default/platform', parentRef: 'group:default/a' },
      ],
      systemDomains,
      moverLevels: { then: new Map(), now: new Map() },
      now: new Date(),
    });
    expect(
      cyclic.find(r => r.scopeRef === 'group:default/a')!.entityCount,
    ).toBe(1);
  });

  describe('MLOps levels', () => {
    const ml = (
      name: string,
      system: string | undefined,
      mlopsLevel: number,
      checkStates: ScorecardSummary['checkStates'],
    ) =>
      summary(name, 'ml', system, [1, 1, 1, 1, 1], {
        type: 'ml-pipeline',
        mlopsLevel,
        checkStates,
      });
    const mlRollups = computeRollups({
      summaries: [
        ml('train-a', 'training', 2, {
          'mlops.1.pipeline': 'pass',
          'mlops.2.drift': 'pass',
          'test.1.unit': 'fail',
        }),
        ml('train-b', 'training', 1, {
          'mlops.1.pipeline': 'pass',
          'mlops.2.drift': 'fail',
          'mlops.2.multi-env': 'fail',
          'test.1.unit': 'fail',
        }),
        ml('train-c', 'training', 0, {
          'mlops.1.pipeline': 'fail',
          'mlops.2.drift': 'fail',
          'mlops.2.multi-env': 'insufficient-data',
        }),
        ml('serve-d', undefined, 0, {
          'mlops.1.pipeline': 'fail',
          'mlops.2.drift': 'not-applicable',
        }),
        summary('loader', 'analytics', undefined, [2, 2, 2, 2, 2], {
          checkStates: { 'test.1.unit': 'fail' },
        }),
      ],
      mlopsCheckIds: new Set([
        'mlops.1.pipeline',
        'mlops.2.drift',
        'mlops.2.multi-env',
      ]),
      groups: [
        { ref: 'group:default/data' },
        { ref: 'group:default/ml', parentRef: 'group:default/data' },
        { ref: 'group:default/analytics', parentRef: 'group:default/data' },
      ],
      systemDomains: new Map([
        ['system:default/training', 'domain:default/data-and-ml'],
      ]),
      moverLevels: { then: new Map(), now: new Map() },
      now: new Date('2026-11-23T10:00:00Z'),
    });
    const mlByRef = new Map(mlRollups.map(r => [r.scopeRef, r]));

    it('counts the ML entities of a team by MLOps level, with their most failed MLOps checks', () => {
      // MLOps levels 2, 1, 0, 0 → median (0 + 1) / 2.
      expect(mlByRef.get('group:default/ml')!.mlops).toEqual({
        entityCount: 4,
        distribution: [2, 1, 1],
        median: 0.5,
        mostFailedChecks: [
          // 2 of 3 (serve-d's drift check is not applicable) before 2 of 4;
          // train-c's multi-env check lacks data, so 1 of 1.
          { checkId: 'mlops.2.drift', failed: 2, waived: 0, applicable: 3 },
          { checkId: 'mlops.1.pipeline', failed: 2, waived: 0, applicable: 4 },
          { checkId: 'mlops.2.multi-env', failed: 1, waived: 0, applicable: 1 },
        ],
      });
    });

    it('leaves entities without an MLOps level out, and scopes without ML entities without a summary', () => {
      const org = mlByRef.get('org')!;
      expect(org.entityCount).toBe(5);
      expect(org.mlops).toMatchObject({
        entityCount: 4,
        distribution: [2, 1, 1],
        median: 0.5,
      });
      // The parent group counts its sub-groups' ML entities.
      expect(mlByRef.get('group:default/data')!.mlops).toEqual(org.mlops);
      // test.1.unit fails too, but is no MLOps check.
      expect(org.mlops!.mostFailedChecks.map(c => c.checkId).sort()).toEqual([
        'mlops.1.pipeline',
        'mlops.2.drift',
        'mlops.2.multi-env',
      ]);
      expect(mlByRef.get('group:default/analytics')!).not.toHaveProperty(
        'mlops',
      );
    });

    it('keeps MLOps checks out of the general most failed checks', () => {
      // test.1.unit fails for train-a, train-b and loader; the MLOps checks
      // that fail more often are in the MLOps list only.
      expect(mlByRef.get('org')!.mostFailedChecks).toEqual([
        { checkId: 'test.1.unit', failed: 3, waived: 0, applicable: 3 },
      ]);
      expect(mlByRef.get('group:default/ml')!.mostFailedChecks).toEqual([
        { checkId: 'test.1.unit', failed: 2, waived: 0, applicable: 2 },
      ]);
    });

    it('counts the ML entities of systems and domains', () => {
      // MLOps levels 2, 1, 0 → median 1.
      const training = {
        entityCount: 3,
        distribution: [1, 1, 1],
        median: 1,
        mostFailedChecks: [
          { checkId: 'mlops.2.drift', failed: 2, waived: 0, applicable: 3 },
          // One failure each: the larger share first.
          { checkId: 'mlops.2.multi-env', failed: 1, waived: 0, applicable: 1 },
          { checkId: 'mlops.1.pipeline', failed: 1, waived: 0, applicable: 3 },
        ],
      };
      expect(mlByRef.get('system:default/training')!.mlops).toEqual(training);
      expect(mlByRef.get('domain:default/data-and-ml')!.mlops).toEqual(
        training,
      );
    });
  });
});

describe('computeRollups: waivers as debt', () => {
  const withoutWaivers = (
    levels: [number, number, number, number, number],
  ): ScorecardSummary['levelsWithoutWaivers'] => ({
    overallLevel: [...levels].sort((a, b) => a - b)[2] as MaturityLevel,
    categoryLevels: summary('x', 'x', undefined, levels).categoryLevels,
  });
  const team = [
    // Held at 4 by a waiver of a failing a.check; b.check is exempt but
    // would pass anyway.
    summary('held', 'team', 'shop', [4, 4, 4, 4, 4], {
      checkStates: {
        'a.check': 'exempt',
        'b.check': 'exempt',
        'c.check': 'pass',
        'd.check': 'fail',
        'e.check': 'not-applicable',
      },
      waivedCheckStates: { 'a.check': 'fail', 'b.check': 'pass' },
      levelsWithoutWaivers: withoutWaivers([1, 1, 1, 4, 4]),
    }),
    summary('plain', 'team', 'shop', [2, 2, 2, 2, 2], {
      checkStates: { 'a.check': 'fail', 'd.check': 'fail' },
      waivedCheckStates: {},
      levelsWithoutWaivers: withoutWaivers([2, 2, 2, 2, 2]),
    }),
    // Evaluated before the replaced states were kept: its exempt check is
    // a waiver, its levels without waivers unknown (counted as they are).
    summary('older', 'team', undefined, [3, 3, 3, 3, 3], {
      checkStates: { 'a.check': 'exempt' },
    }),
  ];
  const rollups = computeRollups({
    summaries: team,
    mlopsCheckIds: new Set(),
    groups: [{ ref: 'group:default/team' }],
    systemDomains: new Map(),
    moverLevels: { then: new Map(), now: new Map() },
    now: new Date('2026-11-23T10:00:00Z'),
  });
  const byRef = new Map(rollups.map(r => [r.scopeRef, r]));

  it('counts exempt checks as their own band beside pass and fail', () => {
    // held: a waived, b and c pass, d fail (e left out); plain: a, d fail;
    // older: a waived.
    expect(byRef.get('group:default/team')!.checkBands).toEqual({
      pass: 2,
      waived: 2,
      fail: 3,
    });
    expect(byRef.get('system:default/shop')!.checkBands).toEqual({
      pass: 2,
      waived: 1,
      fail: 3,
    });
    expect(byRef.get('org')!.checkBands).toEqual({
      pass: 2,
      waived: 2,
      fail: 3,
    });
  });

  it('lists the checks failing or waived, the most of both first', () => {
    // a.check: failing once, waived twice; d.check failing twice; b.check
    // exempt but passing is no debt.
    expect(byRef.get('group:default/team')!.mostFailedChecks).toEqual([
      { checkId: 'a.check', failed: 1, waived: 2, applicable: 3 },
      { checkId: 'd.check', failed: 2, waived: 0, applicable: 2 },
    ]);
  });

  it('gives the levels and heatmap rows without waivers', () => {
    const rollup = byRef.get('group:default/team')!;
    // As scored 4, 2, 3 (median 3); without waivers 1, 2 and 3 (older,
    // unknown, at its levels): median 2.
    expect(rollup.overall.median).toBe(3);
    expect(rollup.withoutWaivers!.overall).toEqual({
      distribution: [0, 1, 1, 1, 0, 0],
      median: 2,
    });
    expect(rollup.withoutWaivers!.categories.culture.median).toBe(2);
    expect(rollup.withoutWaivers!.categories.test.median).toBe(3);
    // The rows in the order of the rollup's own: lowest as scored first.
    expect(rollup.children.map(c => c.scopeRef)).toEqual([
      'component:default/plain',
      'component:default/older',
      'component:default/held',
    ]);
    expect(
      rollup.withoutWaivers!.children.map(c => [
        c.scopeRef,
        c.overallMedian,
        c.categoryMedians.culture,
        c.categoryMedians.test,
      ]),
    ).toEqual([
      ['component:default/plain', 2, 2, 2],
      ['component:default/older', 3, 3, 3],
      ['component:default/held', 1, 1, 4],
    ]);
    // The org's row of the team: medians of 1, 2, 3 and of 4, 2, 3.
    expect(byRef.get('org')!.withoutWaivers!.children).toEqual([
      {
        scopeRef: 'group:default/team',
        overallMedian: 2,
        categoryMedians: {
          culture: 2,
          design: 2,
          'build-deploy': 2,
          test: 3,
          information: 3,
        },
      },
    ]);
    // The system of held and plain: 1 and 2, median 1.5.
    expect(byRef.get('system:default/shop')!.withoutWaivers!.overall).toEqual({
      distribution: [0, 1, 1, 0, 0, 0],
      median: 1.5,
    });
  });
});
