const ISSUE_KEY = /(?:^|[^\w/#-])(#\d+|[A-Z][A-Z0-9]+-\d+)\b/g;

/** Issue references in a title or body: `#123` and `ABC-123` keys. */
export function linkedIssuesOf(...texts: Array<string | null | undefined>) {
  const found = new Set<string>();
  for (const text of texts) {
    for (const match of (text ?? '').matchAll(ISSUE_KEY)) {
      found.add(match[1]);
      if (found.size >= 50) return [...found];
    }
  }
  return [...found];
}

const REVERTS = /This reverts commit ([0-9a-f]{7,40})/;

/** The SHA a message says it reverts, in `git revert`'s words. */
export function revertedShaOf(text: string | null | undefined) {
  return REVERTS.exec(text ?? '')?.[1];
}

/** Whether a title is `git revert`'s (and GitHub's revert button's). */
export function isRevertTitle(title: string): boolean {
  return /^Revert "/.test(title);
}
