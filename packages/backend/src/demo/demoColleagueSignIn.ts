/*
 * Demo only: a second sign-in, as a named catalog user, beside the guest.
 *
 * The demo signs every visitor in as the guest, and the exemption workflow
 * never lets anyone decide their own request, so a request the guest can
 * decide must come from somebody else. This provider signs in as the user
 * in `auth.providers.demoColleague.userEntityRef`, through the catalog like
 * any sign-in, so that the demo's start-up requests (see
 * demoExemptionRequests.ts) go through the plugin's real REST API,
 * permissions, audit list and notifications. Like the guest provider it
 * refuses outside a development environment; an adopter's backend never
 * installs it.
 */

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/** The provider id, and its config key under `auth.providers`. */
export const DEMO_COLLEAGUE_PROVIDER = 'demoColleague';

const inDevelopment = () => process.env.NODE_ENV === 'development';

export const demoColleagueAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize: () => undefined,
  async authenticate() {
    if (!inDevelopment()) {
      throw new NotAllowedError(
        'The demo colleague sign-in works only in a development environment',
      );
    }
    return { result: {} };
  },
});

export const authModuleDemoColleague = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-colleague-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        const userEntityRef = config.getOptionalString(
          `auth.providers.${DEMO_COLLEAGUE_PROVIDER}.userEntityRef`,
        );
        if (!userEntityRef) return;
        providers.registerProvider({
          providerId: DEMO_COLLEAGUE_PROVIDER,
          factory: createProxyAuthProviderFactory({
            authenticator: demoColleagueAuthenticator,
            // The user must be in the catalog: their groups come from it.
            signInResolver: async (_, ctx) =>
              ctx.signInWithCatalogUser({ entityRef: userEntityRef }),
          }),
        });
      },
    });
  },
});
