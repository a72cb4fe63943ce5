import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * Where the entity Maturity content is mounted.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({
  id: 'maturity',
});

/**
 * Where the Maturity rollup content of a Group, System or Domain is mounted.
 *
 * @public
 */
export const rollupRouteRef = createRouteRef({
  id: 'maturity-rollup',
});

/**
 * Where the organisation-wide Maturity page is mounted.
 *
 * @public
 */
export const overviewRouteRef = createRouteRef({
  id: 'maturity-overview',
});
