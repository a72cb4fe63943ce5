/*
 * Demo only: the platform team's campaign the demo starts with, so that a
 * newcomer finds a burn-up, the teams behind and (as a member of one of
 * them, checkout) the campaign's start notice on the Notifications page.
 *
 * A platform team member signs in through the demo platform-lead provider
 * (demoColleagueSignIn.ts) and defines it through the plugin's REST API, as
 * the app would: permissions, validation and notifications all apply. It is
 * defined once, only while no campaign exists: never again after a restart
 * on a persistent database, nor after the visitor deleted it.
 */

import {
  coreServices,
  createBackendModule,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { DEMO_PLATFORM_LEAD_PROVIDER } from './demoColleagueSignIn';
import { demoUserSession, json } from './demoUserSession';

/** The UTC day (`YYYY-MM-DD`) `days` after (before, when negative) now. */
function dayFrom(now: Date, days: number): string {
  const day = new Date(now.getTime() + days * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/**
 * The campaign, as of `now`: begun 30 days ago (its burn-up is back-filled
 * from the stored history, day by day as the history back-fill lands), due
 * in 60 days. The platform team's
 * deployed production components pass both checks (the demo's elite and
 * high teams); every other team's fail at least the e2e gate, so several
 * teams, checkout among them, are behind.
 */
export function demoCampaign(now: Date) {
  return {
    title: 'Tests gate every production deploy',
    description:
      'Every deployed production component makes its tests required checks before merge and lets a passing end-to-end run gate its production deploy. The platform team pairs with each team on branch protection and the pipeline gate.',
    ownerRef: 'group:default/platform',
    scope: {
      kinds: ['component'],
      lifecycles: ['production'],
      // Libraries are not deployed: an e2e gate does not apply to them.
      types: ['service', 'website'],
    },
    goal: {
      type: 'checks' as const,
      checkIds: ['test.3.tests-required', 'test.4.e2e-gates-production'],
    },
    startsOn: dayFrom(now, -30),
    deadline: dayFrom(now, 60),
    milestones: [
      { date: dayFrom(now, 25), targetShare: 0.6 },
      { date: dayFrom(now, 50), targetShare: 0.85 },
    ],
  };
}

/**
 * Defines the campaign unless a campaign exists; throws while the plugin is
 * not ready for it (no scorecard yet). It need not wait for the history
 * back-fill: a campaign's past days are computed again as the back-fill
 * reaches them.
 */
export async function defineDemoCampaign(
  discovery: DiscoveryService,
  now: Date,
): Promise<{ userEntityRef: string; created?: string }> {
  const { userEntityRef, headers } = await demoUserSession(
    discovery,
    DEMO_PLATFORM_LEAD_PROVIDER,
  );
  const maturity = await discovery.getBaseUrl('maturity');
  const existing = await json(
    await fetch(`${maturity}/v1/campaigns`, { headers }),
    'the campaign list',
  );
  if (existing.items.length > 0) return { userEntityRef };

  const scored = await json(
    await fetch(
      `${maturity}/v1/scorecards?kind=component&lifecycle=production&limit=1`,
      { headers },
    ),
    'the scorecard list',
  );
  if (scored.items.length === 0) throw new Error('no scorecards yet');

  const created = await json(
    await fetch(`${maturity}/v1/campaigns`, {
      method: 'POST',
      headers,
      body: JSON.stringify(demoCampaign(now)),
    }),
    'the campaign creation',
  );
  return { userEntityRef, created: created.id as string };
}

/** The first evaluation follows the demo's start; give it this long. */
const GIVE_UP_MS = 30 * 60_000;

/**
 * The run of the scheduled task: tries until the campaign is defined (or a
 * campaign exists), then does nothing on this replica.
 */
export function demoCampaignRun(
  discovery: DiscoveryService,
  logger: LoggerService,
  startedAt = Date.now(),
) {
  let done = false;
  return async () => {
    if (done) return;
    try {
      const { userEntityRef, created } = await defineDemoCampaign(
        discovery,
        new Date(),
      );
      done = true;
      logger.info(
        created
          ? `Demo: ${userEntityRef} defined campaign ${created}`
          : 'Demo: a campaign exists; no demo campaign defined',
      );
    } catch (error) {
      if (Date.now() - startedAt > GIVE_UP_MS) {
        done = true;
        logger.warn(`Demo campaign not defined: ${error}`);
        return;
      }
      logger.debug(`Demo campaign waits: ${error}`);
    }
  };
}

export const maturityModuleDemoCampaign = createBackendModule({
  pluginId: 'maturity',
  moduleId: 'demo-campaign',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ config, discovery, logger, scheduler }) {
        if (
          !config.getOptionalBoolean('maturity.demo.enabled') ||
          !config.has(
            `auth.providers.${DEMO_PLATFORM_LEAD_PROVIDER}.userEntityRef`,
          )
        ) {
          return;
        }
        // Global: one run at a time across replicas, so that replicas
        // started together do not both find no campaign and define two.
        await scheduler.scheduleTask({
          id: 'maturity-demo-campaign',
          scope: 'global',
          frequency: { seconds: 30 },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 30 },
          fn: demoCampaignRun(discovery, logger),
        });
      },
    });
  },
});
