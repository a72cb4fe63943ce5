import { CatalogGroup } from '../scoring/CatalogScope';

/**
 * The given groups and every group below them (children, their children,
 * …), each once, the given ones first. A cycle in a hand-written hierarchy
 * ends where it closes.
 */
export function withDescendantGroups(
  groups: CatalogGroup[],
  roots: string[],
): string[] {
  const childrenOf = new Map<string, string[]>();
  for (const group of groups) {
    if (!group.parentRef) continue;
    const siblings = childrenOf.get(group.parentRef) ?? [];
    siblings.push(group.ref);
    childrenOf.set(group.parentRef, siblings);
  }
  const found = new Set(roots);
  const queue = [...found];
  while (queue.length > 0) {
    for (const child of childrenOf.get(queue.shift()!) ?? []) {
      if (found.has(child)) continue;
      found.add(child);
      queue.push(child);
    }
  }
  return [...found];
}

/** How long the group tree read from the catalog is reused. */
const GROUPS_TTL_MS = 60_000;

/**
 * The catalog's group tree, as the rollups read it (`CatalogScope.groups`),
 * reused for a minute: a progress run over many campaigns, or several
 * refreshes in a row, read it once.
 */
export class GroupHierarchy {
  #cached?: { groups: Promise<CatalogGroup[]>; until: number };

  constructor(
    private readonly options: {
      readGroups: () => Promise<CatalogGroup[]>;
      now?: () => number;
    },
  ) {}

  /** The groups with their descendant groups (canonical refs). */
  async withDescendants(groupRefs: string[]): Promise<string[]> {
    return withDescendantGroups(await this.groups(), groupRefs);
  }

  private groups(): Promise<CatalogGroup[]> {
    const now = (this.options.now ?? Date.now)();
    if (!this.#cached || this.#cached.until <= now) {
      const groups = this.options.readGroups();
      this.#cached = { groups, until: now + GROUPS_TTL_MS };
      // A failed read is not kept: the next call reads again.
      groups.catch(() => {
        if (this.#cached?.groups === groups) this.#cached = undefined;
      });
    }
    return this.#cached.groups;
  }
}
