import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { maturityApiRef } from './api/MaturityApi';
import type { EntityActivityProps } from './components/EntityActivity';
import type { EntityScorecardProps } from './components/EntityScorecard';
import { MaturityClient } from './api/MaturityClient';
import { overviewRouteRef, rollupRouteRef, rootRouteRef } from './routes';

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
    rollup: rollupRouteRef,
    overview: overviewRouteRef,
  },
});

/**
 * The Maturity tab of an entity page: the entity's scorecard, and what its
 * CI, source control and incident tools recorded as the "Evidence" view. Use
 * inside an `EntityLayout.Route`.
 *
 * @public
 */
export const EntityMaturityContent: () => JSX.Element = maturityPlugin.provide(
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
export const EntityActivity: (props: EntityActivityProps) => JSX.Element =
  maturityPlugin.provide(
    createComponentExtension({
      name: 'EntityActivity',
      component: {
        lazy: () =>
          import('./components/EntityActivity').then(m => m.EntityActivity),
      },
    }),
  );

/**
 * An entity's scorecard: levels by category, checks with their evidence,
 * DORA delivery performance, trend and next steps. Takes the entity
 * reference as a prop, so it works outside an entity page too.
 *
 * @public
 */
export const EntityScorecard: (props: EntityScorecardProps) => JSX.Element =
  maturityPlugin.provide(
    createComponentExtension({
      name: 'EntityScorecard',
      component: {
        lazy: () =>
          import('./components/EntityScorecard').then(m => m.EntityScorecard),
      },
    }),
  );

/**
 * The maturity summary card for an entity's overview page: level, delivery
 * band, a trend sparkline and a link to the Maturity tab.
 *
 * @public
 */
export const EntityMaturityCard: () => JSX.Element = maturityPlugin.provide(
  createComponentExtension({
    name: 'EntityMaturityCard',
    component: {
      lazy: () =>
        import('./components/EntityMaturityCard').then(
          m => m.EntityMaturityCard,
        ),
    },
  }),
);

/**
 * The Maturity tab of a Group, System or Domain: the rollup of the entities
 * it covers, a heatmap of its sub-groups or systems by category, the checks
 * failing most, movers and a paged table of its entities. Use inside an
 * `EntityLayout.Route`.
 *
 * @public
 */
export const EntityMaturityRollupContent: () => JSX.Element =
  maturityPlugin.provide(
    createRoutableExtension({
      name: 'EntityMaturityRollupContent',
      component: () =>
        import('./components/EntityMaturityRollupContent').then(
          m => m.EntityMaturityRollupContent,
        ),
      mountPoint: rollupRouteRef,
    }),
  );

/**
 * The organisation-wide Maturity page: org rollup, the group hierarchy ×
 * categories heatmap, movers, and a filtered, server-paged table of every
 * scorecard with CSV export. Mount it on a route, e.g. `/maturity`.
 *
 * @public
 */
export const MaturityPage: () => JSX.Element = maturityPlugin.provide(
  createRoutableExtension({
    name: 'MaturityPage',
    component: () =>
      import('./components/MaturityPage').then(m => m.MaturityPage),
    mountPoint: overviewRouteRef,
  }),
);
