import {
  GithubClient,
  GithubResponse,
  GithubTarget,
} from '../api/GithubClient';

/**
 * What conditional reads remember between syncs: the ETag of each request
 * path and what was derived from its last full answer. `previous` comes
 * from the stored cursor; `next` is filled for the cursor to be stored.
 */
export interface ConditionalReads {
  previous: { etags: Record<string, string>; derived: Record<string, unknown> };
  next: { etags: Record<string, string>; derived: Record<string, unknown> };
}

/**
 * GETs a path whose answer is summarized by `derive`, conditionally on the
 * ETag of its last answer when that answer's summary is remembered: a 304
 * (which costs no rate limit) gives the remembered summary back. Answers
 * with a status in `allow` carry no ETag and are read again next time.
 */
export async function readConditionally<T, D>(
  client: GithubClient,
  target: GithubTarget,
  path: string,
  reads: ConditionalReads,
  derive: (answer: GithubResponse<T>) => D,
  allow?: number[],
): Promise<D> {
  const remembered = reads.previous.derived[path] as D | undefined;
  const answer = await client.get<T>(target, path, {
    etag: remembered !== undefined ? reads.previous.etags[path] : undefined,
    allow,
  });
  const value =
    answer.status === 304 && remembered !== undefined
      ? remembered
      : derive(answer);
  if (answer.etag && value !== undefined) {
    reads.next.etags[path] = answer.etag;
    reads.next.derived[path] = value;
  }
  return value;
}
