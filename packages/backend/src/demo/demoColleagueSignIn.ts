/*
 * Demo only: sign-ins as named catalog users, beside the guest.
 *
 * The demo signs every visitor in as the guest, and the exemption workflow
 * never lets anyone decide their own request, so a request the guest can
 * decide must come from somebody else; and a campaign is run by a platform
 * team, not by the guest's. Each provider here signs in as the user in
 * `auth.providers.<provider>.userEntityRef`, through the catalog like any
 * sign-in, so that the demo's start-up flows (demoExemptionRequests.ts,
 * demoCampaign.ts) go through the plugin's real REST API, permissions,
 * audit list and notifications. Like the guest provider they refuse outside
 * a development environment; an adopter's backend never installs them.
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

/**
 * The provider ids, each its config key under `auth.providers`: a
 * colleague of the guest's team, and a platform team member.
 */
export const DEMO_COLLEAGUE_PROVIDER = 'demoColleague';
export const DEMO_PLATFORM_LEAD_PROVIDER = 'demoPlatformLead';

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
        for (const providerId of [
          DEMO_COLLEAGUE_PROVIDER,
          DEMO_PLATFORM_LEAD_PROVIDER,
        ]) {
          const userEntityRef = config.getOptionalString(
            `auth.providers.${providerId}.userEntityRef`,
          );
          if (!userEntityRef) continue;
          providers.registerProvider({
            providerId,
            factory: createProxyAuthProviderFactory({
              authenticator: demoColleagueAuthenticator,
              // The user must be in the catalog: their groups come from it.
              signInResolver: async (_, ctx) =>
                ctx.signInWithCatalogUser({ entityRef: userEntityRef }),
            }),
          });
        }
      },
    });
  },
});
