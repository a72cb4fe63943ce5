import {
  CATEGORY_IDS,
  CategoryId,
  CheckBands,
  isWaived,
  LevelDistribution,
  LevelSummary,
  MaturityLevel,
  MlopsLevelDistribution,
  MlopsRollup,
  Mover,
  Rollup,
  ROLLUP_ENTITY_ROWS_LIMIT,
  RollupChildKind,
  RollupLevelsWithoutWaivers,
  RollupScopeKind,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { ScorecardSummary } from '../database/ScorecardStore';
import { median } from '../sampleStatistics';
import { canonicalEntityKind } from '@maturity-for-backstage/backstage-plugin-maturity-node';

/** A catalog group and its place in the hierarchy. */
export interface GroupNode {
  ref: string;
  parentRef?: string;
}

const MOST_FAILED_LIMIT = 10;
const MOVERS_LIMIT = 20;

/**
 * How many of the levels are 0, 1, … 5; undefined when one is not a whole
 * level (then only the sample median applies).
 */
function countLevels(levels: number[]): LevelDistribution | undefined {
  const counts: LevelDistribution = [0, 0, 0, 0, 0, 0];
  for (const level of levels) {
    if (!Number.isInteger(level) || level < 0 || level > 5) return undefined;
    counts[level] += 1;
  }
  return counts;
}

/**
 * The median of `total` levels counted in `counts`, null when there are
 * none: the same value as the sample median, counted instead of sorted
 * (every scope takes several medians of all its members).
 */
function medianOfCounts(counts: number[], total: number): number | null {
  if (total === 0) return null;
  const rank = (total - 1) / 2;
  const lower = levelAtRank(counts, Math.floor(rank));
  const upper = levelAtRank(counts, Math.ceil(rank));
  return lower + (upper - lower) * (rank - Math.floor(rank));
}

/** The median of levels, null when there are none. */
function medianOrNull(levels: number[]): number | null {
  const counts = countLevels(levels);
  return counts
    ? medianOfCounts(counts, levels.length)
    : median(levels) ?? null;
}

/** The level at a 0-based rank of the sorted levels counted in `counts`. */
function levelAtRank(counts: number[], rank: number): number {
  let seen = 0;
  for (let level = 0; level < counts.length; level++) {
    seen += counts[level];
    if (rank < seen) return level;
  }
  return counts.length - 1;
}

// The default locale's collation, as localeCompare without arguments uses,
// built once: localeCompare looks it up on every comparison.
const collate = new Intl.Collator().compare;

type RollupChild = Rollup['children'][number];

/**
 * Heatmap rows of a scope's own entities: each entity's levels, lowest
 * overall level first (then lowest category levels), so a bounded list
 * shows what needs attention.
 */
function entityRowMembers(members: ScorecardSummary[]): ScorecardSummary[] {
  // Each member's total once, not once per comparison.
  const totals = new Map<ScorecardSummary, number>();
  for (const m of members) {
    let sum = 0;
    for (const c of CATEGORY_IDS) sum += m.categoryLevels[c];
    totals.set(m, sum);
  }
  return [...members]
    .sort(
      (a, b) =>
        a.overallLevel - b.overallLevel ||
        totals.get(a)! - totals.get(b)! ||
        collate(a.entityRef, b.entityRef),
    )
    .slice(0, ROLLUP_ENTITY_ROWS_LIMIT);
}

function entityRows(rowMembers: ScorecardSummary[]): RollupChild[] {
  return rowMembers.map(m => ({
    scopeRef: m.entityRef,
    ...(m.title ? { title: m.title } : {}),
    entityCount: 1,
    overallMedian: m.overallLevel,
    categoryMedians: { ...m.categoryLevels },
  }));
}

/** A level distribution and its median, from one count of the levels. */
function summarize(levels: number[]): LevelSummary {
  const counts = countLevels(levels);
  if (counts) {
    return {
      distribution: counts,
      median: medianOfCounts(counts, levels.length),
    };
  }
  const distribution: LevelDistribution = [0, 0, 0, 0, 0, 0];
  for (const level of levels) distribution[level] += 1;
  return { distribution, median: median(levels) ?? null };
}

/**
 * Counts of each check's failures and waivers among the entities it
 * applied to.
 */
type CheckCounts = Map<
  string,
  { failed: number; waived: number; applicable: number }
>;

type CheckState = ScorecardSummary['checkStates'][string];

/**
 * Whether a member's check is met only through its exemption; a member
 * evaluated before the replaced states were kept has none, and each of its
 * exempt checks counts as waived.
 */
function isWaivedIn(
  member: ScorecardSummary,
  checkId: string,
  state: CheckState,
): boolean {
  if (state !== 'exempt') return false;
  const replaced = member.waivedCheckStates?.[checkId];
  return isWaived({
    state,
    stateWithoutWaiver: replaced === 'exempt' ? undefined : replaced,
  });
}

function countCheck(
  counts: CheckCounts,
  checkId: string,
  state: CheckState,
  waived: boolean,
) {
  if (state === 'not-applicable' || state === 'insufficient-data') return;
  const count = counts.get(checkId) ?? { failed: 0, waived: 0, applicable: 0 };
  count.applicable += 1;
  if (state === 'fail') count.failed += 1;
  if (waived) count.waived += 1;
  counts.set(checkId, count);
}

/** The checks failing or waived most often: waivers are debt too. */
function mostFailed(counts: CheckCounts): Rollup['mostFailedChecks'] {
  const debt = (c: { failed: number; waived: number }) => c.failed + c.waived;
  return [...counts.entries()]
    .filter(([, c]) => debt(c) > 0)
    .map(([checkId, c]) => ({
      checkId,
      failed: c.failed,
      waived: c.waived,
      applicable: c.applicable,
    }))
    .sort(
      (a, b) =>
        debt(b) - debt(a) ||
        b.failed - a.failed ||
        debt(b) / b.applicable - debt(a) / a.applicable ||
        collate(a.checkId, b.checkId),
    )
    .slice(0, MOST_FAILED_LIMIT);
}

/** A member's levels without waivers; its levels when it has none yet. */
function levelsWithoutWaivers(member: ScorecardSummary) {
  return (
    member.levelsWithoutWaivers ?? {
      overallLevel: member.overallLevel,
      categoryLevels: member.categoryLevels,
    }
  );
}

/** The median overall and category levels of a heatmap row's members. */
function medianLevels(
  levels: Array<Pick<ScorecardSummary, 'overallLevel' | 'categoryLevels'>>,
): Pick<RollupChild, 'overallMedian' | 'categoryMedians'> {
  return {
    overallMedian: medianOrNull(levels.map(l => l.overallLevel)),
    categoryMedians: Object.fromEntries(
      CATEGORY_IDS.map(c => [
        c,
        medianOrNull(levels.map(l => l.categoryLevels[c])),
      ]),
    ) as Record<CategoryId, number | null>,
  };
}

/** A heatmap row of the members' median levels without waivers. */
function rowWithoutWaivers(
  scopeRef: string,
  members: ScorecardSummary[],
): RollupLevelsWithoutWaivers['children'][number] {
  return { scopeRef, ...medianLevels(members.map(levelsWithoutWaivers)) };
}

/**
 * A scope's levels without waivers, its heatmap rows being the given
 * sub-scopes (or entities), in the order of the rollup's own rows.
 */
function summarizeWithoutWaivers(
  members: ScorecardSummary[],
  rows: Array<[string, ScorecardSummary[]]>,
): RollupLevelsWithoutWaivers {
  const levels = members.map(levelsWithoutWaivers);
  return {
    overall: summarize(levels.map(l => l.overallLevel)),
    categories: Object.fromEntries(
      CATEGORY_IDS.map(category => [
        category,
        summarize(levels.map(l => l.categoryLevels[category])),
      ]),
    ) as Record<CategoryId, LevelSummary>,
    children: rows.map(([ref, rowMembers]) =>
      rowWithoutWaivers(ref, rowMembers),
    ),
  };
}

/**
 * The MLOps levels of the members that have one (the ML entities), and
 * their most failed MLOps checks; undefined when no member has one.
 */
function summarizeMlops(
  members: ScorecardSummary[],
  mlopsCheckIds: ReadonlySet<string>,
): MlopsRollup | undefined {
  let entityCount = 0;
  const distribution: MlopsLevelDistribution = [0, 0, 0];
  const checks: CheckCounts = new Map();
  for (const member of members) {
    const level = member.mlopsLevel;
    // Null for an entity the MLOps track does not apply to.
    if (level !== 0 && level !== 1 && level !== 2) continue;
    entityCount += 1;
    distribution[level] += 1;
    const states = member.checkStates;
    for (const checkId in states) {
      if (
        Object.prototype.hasOwnProperty.call(states, checkId) &&
        mlopsCheckIds.has(checkId)
      ) {
        const state = states[checkId];
        countCheck(checks, checkId, state, isWaivedIn(member, checkId, state));
      }
    }
  }
  if (entityCount === 0) return undefined;
  return {
    entityCount,
    distribution,
    // Read off the distribution, as the category medians are.
    median: medianOfCounts(distribution, entityCount)!,
    mostFailedChecks: mostFailed(checks),
  };
}

function aggregate(
  scopeRef: string,
  scopeKind: RollupScopeKind,
  members: ScorecardSummary[],
  moverLevels: MoverLevels,
  computedAt: string,
  mlopsCheckIds: ReadonlySet<string>,
): Omit<Rollup, 'children' | 'withoutWaivers'> {
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
  const checkBands: CheckBands = { pass: 0, waived: 0, fail: 0 };
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
        const state = states[checkId];
        const waived = isWaivedIn(member, checkId, state);
        countCheck(checks, checkId, state, waived);
        // An exempt check that passes anyway is no debt: it is in pass.
        if (waived) checkBands.waived += 1;
        else if (state === 'pass' || state === 'exempt') checkBands.pass += 1;
        else if (state === 'fail') checkBands.fail += 1;
      }
    }
    const before = moverLevels.then.get(member.entityRef);
    const now = moverLevels.now.get(member.entityRef);
    if (before !== undefined && now !== undefined && before !== now) {
      const move = { entityRef: member.entityRef, from: before, to: now };
      (now > before ? improved : dropped).push(move);
    }
  }
  const mlops = summarizeMlops(members, mlopsCheckIds);
  const bySize = (a: Mover, b: Mover) =>
    Math.abs(b.to - b.from) - Math.abs(a.to - a.from) ||
    collate(a.entityRef, b.entityRef);

  return {
    scopeRef,
    scopeKind,
    entityCount: members.length,
    computedAt,
    overall: summarize(members.map(m => m.overallLevel)),
    categories,
    deliveryBands,
    mostFailedChecks: mostFailed(checks),
    checkBands,
    movers: {
      improved: improved.sort(bySize).slice(0, MOVERS_LIMIT),
      dropped: dropped.sort(bySize).slice(0, MOVERS_LIMIT),
    },
    ...(mlops ? { mlops } : {}),
  };
}

/**
 * Each entity's raw overall level now and on the earlier day movers compare
 * with. Raw, not held: a backfilled history point has no held level, so the
 * raw level is the one every point, live or backfilled, has on equal terms.
 */
export interface MoverLevels {
  then: ReadonlyMap<string, MaturityLevel>;
  now: ReadonlyMap<string, MaturityLevel>;
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
  moverLevels: MoverLevels;
  now: Date;
}): Rollup[] {
  const { summaries, groups, systemDomains, moverLevels } = options;
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
      moverLevels,
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
    ...medianLevels(members),
  });

  /**
   * A scope's rollup, its heatmap rows either sub-scopes (each with its
   * members) or, for `entity`, the scope's own entities.
   */
  const scopeRollup = (
    scopeRef: string,
    scopeKind: RollupScopeKind,
    members: ScorecardSummary[],
    childKind: RollupChildKind,
    subScopes: Array<[string, ScorecardSummary[]]> = [],
  ) => {
    // Only a scope whose rows are its entities ranks them (the org's and
    // each department's would rank every entity below them for nothing).
    const rowMembers = childKind === 'entity' ? entityRowMembers(members) : [];
    const rows: Array<[string, ScorecardSummary[]]> =
      childKind === 'entity'
        ? rowMembers.map(m => [m.entityRef, [m]])
        : subScopes;
    return {
      ...aggregateScope(scopeRef, scopeKind, members),
      childKind,
      children:
        childKind === 'entity'
          ? entityRows(rowMembers)
          : subScopes.map(([ref, subMembers]) => childRow(ref, subMembers)),
      withoutWaivers: summarizeWithoutWaivers(members, rows),
    };
  };

  const rollups: Rollup[] = [];
  const descendantsOf = (ref: string, seen: Set<string>): string[] => {
    seen.add(ref);
    for (const child of childrenOf.get(ref) ?? []) {
      if (!seen.has(child)) descendantsOf(child, seen);
    }
    return [...seen];
  };
  const groupRows = (refs: string[]): Array<[string, ScorecardSummary[]]> =>
    refs.map(ref => [ref, membersOf(ref, new Set([ref]))]);
  for (const group of groups) {
    const members = membersOf(group.ref, new Set([group.ref]));
    const subGroups = childrenOf.get(group.ref) ?? [];
    rollups.push({
      // A team without sub-groups: a heatmap of its own entities.
      ...(subGroups.length > 0
        ? scopeRollup(
            group.ref,
            'group',
            members,
            'group',
            groupRows(subGroups),
          )
        : scopeRollup(group.ref, 'group', members, 'entity')),
      groupRefs: descendantsOf(group.ref, new Set()),
    });
  }
  for (const [systemRef, members] of bySystem) {
    rollups.push(scopeRollup(systemRef, 'system', members, 'entity'));
  }
  for (const [domainRef, members] of byDomain) {
    const systems = [...bySystem.keys()].filter(
      s => systemDomains.get(s) === domainRef,
    );
    rollups.push(
      scopeRollup(
        domainRef,
        'domain',
        members,
        'system',
        systems.map(s => [s, bySystem.get(s)!]),
      ),
    );
  }
  const roots = groups.filter(g => !g.parentRef || !known.has(g.parentRef));
  rollups.push({
    ...scopeRollup(
      'org',
      'org',
      summaries,
      'group',
      groupRows(roots.map(g => g.ref)),
    ),
    kinds: [...new Set(summaries.map(s => canonicalEntityKind(s.kind)))].sort(),
  });
  return rollups;
}
