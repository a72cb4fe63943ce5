import { Knex } from 'knex';

/** One check of the rubric in use, by the fingerprint of its rule. */
export interface CheckVersion {
  checkId: string;
  fingerprint: string;
}

/**
 * Records the versions of the rubric's checks not seen before as first seen
 * on `today` (days since 1970-01-01 UTC), and returns the day each given
 * check's version was first seen. The versions recorded first of all (an
 * empty table: a new install, or one from before check versions were
 * kept) get day 0, so only checks added or changed later are advisory.
 * Replicas may record at once: a version is inserted once, the first day
 * kept.
 */
export async function recordCheckVersions(
  db: Knex,
  checks: CheckVersion[],
  today: number,
): Promise<Map<string, number>> {
  return db.transaction(async tx => {
    const any = await tx('check_versions').first('check_id');
    const firstSeenDay = any ? today : 0;
    for (let i = 0; i < checks.length; i += 200) {
      await tx('check_versions')
        .insert(
          checks.slice(i, i + 200).map(check => ({
            check_id: check.checkId,
            fingerprint: check.fingerprint,
            first_seen_day: firstSeenDay,
          })),
        )
        .onConflict(['check_id', 'fingerprint'])
        .ignore();
    }
    const current = new Map(checks.map(c => [c.checkId, c.fingerprint]));
    const rows: Array<{
      check_id: string;
      fingerprint: string;
      first_seen_day: unknown;
    }> = await tx('check_versions')
      .whereIn('check_id', [...current.keys()])
      .select('check_id', 'fingerprint', 'first_seen_day');
    const firstSeen = new Map<string, number>();
    for (const row of rows) {
      if (current.get(row.check_id) === row.fingerprint) {
        firstSeen.set(row.check_id, Number(row.first_seen_day));
      }
    }
    return firstSeen;
  });
}
