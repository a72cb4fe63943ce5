/**
 * What a source derives from the catalog, e.g. which entities a repository
 * or service maps to: read again at every sync with `refresh`, and reused by
 * `get` (for webhook deliveries, which must answer fast) while younger than
 * `maxAgeMs`.
 * @public
 */
export class CatalogSnapshot<T> {
  private cached?: { value: T; at: number };

  constructor(
    private readonly options: {
      read: () => Promise<T>;
      /** How long `get` reuses a read. Default 5 minutes. */
      maxAgeMs?: number;
      now?: () => number;
    },
  ) {}

  /** Reads the catalog now and keeps the result. */
  async refresh(): Promise<T> {
    const value = await this.options.read();
    this.cached = { value, at: this.now() };
    return value;
  }

  /** The kept result while younger than `maxAgeMs`, else a fresh read. */
  async get(): Promise<T> {
    const maxAge = this.options.maxAgeMs ?? 5 * 60 * 1000;
    if (this.cached && this.now() - this.cached.at < maxAge) {
      return this.cached.value;
    }
    return this.refresh();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
