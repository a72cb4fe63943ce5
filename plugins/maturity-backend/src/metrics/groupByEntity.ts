/** Rows grouped by their entity, each group in the rows' order. */
export function groupByEntity<T extends { entityRef: string }>(
  rows: T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  // Batch reads mostly return an entity's rows together: comparing with the
  // previous row's ref spares hashing each row's own copy of it.
  let lastRef: string | undefined;
  let lastGroup: T[] = [];
  for (const row of rows) {
    if (row.entityRef === lastRef) {
      lastGroup.push(row);
      continue;
    }
    lastRef = row.entityRef;
    const group = groups.get(lastRef);
    if (group) {
      group.push(row);
      lastGroup = group;
    } else {
      lastGroup = [row];
      groups.set(lastRef, lastGroup);
    }
  }
  return groups;
}
