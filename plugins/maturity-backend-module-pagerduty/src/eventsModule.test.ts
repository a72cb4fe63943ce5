import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { HttpPostIngressOptions } from '@backstage/plugin-events-node';
import { eventsExtensionPoint } from '@backstage/plugin-events-node/alpha';
import { eventsModulePagerDutyWebhook } from './eventsModule';
import { signPagerDutyBody } from './webhooks/verifyPagerDutySignature';

/** Stands in for the events backend: records the ingresses modules add. */
function fakeEventsPlugin(ingresses: HttpPostIngressOptions[]) {
  return createBackendPlugin({
    pluginId: 'events',
    register(env) {
      env.registerExtensionPoint(eventsExtensionPoint, {
        setEventBroker() {},
        addPublishers() {},
        addSubscribers() {},
        addHttpPostBodyParser() {},
        addHttpPostIngress: options => ingresses.push(options),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

async function start(pagerduty?: object) {
  const ingresses: HttpPostIngressOptions[] = [];
  await startTestBackend({
    features: [
      fakeEventsPlugin(ingresses),
      eventsModulePagerDutyWebhook,
      mockServices.rootConfig.factory({
        data: { maturity: { sources: pagerduty ? { pagerduty } : {} } },
      }),
    ],
  });
  return ingresses;
}

describe('eventsModulePagerDutyWebhook', () => {
  it('adds a signature-checked ingress on the pagerduty topic', async () => {
    const [ingress, ...rest] = await start({
      token: 'x',
      webhookSecrets: ['whsec-1'],
    });
    expect(rest).toEqual([]);
    expect(ingress.topic).toBe('pagerduty');

    const body = Buffer.from('{"event":{}}');
    const reject = jest.fn();
    await ingress.validator!(
      {
        body: { event: {} },
        headers: { 'x-pagerduty-signature': signPagerDutyBody(body, 'nope') },
        raw: { body, encoding: 'utf-8' },
      },
      { reject },
    );
    expect(reject).toHaveBeenCalledWith(
      expect.objectContaining({ status: 401 }),
    );
  });

  it('adds nothing without webhook secrets', async () => {
    expect(await start({ token: 'x' })).toEqual([]);
    expect(await start()).toEqual([]);
  });
});
