import {
  CATEGORY_IDS,
  CategoryId,
  LevelDistribution,
  LevelSummary,
  MaturityLevel,
  MlopsLevelDistribution,
  MlopsRollup,
  Mover,
  Rollup,
  ROLLUP_ENTITY_ROWS_LIMIT,
  RollupScopeKind,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { ScorecardSummary } from '../database/ScorecardStore';
import { canonicalEntityKind } from '../canonicalEntityRef';
import { median } from '../sampleStatistics';

/** A catalog group and its place in the hierarchy. */
export interface GroupNode {
  ref: string;
  parentRef?: string;
}

const MOST_FAILED_LIMIT = 10;
const MOVERS_LIMIT = 20;

const medianOrNull = (values: number[]) => median(values) ?? null;

type RollupChild = Rollup['children'][number];

/**
 * Heatmap rows of a scope's own entities: each entity's levels, lowest
 * overall level first (then lowest category levels), so a bounded list
 * shows what needs attention.
 */
function entityRows(members: ScorecardSummary[]): RollupChild[] {
  const total = (m: ScorecardSummary) =>
    CATEGORY_IDS.reduce((sum, c) => sum + m.categoryLevels[c], 0);
  return [...members]
    .sort(
      (a, b) =>
        a.overallLevel - b.overallLevel ||
        total(a) - total(b) ||
        a.entityRef.localeCompare(b.entityRef),
    )
    .slice(0, ROLLUP_ENTITY_ROWS_LIMIT)
    .map(m => ({
      scopeRef: m.entityRef,
      ...(m.title ? { title: m.title } : {}),
      entityCount: 1,
      overallMedian: m.overallLevel,
      categoryMedians: { ...m.categoryLevels },
    }));
}

function summarize(levels: number[]): LevelSummary {
  const distribution: LevelDistribution = [0, 0, 0, 0, 0, 0];
  for (const level of levels) distribution[level] += 1;
  return { distribution, median: medianOrNull(levels) };
}

/** Counts of each check's failures among the entities it applied to. */
type CheckCounts = Map<string, { failed: number; applicable: number }>;

function countCheck(
  counts: CheckCounts,
  checkId: string,
  state: ScorecardSummary['checkStates'][string],
) {
  if (state === 'not-applicable' || state === 'insufficient-data') return;
  const count = counts.get(checkId) ?? { failed: 0, applicable: 0 };
  count.applicable += 1;
  if (state === 'fail') count.failed += 1;
  counts.set(checkId, count);
}

function mostFailed(counts: CheckCounts): Rollup['mostFailedChecks'] {
  return [...counts.entries()]
    .filter(([, c]) => c.failed > 0)
    .map(([checkId, c]) => ({ checkId, ...c }))
    .sort(
      (a, b) =>
        b.failed - a.failed ||
        b.failed / b.applicable - a.failed / a.applicable ||
        a.checkId.localeCompare(b.checkId),
    )
    .slice(0, MOST_FAILED_LIMIT);
}

/**
 * The MLOps levels of the members that have one (the ML entities), and
 * their most failed MLOps checks; undefined when no member has one.
 */
function summarizeMlops(
  members: ScorecardSummary[],
  mlopsCheckIds: ReadonlySet<string>,
): MlopsRollup | undefined {
  const levels: number[] = [];
  const distribution: MlopsLevelDistribution = [0, 0, 0];
  const checks: CheckCounts = new Map();
  for (const member of members) {
    const level = member.mlopsLevel;
    // Null for an entity the MLOps track does not apply to.
    if (level !== 0 && level !== 1 && level !== 2) continue;
    levels.push(level);
    distribution[level] += 1;
    const states = member.checkStates;
    for (const checkId in states) {
      if (
        Object.prototype.hasOwnProperty.call(states, checkId) &&
        mlopsCheckIds.has(checkId)
      ) {
        countCheck(checks, checkId, states[checkId]);
      }
    }
  }
  if (levels.length === 0) return undefined;
  return {
    entityCount: levels.length,
    distribution,
    median: median(levels)!,
    mostFailedChecks: mostFailed(checks),
  };
}

function aggregate(
  scopeRef: string,
  scopeKind: RollupScopeKind,
  members: ScorecardSummary[],
  previousLevels: Map<string, MaturityLevel>,
  computedAt: string,
  mlopsCheckIds: ReadonlySet<string>,
): Omit<Rollup, 'children'> {
  const categories = Object.fromEntries(
    CATEGORY_IDS.map(category => [
      category,
      summarize(members.map(m => m.categoryLevels[category])),
    ]),
  ) as Record<CategoryId, LevelSummary>;

  const deliveryBands: Rollup['deliveryBands'] = {
    elite: 0,
    high: 0,
    medium: 0,
    low: 0,
    none: 0,
    unknown: 0,
  };
  const checks: CheckCounts = new Map();
  const improved: Mover[] = [];
  const dropped: Mover[] = [];
  for (const member of members) {
    const band = member.deliveryBand as keyof Rollup['deliveryBands'] | null;
    deliveryBands[band && band in deliveryBands ? band : 'unknown'] += 1;
    // for…in: an entries array per member and scope was most of what
    // computing rollups allocated.
    const states = member.checkStates;
    for (const checkId in states) {
      // MLOps checks are counted in the MLOps list only (summarizeMlops).
      if (
        Object.prototype.hasOwnProperty.call(states, checkId) &&
        !mlopsCheckIds.has(checkId)
      ) {
        countCheck(checks, checkId, states[checkId]);
      }
    }
    const before = previousLevels.get(member.entityRef);
    if (before !== undefined && before !== member.overallLevel) {
      const move = {
        entityRef: member.entityRef,
        from: before,
        to: member.overallLevel,
      };
      (member.overallLevel > before ? improved : dropped).push(move);
    }
  }
  const mlops = summarizeMlops(members, mlopsCheckIds);
  const bySize = (a: Mover, b: Mover) =>
    Math.abs(b.to - b.from) - Math.abs(a.to - a.from) ||
    a.entityRef.localeCompare(b.entityRef);

  return {
    scopeRef,
    scopeKind,
    entityCount: members.length,
    computedAt,
    overall: summarize(members.map(m => m.overallLevel)),
    categories,
    deliveryBands,
    mostFailedChecks: mostFailed(checks),
    movers: {
      improved: improved.sort(bySize).slice(0, MOVERS_LIMIT),
      dropped: dropped.sort(bySize).slice(0, MOVERS_LIMIT),
    },
    ...(mlops ? { mlops } : {}),
  };
}

/**
 * Rolls scorecards up per group (its own entities and those of every
 * descendant group), system, domain and the whole organisation, with
 * movers against the levels of an earlier day, and the MLOps levels of
 * the ML entities among them.
 */
export function computeRollups(options: {
  summaries: ScorecardSummary[];
  /** The ids of the rubric's MLOps checks, counted apart for ML entities. */
  mlopsCheckIds: ReadonlySet<string>;
  groups: GroupNode[];
  /** System ref → its domain ref. */
  systemDomains: Map<string, string>;
  previousLevels: Map<string, MaturityLevel>;
  now: Date;
}): Rollup[] {
  const { summaries, groups, systemDomains, previousLevels } = options;
  const computedAt = options.now.toISOString();
  const aggregateScope = (
    scopeRef: string,
    scopeKind: RollupScopeKind,
    members: ScorecardSummary[],
  ) =>
    aggregate(
      scopeRef,
      scopeKind,
      members,
      previousLevels,
      computedAt,
      options.mlopsCheckIds,
    );

  const childrenOf = new Map<string, string[]>();
  const known = new Set(groups.map(g => g.ref));
  for (const group of groups) {
    if (group.parentRef && known.has(group.parentRef)) {
      const siblings = childrenOf.get(group.parentRef) ?? [];
      siblings.push(group.ref);
      childrenOf.set(group.parentRef, siblings);
    }
  }

  const ownedBy = new Map<string, ScorecardSummary[]>();
  const bySystem = new Map<string, ScorecardSummary[]>();
  const byDomain = new Map<string, ScorecardSummary[]>();
  const push = (
    map: Map<string, ScorecardSummary[]>,
    key: string | undefined,
    s: ScorecardSummary,
  ) => {
    if (!key) return;
    const list = map.get(key) ?? [];
    list.push(s);
    map.set(key, list);
  };
  for (const summary of summaries) {
    push(ownedBy, summary.ownerRef, summary);
    push(bySystem, summary.systemRef, summary);
    push(
      byDomain,
      summary.systemRef
        ? systemDomains.get(summary.systemRef) ?? summary.domainRef
        : summary.domainRef,
      summary,
    );
  }

  // Members of a group: its own entities and its descendants', each once,
  // guarding against cycles in a hand-written hierarchy.
  const membersCache = new Map<string, ScorecardSummary[]>();
  const membersOf = (ref: string, path: Set<string>): ScorecardSummary[] => {
    const cached = membersCache.get(ref);
    if (cached) return cached;
    const members = [...(ownedBy.get(ref) ?? [])];
    for (const child of childrenOf.get(ref) ?? []) {
      if (path.has(child)) continue;
      members.push(...membersOf(child, new Set([...path, child])));
    }
    const unique = [...new Map(members.map(m => [m.entityRef, m])).values()];
    membersCache.set(ref, unique);
    return unique;
  };

  const childRow = (scopeRef: string, members: ScorecardSummary[]) => ({
    scopeRef,
    entityCount: members.length,
    overallMedian: medianOrNull(members.map(m => m.overallLevel)),
    categoryMedians: Object.fromEntries(
      CATEGORY_IDS.map(c => [
        c,
        medianOrNull(members.map(m => m.categoryLevels[c])),
      ]),
    ) as Record<CategoryId, number | null>,
  });

  const rollups: Rollup[] = [];
  const descendantsOf = (ref: string, seen: Set<string>): string[] => {
    seen.add(ref);
    for (const child of childrenOf.get(ref) ?? []) {
      if (!seen.has(child)) descendantsOf(child, seen);
    }
    return [...seen];
  };
  for (const group of groups) {
    const members = membersOf(group.ref, new Set([group.ref]));
    const subGroups = childrenOf.get(group.ref) ?? [];
    rollups.push({
      ...aggregateScope(group.ref, 'group', members),
      groupRefs: descendantsOf(group.ref, new Set()),
      // A team without sub-groups: a heatmap of its own entities.
      ...(subGroups.length > 0
        ? {
            childKind: 'group' as const,
            children: subGroups.map(child =>
              childRow(child, membersOf(child, new Set([child]))),
            ),
          }
        : { childKind: 'entity' as const, children: entityRows(members) }),
    });
  }
  for (const [systemRef, members] of bySystem) {
    rollups.push({
      ...aggregateScope(systemRef, 'system', members),
      childKind: 'entity',
      children: entityRows(members),
    });
  }
  for (const [domainRef, members] of byDomain) {
    const systems = [...bySystem.keys()].filter(
      s => systemDomains.get(s) === domainRef,
    );
    rollups.push({
      ...aggregateScope(domainRef, 'domain', members),
      childKind: 'system',
      children: systems.map(s => childRow(s, bySystem.get(s)!)),
    });
  }
  const roots = groups.filter(g => !g.parentRef || !known.has(g.parentRef));
  rollups.push({
    ...aggregateScope('org', 'org', summaries),
    kinds: [...new Set(summaries.map(s => canonicalEntityKind(s.kind)))].sort(),
    childKind: 'group',
    children: roots.map(g =>
      childRow(g.ref, membersOf(g.ref, new Set([g.ref]))),
    ),
  });
  return rollups;
}
