/*
 * Demo only: exemption requests by a colleague, made at start-up, so that the
 * guest finds requests by somebody else to decide on the Maturity tab, and
 * (as a member of the requesting team) the "Exemption requested" notices on
 * the Notifications page.
 *
 * The colleague signs in through the demo colleague provider
 * (demoColleagueSignIn.ts) and requests through the plugin's REST API, as the
 * app would: permissions, validation, the audit list and notifications all
 * apply. Requests already there (a persistent database) are not repeated.
 */

import {
  coreServices,
  createBackendModule,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { DEMO_COLLEAGUE_PROVIDER } from './demoColleagueSignIn';
import { demoUserSession, json } from './demoUserSession';

/** What the colleague asks for; checks the demo does not auto-approve. */
export const DEMO_REQUESTS = [
  {
    entity: 'component:default/cart-service',
    checkId: 'culture.4.feature-flags',
    reason: 'The cart moves to the shared config service next quarter',
  },
  {
    entity: 'component:default/inventory-reservation-service',
    checkId: 'culture.4.feature-flags',
    reason: 'Reservations are rebuilt this year; no flags until then',
  },
];

// The catalog, the plugin's rubric and the owners' memberships are read
// while the backend starts; the requests wait for them.
const RETRY_MS = 10_000;
const GIVE_UP_MS = 15 * 60_000;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Makes the requests not yet made; throws while a part is not ready. */
export async function requestAll(discovery: DiscoveryService) {
  const { userEntityRef, headers } = await demoUserSession(
    discovery,
    DEMO_COLLEAGUE_PROVIDER,
  );
  const catalog = await discovery.getBaseUrl('catalog');
  const maturity = await discovery.getBaseUrl('maturity');
  let made = 0;
  for (const { entity, checkId, reason } of DEMO_REQUESTS) {
    const [kind, rest] = entity.split(':');
    const [namespace, name] = rest.split('/');
    // The notice goes to the owning group's members: wait until the
    // catalog has stitched them.
    const owned = await json(
      await fetch(`${catalog}/entities/by-name/${kind}/${namespace}/${name}`, {
        headers,
      }),
      `the catalog entry of ${entity}`,
    );
    const owner = owned.relations?.find(
      (r: { type: string }) => r.type === 'ownedBy',
    )?.targetRef as string | undefined;
    if (!owner) throw new Error(`${entity} has no owner yet`);
    const [ownerKind, ownerRest] = owner.split(':');
    const group = await json(
      await fetch(`${catalog}/entities/by-name/${ownerKind}/${ownerRest}`, {
        headers,
      }),
      `the catalog entry of ${owner}`,
    );
    if (
      !group.relations?.some((r: { type: string }) => r.type === 'hasMember')
    ) {
      throw new Error(`${owner} has no members yet`);
    }

    const entityApi = `${maturity}/v1/entities/${kind}/${namespace}/${name}`;
    const existing = await json(
      await fetch(`${entityApi}/exemptions`, { headers }),
      `the exemptions of ${entity}`,
    );
    const asked = existing.items.some(
      (e: { author: string; checkId: string }) =>
        e.author === userEntityRef && e.checkId === checkId,
    );
    if (asked) continue;
    await json(
      await fetch(`${entityApi}/exemptions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ checkId, reason }),
      }),
      `the request for ${entity}`,
    );
    made += 1;
  }
  return { userEntityRef, made };
}

async function requestWhenReady(
  discovery: DiscoveryService,
  logger: LoggerService,
) {
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    try {
      const { userEntityRef, made } = await requestAll(discovery);
      logger.info(
        `Demo: ${userEntityRef} made ${made} exemption request(s) for the guest to decide`,
      );
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        logger.warn(`Demo exemption requests not made: ${error}`);
        return;
      }
      logger.debug(`Demo exemption requests wait: ${error}`);
      await sleep(RETRY_MS);
    }
  }
}

export const maturityModuleDemoExemptionRequests = createBackendModule({
  pluginId: 'maturity',
  moduleId: 'demo-exemption-requests',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        lifecycle: coreServices.rootLifecycle,
        logger: coreServices.logger,
      },
      async init({ config, discovery, lifecycle, logger }) {
        if (
          !config.getOptionalBoolean('maturity.demo.enabled') ||
          !config.has(`auth.providers.${DEMO_COLLEAGUE_PROVIDER}.userEntityRef`)
        ) {
          return;
        }
        // In the background: start-up never waits for, nor fails with, it.
        lifecycle.addStartupHook(() => {
          void requestWhenReady(discovery, logger);
        });
      },
    });
  },
});
