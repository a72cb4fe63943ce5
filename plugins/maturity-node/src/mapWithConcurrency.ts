/**
 * Maps items with at most `limit` calls in flight, keeping their order. The
 * first failure rejects; calls not yet started are skipped. For sources that
 * must bound their requests to a tool's API.
 * @public
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from(
    { length: Math.min(Math.max(1, limit), items.length) },
    worker,
  );
  await Promise.all(workers);
  return results;
}
