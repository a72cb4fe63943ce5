import { Knex } from 'knex';
import { chunks } from '../../chunks';
import { yieldToEventLoop } from '../../yieldToEventLoop';

// Link rows per statement (3 bound values a row), far below the
// bind-parameter limits of both databases, and short enough on SQLite,
// whose statements block the event loop, to yield between them.
const LINKS_PER_STATEMENT = 250;
// Records whose links are compared in one go: stored links are read for all
// of them at once, so the group is bounded by its number of wanted links.
const LINKS_PER_GROUP = 2000;
const RECORDS_PER_READ = 100;

/** Which record table a commit-link table belongs to. */
export interface CommitLinkTable {
  links: string;
  owner: string;
  events: string;
  shaColumn: string;
  shasColumn: string;
}

/** @internal */
export const deploymentLinks: CommitLinkTable = {
  links: 'deployment_commits',
  owner: 'deployment_id',
  events: 'deployments',
  shaColumn: 'commit_sha',
  shasColumn: 'commit_shas',
};

/** @internal */
export const changeLinks: CommitLinkTable = {
  links: 'change_commits',
  owner: 'change_id',
  events: 'changes',
  shaColumn: 'sha',
  shasColumn: 'commit_shas',
};

/** A deployment or change row as far as its commit links go. */
export interface CommitRecord {
  id: number;
  entityRef: string;
  /** The `commit_sha` / `sha` column. */
  sha: unknown;
  /** The `commit_shas` column: a JSON array of SHAs, or null. */
  shas: unknown;
}

function parseShas(value: unknown): string[] {
  if (typeof value !== 'string' || value === '') {
    return [];
  }
  try {
    const parsed = JSON.parse(value);
    return Array.isArray(parsed)
      ? parsed.filter((sha): sha is string => typeof sha === 'string')
      : [];
  } catch {
    return [];
  }
}

/** The distinct, lower-cased SHAs of a record: its own SHA and its list. */
function commitsOf(record: CommitRecord): string[] {
  const all = [
    typeof record.sha === 'string' ? record.sha : '',
    ...parseShas(record.shas),
  ]
    .map(s => s.trim().toLowerCase())
    .filter(s => s !== '');
  return [...new Set(all)];
}

interface Link {
  owner: number;
  entityRef: string;
  sha: string;
}

/** Consecutive groups of records holding at most LINKS_PER_GROUP links. */
function* groups(records: CommitRecord[]) {
  let group: Array<{ record: CommitRecord; shas: string[] }> = [];
  let size = 0;
  for (const record of records) {
    const shas = commitsOf(record);
    if (group.length > 0 && size + shas.length > LINKS_PER_GROUP) {
      yield group;
      group = [];
      size = 0;
    }
    group.push({ record, shas });
    size += shas.length;
  }
  if (group.length > 0) yield group;
}

/**
 * Makes the stored links of `records` exactly their commits: reads the links
 * stored for a group of records, deletes those no longer wanted and inserts
 * the missing ones, in multi-row statements, yielding to the event loop
 * between statements. A record sent again unchanged writes nothing. Call it
 * in the transaction that wrote the records.
 *
 * @internal
 */
export async function replaceCommitLinks(
  tx: Knex | Knex.Transaction,
  spec: CommitLinkTable,
  records: CommitRecord[],
): Promise<void> {
  const unique = new Map(records.map(record => [Number(record.id), record]));
  for (const group of groups([...unique.values()])) {
    // Per record, the commits still to insert: those stored already are
    // struck off as the stored links are read (no key strings per link).
    const wanted = new Map<number, { entityRef: string; shas: Set<string> }>();
    for (const { record, shas } of group) {
      wanted.set(Number(record.id), {
        entityRef: record.entityRef,
        shas: new Set(shas),
      });
    }
    const stored = await tx(spec.links)
      .whereIn(spec.owner, [...wanted.keys()])
      .select(spec.owner, 'entity_ref', 'sha');
    await yieldToEventLoop();
    // A link whose entity changed is deleted and inserted again.
    const gone: Array<[number, string]> = [];
    for (const row of stored) {
      const owner = Number(row[spec.owner]);
      const own = wanted.get(owner);
      if (own && own.entityRef === row.entity_ref && own.shas.has(row.sha)) {
        own.shas.delete(row.sha);
      } else {
        gone.push([owner, row.sha]);
      }
    }
    const added: Link[] = [];
    for (const [owner, { entityRef, shas }] of wanted) {
      for (const sha of shas) added.push({ owner, entityRef, sha });
    }
    for (const batch of chunks(gone, LINKS_PER_STATEMENT)) {
      await tx(spec.links).whereIn([spec.owner, 'sha'], batch).delete();
      await yieldToEventLoop();
    }
    for (const batch of chunks(added, LINKS_PER_STATEMENT)) {
      await tx(spec.links).insert(
        batch.map(link => ({
          [spec.owner]: link.owner,
          entity_ref: link.entityRef,
          sha: link.sha,
        })),
      );
      await yieldToEventLoop();
    }
  }
}

async function syncTable(
  tx: Knex | Knex.Transaction,
  spec: CommitLinkTable,
  ids: number[],
) {
  for (const chunk of chunks([...new Set(ids)], RECORDS_PER_READ)) {
    const rows = await tx(spec.events)
      .whereIn('id', chunk)
      .select('id', 'entity_ref', spec.shaColumn, spec.shasColumn);
    await yieldToEventLoop();
    const present = new Set(rows.map(row => Number(row.id)));
    await replaceCommitLinks(tx, spec, [
      ...rows.map(row => ({
        id: Number(row.id),
        entityRef: row.entity_ref,
        sha: row[spec.shaColumn],
        shas: row[spec.shasColumn],
      })),
      // Rows that no longer exist just lose their links.
      ...chunk
        .filter(id => !present.has(id))
        .map(id => ({ id, entityRef: '', sha: null, shas: null })),
    ]);
  }
}

/**
 * Rewrites the commit links of the given deployment and change rows from their
 * `commit_sha` / `sha` and `commit_shas` columns. Call it in the transaction
 * that wrote those rows; ids of rows that no longer exist just lose their
 * links.
 *
 * @internal
 */
export async function syncCommitLinks(
  tx: Knex | Knex.Transaction,
  rows: {
    deploymentIds?: Array<number | string>;
    changeIds?: Array<number | string>;
  },
): Promise<void> {
  await syncTable(tx, deploymentLinks, (rows.deploymentIds ?? []).map(Number));
  await syncTable(tx, changeLinks, (rows.changeIds ?? []).map(Number));
}

/**
 * Fills the commit links of every stored deployment and change, page by page;
 * for rows stored before the links existed. Safe to run again.
 *
 * @internal
 */
export async function backfillCommitLinks(
  db: Knex,
  options: { pageSize?: number } = {},
): Promise<void> {
  const pageSize = options.pageSize ?? 1000;
  for (const spec of [deploymentLinks, changeLinks]) {
    let after = 0;
    for (;;) {
      const page = await db(spec.events)
        .where('id', '>', after)
        .orderBy('id')
        .limit(pageSize)
        .pluck('id');
      if (page.length === 0) {
        break;
      }
      const ids = page.map(Number);
      await db.transaction(tx => syncTable(tx, spec, ids));
      after = ids[ids.length - 1];
    }
  }
}
