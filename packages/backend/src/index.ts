/*
 * The demo backend: only what the Maturity plugin needs around it — the app,
 * guest sign-in, the catalog, permissions (allow-all), the events backend
 * (webhooks), notifications and signals, the plugin itself and its sources,
 * the demo's included.
 */

import { createBackend } from '@backstage/backend-defaults';
import { eventsModulePagerDutyWebhook } from '@maturity-for-backstage/backstage-plugin-maturity-backend-module-pagerduty';
import { maturityModuleDemoCampaign } from './demo/demoCampaign';
import { authModuleDemoColleague } from './demo/demoColleagueSignIn';
import { maturityModuleDemoExemptionRequests } from './demo/demoExemptionRequests';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// Demo only: a colleague of the guest's team, who requests exemptions at
// start-up for the guest to decide, and a platform team member, who defines
// a campaign the guest's team is behind on (src/demo/).
backend.add(authModuleDemoColleague);
backend.add(maturityModuleDemoExemptionRequests);
backend.add(maturityModuleDemoCampaign);

backend.add(import('@backstage/plugin-catalog-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
// Allow-all: every signed-in user holds every Maturity permission, so the
// guest decides exemptions and, like the platform team member, creates and
// changes campaigns (maturity.campaign.manage). An adopter's policy does not.
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Webhooks: GitHub deliveries to /api/events/http/github, checked against
// events.modules.github.webhookSecret. Without the secret the GitHub events
// module registers no endpoint, so the demo runs without it.
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-events-backend-module-github'));

// Notifications (the maturity plugin tells owners of level drops and
// exemptions) and signals, which push them to open browsers at once. The
// maturity plugin runs without them too.
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(
  import('@maturity-for-backstage/backstage-plugin-maturity-backend'),
);
// Sources: each collects once maturity.sources.<tool> is configured and is
// idle otherwise, so the demo needs no token.
backend.add(
  import(
    '@maturity-for-backstage/backstage-plugin-maturity-backend-module-github'
  ),
);
backend.add(
  import(
    '@maturity-for-backstage/backstage-plugin-maturity-backend-module-pagerduty'
  ),
);
backend.add(eventsModulePagerDutyWebhook);
// The demo's invented activity (maturity.demo.enabled): a source like the
// others, which an adopter's backend leaves out.
backend.add(
  import(
    '@maturity-for-backstage/backstage-plugin-maturity-backend-module-demo'
  ),
);

// A backend whose start-up failed (a plugin's init threw) is kept alive by
// Backstage, never ready; end it instead, so that the orchestrator starts it
// again. Replicas started together on an empty database can fail this way
// in Backstage's own plugins (see the README, "PostgreSQL and several
// replicas").
backend.start().catch(error => {
  // eslint-disable-next-line no-console
  console.error('Backend start-up failed, exiting', error);
  process.exit(1);
});
