import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * Where the entity Maturity content is mounted.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({
  id: 'maturity',
});
