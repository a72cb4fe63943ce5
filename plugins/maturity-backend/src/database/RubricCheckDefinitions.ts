import { Knex } from 'knex';
import { readRubricChecks } from './operations/rubricChecks/readRubricChecks';
import { writeRubricChecks } from './operations/rubricChecks/writeRubricChecks';
import { CheckDefinition } from './storedScorecard';

type Definitions = Map<string, CheckDefinition>;

/**
 * The definitions of every rubric version's checks, kept in
 * `rubric_checks` and cached: written once per version and check, read
 * once per version and process, so a scorecard read stays one query.
 */
export class RubricCheckDefinitions {
  private readonly cache = new Map<string, Definitions>();

  constructor(private readonly db: Knex) {}

  /**
   * Stores the definitions this process has not stored yet, in a
   * transaction of their own (none when all are known): committed before
   * the scorecards that name them, and never inside a save, where a
   * replica writing the same new definitions would wait for the whole save
   * (an insert conflicting with an uncommitted row waits for its
   * transaction). A version's definitions never change, so one stored
   * ahead of a save that then fails does no harm.
   */
  async store(version: string, definitions: Definitions): Promise<void> {
    const known = this.cache.get(version);
    const fresh: Definitions = new Map(
      [...definitions].filter(([checkId]) => !known?.has(checkId)),
    );
    if (fresh.size === 0) return;
    await this.db.transaction(tx => writeRubricChecks(tx, version, fresh));
    this.remember(version, fresh);
  }

  /** Caches definitions known to be stored. */
  private remember(version: string, definitions: Definitions) {
    const known = this.cache.get(version) ?? new Map();
    for (const [checkId, definition] of definitions) {
      known.set(checkId, definition);
    }
    this.cache.set(version, known);
  }

  /**
   * The definitions of a version covering `checks` (those stored without
   * their definition), read from the database when the cache lacks any
   * (another replica may have written them).
   */
  async lookup(
    version: string,
    checks: ReadonlyArray<{ checkId: string }>,
  ): Promise<Definitions> {
    const cached = this.cache.get(version);
    if (checks.every(c => cached?.has(c.checkId) || 'title' in c)) {
      return cached ?? new Map();
    }
    this.remember(version, await readRubricChecks(this.db, version));
    return this.cache.get(version)!;
  }
}
