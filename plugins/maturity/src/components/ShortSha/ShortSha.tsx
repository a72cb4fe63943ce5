/** Props of {@link ShortSha}. */
export interface ShortShaProps {
  sha?: string;
}

/** A commit SHA in its usual 7-character form, the full SHA as a tooltip. */
export function ShortSha(props: ShortShaProps) {
  const { sha } = props;
  if (!sha) {
    return <>—</>;
  }
  return <code title={sha}>{sha.slice(0, 7)}</code>;
}
