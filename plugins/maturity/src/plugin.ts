import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { maturityApiRef } from './api/MaturityApi';
import { MaturityClient } from './api/MaturityClient';
import { rootRouteRef } from './routes';

/**
 * The Maturity frontend plugin.
 *
 * @public
 */
export const maturityPlugin = createPlugin({
  id: 'maturity',
  apis: [
    createApiFactory({
      api: maturityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MaturityClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The Maturity tab of an entity page: what the entity's CI, source control
 * and incident tools recorded. Use inside an `EntityLayout.Route`.
 *
 * @public
 */
export const EntityMaturityContent = maturityPlugin.provide(
  createRoutableExtension({
    name: 'EntityMaturityContent',
    component: () =>
      import('./components/EntityMaturityContent').then(
        m => m.EntityMaturityContent,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * What an entity's tools recorded over the last 90 days: counts per event
 * type and the most recent deployments, builds, changes, incidents and
 * repository facts. Takes the entity reference as a prop, so it works
 * outside an entity page too.
 *
 * @public
 */
export const EntityActivity = maturityPlugin.provide(
  createComponentExtension({
    name: 'EntityActivity',
    component: {
      lazy: () =>
        import('./components/EntityActivity').then(m => m.EntityActivity),
    },
  }),
);
