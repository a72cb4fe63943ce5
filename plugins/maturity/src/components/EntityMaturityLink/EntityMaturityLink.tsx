import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import { ReactNode, useCallback } from 'react';

/**
 * A function from an entity reference to the path of that entity's Maturity
 * tab, `/catalog/default/group/payments/maturity`.
 */
export function useEntityMaturityPath(): (entityRef: string) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    // The catalog's own route params: kind and namespace lowercased, the
    // name as the catalog spells it.
    (entityRef: string) =>
      `${entityRoute(entityRouteParams(entityRef))}/maturity`,
    [entityRoute],
  );
}

/** `payments` for `group:default/payments`; the kind is left out when given. */
export function shortEntityRef(entityRef: string, defaultKind?: string) {
  return humanizeEntityRef(parseEntityRef(entityRef), { defaultKind });
}

/** Props of {@link EntityMaturityLink}. */
export interface EntityMaturityLinkProps {
  entityRef: string;
  /** Kind left out of the link text, e.g. `group` in a list of groups. */
  defaultKind?: string;
  children?: ReactNode;
}

/** A link to an entity's Maturity tab, named by its short reference. */
export function EntityMaturityLink(props: EntityMaturityLinkProps) {
  const { entityRef, defaultKind, children } = props;
  const maturityPath = useEntityMaturityPath();
  return (
    <Link to={maturityPath(entityRef)}>
      {children ?? shortEntityRef(entityRef, defaultKind)}
    </Link>
  );
}
