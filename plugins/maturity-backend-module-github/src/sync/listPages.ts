import { StreamContext } from './StreamContext';

/**
 * Lists a path page by page, handing each page to `onPage` (which returns
 * false to stop), conditionally on the first page's stored ETag: a 304
 * reads nothing. The new ETag is kept when `keepEtag` says the listing's
 * pages allow it.
 */
export async function listPages<T>(
  context: StreamContext,
  path: string,
  onPage: (items: T[]) => Promise<boolean | void>,
  options: {
    /** The items of a page's body, when it is not the array itself. */
    select?: (body: any) => T[];
    /**
     * Whether the ETag may be stored after `pages` pages were read; a later
     * page's changes do not show in the first page's ETag.
     */
    keepEtag?: (pages: number) => boolean;
    /** Read in full, without `If-None-Match`. Default: on a re-read. */
    fresh?: boolean;
  } = {},
): Promise<void> {
  const { client, repository, etags, coverage } = context;
  const fresh = options.fresh ?? coverage.rereading;
  const keepEtag = options.keepEtag ?? (() => true);
  let pages = 0;
  const listed = await client.paginate<T>(
    repository,
    path,
    async items => {
      pages++;
      return onPage(items);
    },
    {
      etag: fresh ? undefined : etags.previous[path],
      select: options.select,
    },
  );
  const etag = listed.etag;
  if (etag && (listed.notModified || keepEtag(pages))) etags.next[path] = etag;
}
