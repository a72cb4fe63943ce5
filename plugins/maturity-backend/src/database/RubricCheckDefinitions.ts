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
   * Writes, in the caller's transaction, the definitions this process has
   * not stored yet; call `remember` with the result once it committed.
   */
  async write(
    tx: Knex.Transaction,
    version: string,
    definitions: Definitions,
  ): Promise<Definitions> {
    const known = this.cache.get(version);
    const fresh: Definitions = new Map(
      [...definitions].filter(([checkId]) => !known?.has(checkId)),
    );
    await writeRubricChecks(tx, version, fresh);
    return fresh;
  }

  /** Caches definitions known to be stored. */
  remember(version: string, definitions: Definitions) {
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
