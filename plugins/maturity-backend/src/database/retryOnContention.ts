/**
 * PostgreSQL's answers to contention that a second try resolves:
 * `40P01` deadlock detected, `40001` serialization failure.
 */
const RETRYABLE = new Set(['40P01', '40001']);

/** Whether `error` is a contention that running the transaction again resolves. */
export function isContention(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/**
 * Runs `attempt` (a whole transaction) again when the database aborted it
 * for contention, up to `attempts` times in all, after a short jittered
 * pause that grows with each try, so that two writers that collided do
 * not collide again in step. Any other error, and the last try's, is
 * thrown as it is.
 *
 * @internal
 */
export async function retryOnContention<T>(
  attempt: () => Promise<T>,
  options: { attempts?: number; baseDelayMs?: number } = {},
): Promise<T> {
  const attempts = options.attempts ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 25;
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= attempts || !isContention(error)) throw error;
      const delay = baseDelayMs * tries * (1 + Math.random());
      await new Promise(resolve => setTimeout(resolve, delay));
    }
  }
}
