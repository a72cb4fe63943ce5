/**
 * Items grouped by the owner to notify, in first-seen order: what turns ten
 * entities of one group into one notification. Items without an owner have
 * nobody to tell and are left out.
 */
export function groupByOwner<T>(
  items: T[],
  ownerOf: (item: T) => string | undefined,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const owner = ownerOf(item);
    if (!owner) continue;
    const group = groups.get(owner);
    if (group) group.push(item);
    else groups.set(owner, [item]);
  }
  return groups;
}
