import { ReactNode } from 'react';
import { Link } from '@backstage/core-components';

/** Props of {@link EventLink}. */
export interface EventLinkProps {
  /** Link to the record in its tool, when the source gave one. */
  url?: string;
  children: ReactNode;
}

/** The text of a table row, linking to the record in its tool when possible. */
export function EventLink(props: EventLinkProps) {
  const { url, children } = props;
  if (!url) {
    return <>{children}</>;
  }
  return <Link to={url}>{children}</Link>;
}
