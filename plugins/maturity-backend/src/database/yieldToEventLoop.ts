/**
 * Lets the event loop run pending I/O before the next statement. SQLite's
 * driver runs every statement synchronously, so a long write of many
 * statements would otherwise hold every other request of the backend.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}
