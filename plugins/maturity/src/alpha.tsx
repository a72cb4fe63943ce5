/**
 * The Maturity frontend plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */

import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import MaturityIcon from '@material-ui/icons/TrendingUp';
import { maturityApiRef } from './api/MaturityApi';
import { MaturityClient } from './api/MaturityClient';
import { overviewRouteRef, rollupRouteRef, rootRouteRef } from './routes';

/**
 * The kinds that have a scorecard of their own. The backend scores
 * `maturity.evaluation.kinds` (Component by default); override `filter` in
 * `app.extensions` to match it.
 */
const scoredKinds = { kind: 'component' };

/** The kinds whose Maturity tab is the rollup of the entities they cover. */
const rollupKinds = { kind: { $in: ['group', 'system', 'domain'] } };

/**
 * The entity page path of both Maturity tabs. The card's "View maturity" link
 * and every link to an entity's maturity point at `<entity page>/maturity`.
 */
const TAB_PATH = 'maturity';

const maturityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: maturityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MaturityClient({ discoveryApi, fetchApi }),
    }),
});

const maturityPage = PageBlueprint.make({
  params: {
    path: '/maturity',
    routeRef: overviewRouteRef,
    // The title and icon make the sidebar item.
    title: 'Maturity',
    icon: <MaturityIcon fontSize="inherit" />,
    // The page brings its own header.
    noHeader: true,
    loader: () =>
      import('./components/MaturityPage').then(m => <m.MaturityPage />),
  },
});

const entityScorecardContent = EntityContentBlueprint.make({
  name: 'scorecard',
  params: {
    path: TAB_PATH,
    title: 'Maturity',
    routeRef: rootRouteRef,
    filter: scoredKinds,
    loader: () =>
      import('./components/EntityMaturityContent').then(m => (
        <m.EntityMaturityContent />
      )),
  },
});

const entityRollupContent = EntityContentBlueprint.make({
  name: 'rollup',
  params: {
    path: TAB_PATH,
    title: 'Maturity',
    routeRef: rollupRouteRef,
    filter: rollupKinds,
    loader: () =>
      import('./components/EntityMaturityRollupContent').then(m => (
        <m.EntityMaturityRollupContent />
      )),
  },
});

const entityMaturityCard = EntityCardBlueprint.make({
  name: 'summary',
  params: {
    filter: scoredKinds,
    loader: () =>
      import('./components/EntityMaturityCard').then(m => (
        <m.EntityMaturityCard />
      )),
  },
});

/**
 * The Maturity plugin for the new frontend system: the maturity API, the
 * organisation page at `/maturity` with its sidebar item, the Maturity tab of
 * components (their scorecard) and of groups, systems and
 * domains (their rollup), and the maturity card of the overview tab.
 *
 * Extension IDs, for `app.extensions` config: `api:maturity`,
 * `page:maturity`, `entity-content:maturity/scorecard`,
 * `entity-content:maturity/rollup`, `entity-card:maturity/summary`.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'maturity',
  title: 'Maturity',
  icon: <MaturityIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    rollup: rollupRouteRef,
    overview: overviewRouteRef,
  },
  extensions: [
    maturityApi,
    maturityPage,
    entityScorecardContent,
    entityRollupContent,
    entityMaturityCard,
  ],
});
