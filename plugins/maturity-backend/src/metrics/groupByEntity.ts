/** Rows grouped by their entity, each group in the rows' order. */
export function groupByEntity<T extends { entityRef: string }>(
  rows: T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.entityRef);
    if (group) {
      group.push(row);
    } else {
      groups.set(row.entityRef, [row]);
    }
  }
  return groups;
}
