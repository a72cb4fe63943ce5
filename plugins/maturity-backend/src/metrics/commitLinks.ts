import { Knex } from 'knex';
import { chunks } from '../database/chunks';

// Ids per statement, far below the bind-parameter limits of both databases.
const CHUNK_SIZE = 500;

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
function commitsOf(sha: unknown, shas: unknown): string[] {
  const all = [typeof sha === 'string' ? sha : '', ...parseShas(shas)]
    .map(s => s.trim().toLowerCase())
    .filter(s => s !== '');
  return [...new Set(all)];
}

interface CommitLinkTable {
  links: string;
  owner: string;
  events: string;
  shaColumn: string;
  shasColumn: string;
}

const deploymentLinks: CommitLinkTable = {
  links: 'deployment_commits',
  owner: 'deployment_id',
  events: 'deployments',
  shaColumn: 'commit_sha',
  shasColumn: 'commit_shas',
};

const changeLinks: CommitLinkTable = {
  links: 'change_commits',
  owner: 'change_id',
  events: 'changes',
  shaColumn: 'sha',
  shasColumn: 'commit_shas',
};

async function syncTable(
  tx: Knex | Knex.Transaction,
  spec: CommitLinkTable,
  ids: number[],
) {
  for (const chunk of chunks([...new Set(ids.map(Number))], CHUNK_SIZE)) {
    await tx(spec.links).whereIn(spec.owner, chunk).delete();
    const rows = await tx(spec.events)
      .whereIn('id', chunk)
      .select('id', 'entity_ref', spec.shaColumn, spec.shasColumn);
    const links = rows.flatMap(row =>
      commitsOf(row[spec.shaColumn], row[spec.shasColumn]).map(sha => ({
        [spec.owner]: Number(row.id),
        entity_ref: row.entity_ref,
        sha,
      })),
    );
    for (const batch of chunks(links, CHUNK_SIZE)) {
      await tx(spec.links).insert(batch);
    }
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
