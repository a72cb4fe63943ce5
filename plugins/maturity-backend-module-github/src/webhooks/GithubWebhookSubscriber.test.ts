import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EventParams,
  EventsServiceSubscribeOptions,
} from '@backstage/plugin-events-node';
import { HttpResponse, http } from 'msw';
import deploymentStatusCreated from '../__fixtures__/webhooks/deploymentStatusCreated.json';
import pullRequestClosed from '../__fixtures__/webhooks/pullRequestClosed.json';
import pushDefaultBranch from '../__fixtures__/webhooks/pushDefaultBranch.json';
import workflowRunCompleted from '../__fixtures__/webhooks/workflowRunCompleted.json';
import { RepositoryIndex } from '../catalog/RepositoryIndex';
import {
  ENTITY,
  REPO_API,
  credentials,
  githubHandlers,
  integrationsConfig,
  repository,
} from '../__testUtils__/githubApi';
import { pullSyncEvents } from '../__testUtils__/pullSyncEvents';
import { RecordingSink } from '@maturity-for-backstage/backstage-plugin-maturity-node/testUtils';
import { webhookLookupHandlers } from '../__testUtils__/webhookLookupHandlers';
import { createWebhookClient } from './createWebhookClient';
import { GithubWebhookSubscriber } from './GithubWebhookSubscriber';
import { setupGithubApiServer } from '../__testUtils__/setupGithubApiServer';

const { server, seen } = setupGithubApiServer(webhookLookupHandlers);

const component = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'github.com/project-slug': 'acme/shop' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:payments' },
});

function setup(entities = [component('checkout-api')]) {
  const catalog = catalogServiceMock({ entities });
  const getEntities = jest.spyOn(catalog, 'getEntities');
  const logger = mockServices.logger.mock();
  const subscriptions: EventsServiceSubscribeOptions[] = [];
  const subscriber = new GithubWebhookSubscriber({
    events: {
      publish: jest.fn(),
      subscribe: async options => {
        subscriptions.push(options);
      },
    },
    client: createWebhookClient(credentials),
    repositories: new RepositoryIndex({
      catalog,
      auth: mockServices.auth(),
      integrations: ScmIntegrations.fromConfig(
        new ConfigReader({ integrations: integrationsConfig }),
      ),
    }),
    logger,
  });
  return {
    subscriber,
    subscriptions,
    logger,
    getEntities,
    sink: new RecordingSink(),
  };
}

const delivery = (
  event: string,
  payload: unknown,
  id = '72d3162e-cc78-11e3-81ab-4c9367dc0958',
): EventParams => ({
  topic: `github.${event}`,
  eventPayload: payload,
  metadata: { 'x-github-event': event, 'x-github-delivery': id },
});

describe('GithubWebhookSubscriber', () => {
  it('subscribes to the four topics and writes what they deliver', async () => {
    const { subscriber, subscriptions, sink } = setup();
    await subscriber.subscribe(sink);
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0].id).toBe('maturity-github');
    expect([...subscriptions[0].topics].sort()).toEqual([
      'github.deployment_status',
      'github.pull_request',
      'github.push',
      'github.workflow_run',
    ]);

    await subscriptions[0].onEvent(
      delivery('workflow_run', workflowRunCompleted),
    );
    expect([...sink.events.values()]).toEqual([
      expect.objectContaining({
        type: 'build',
        entityRef: ENTITY,
        externalId: `30433641 ${ENTITY}`,
        status: 'success',
      }),
    ]);
  });

  it.each([
    ['workflow_run', workflowRunCompleted, 'build:30433641'],
    ['deployment_status', deploymentStatusCreated, 'deployment:1002'],
    ['pull_request', pullRequestClosed, 'change:acme/shop#42'],
    [
      'push',
      pushDefaultBranch,
      'change:acme/shop@f00dfacef00dfacef00dfacef00dfacef00dface',
    ],
  ])(
    'writes a %s delivery of a repository with two entities as one event each, with the pull sync’s ids; a replay changes nothing',
    async (event, payload, item) => {
      const CART = 'component:default/cart';
      const { subscriber, sink } = setup([
        component('checkout-api'),
        component('cart'),
      ]);
      const write = jest.spyOn(sink, 'write');
      await subscriber.onDelivery(sink, delivery(event, payload, 'd-1'));
      const keys = [...sink.events.keys()].sort();
      expect(keys).toEqual([`${item} ${CART}`, `${item} ${ENTITY}`]);

      const synced = await pullSyncEvents({
        ...repository,
        entities: [{ entityRef: CART }, { entityRef: ENTITY }],
      });
      for (const key of keys) {
        const stored = sink.events.get(key)!;
        expect(stored).toEqual(
          synced.get('externalId' in stored ? stored.externalId : ''),
        );
      }

      const before = JSON.stringify([...sink.events.entries()]);
      await subscriber.onDelivery(sink, delivery(event, payload, 'd-1'));
      expect(JSON.stringify([...sink.events.entries()])).toBe(before);
      await expect(write.mock.results[1].value).resolves.toEqual({
        created: 0,
        updated: 0,
        unchanged: 2,
      });
    },
  );

  it('reads the repository map once for many deliveries', async () => {
    const { subscriber, sink, getEntities } = setup();
    for (let i = 0; i < 3; i++) {
      await subscriber.onDelivery(
        sink,
        delivery('workflow_run', workflowRunCompleted, `d-${i}`),
      );
    }
    expect(getEntities).toHaveBeenCalledTimes(1);
    expect(sink.writes).toHaveLength(3);
    expect(sink.events.size).toBe(1);
  });

  it('ignores repositories no entity names, without asking GitHub', async () => {
    const { subscriber, sink, logger } = setup();
    const payload = structuredClone(workflowRunCompleted);
    payload.repository.full_name = 'acme/warehouse';
    payload.repository.html_url = 'https://github.com/acme/warehouse';
    await subscriber.onDelivery(sink, delivery('workflow_run', payload));
    expect(sink.writes).toEqual([]);
    expect(seen).toEqual([]);
    expect(logger.debug).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Ignored GitHub workflow_run delivery \S+ of acme\/warehouse: no entity is annotated with it$/,
      ),
    );
  });

  it('ignores actions that change nothing recorded', async () => {
    const { subscriber, sink, logger, getEntities } = setup();
    const payload = {
      ...structuredClone(pullRequestClosed),
      action: 'assigned',
    };
    await subscriber.onDelivery(sink, delivery('pull_request', payload, 'd-7'));
    expect(sink.writes).toEqual([]);
    expect(getEntities).not.toHaveBeenCalled();
    expect(logger.debug).toHaveBeenCalledWith(
      'Ignored GitHub pull_request delivery d-7: pull_request action assigned',
    );
  });

  it('logs an invalid payload and carries on', async () => {
    const { subscriber, sink, logger } = setup();
    const payload = structuredClone(workflowRunCompleted) as any;
    delete payload.workflow_run.id;
    await expect(
      subscriber.onDelivery(sink, delivery('workflow_run', payload, 'd-8')),
    ).resolves.toBeUndefined();
    await subscriber.onDelivery(sink, {
      topic: 'github.push',
      eventPayload: 'not json',
    });
    expect(logger.warn.mock.calls).toEqual([
      [
        'Ignored an invalid GitHub workflow_run delivery d-8: workflow_run.id must be a number',
      ],
      ['Ignored an invalid GitHub push delivery: payload must be an object'],
    ]);
    expect(sink.writes).toEqual([]);
  });

  it('skips a delivery it cannot complete, for the next sync to read', async () => {
    const { subscriber, sink, logger } = setup();
    server.use(
      http.get(`${REPO_API}/actions/runs/:id/jobs`, () =>
        HttpResponse.json({ message: 'Server Error' }, { status: 502 }),
      ),
    );
    await subscriber.onDelivery(
      sink,
      delivery('workflow_run', workflowRunCompleted, 'd-9'),
    );
    expect(sink.writes).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Skipped GitHub workflow_run delivery d-9 of acme\/shop; the next sync reads it: GitHub GET \/repos\/acme\/shop\/actions\/runs\/30433641\/jobs answered 502/,
      ),
    );

    server.resetHandlers(
      ...githubHandlers(seen),
      ...webhookLookupHandlers(seen),
    );
    sink.failNextWrite = new Error('database is locked');
    await subscriber.onDelivery(
      sink,
      delivery('workflow_run', workflowRunCompleted, 'd-10'),
    );
    expect(logger.warn).toHaveBeenLastCalledWith(
      'Skipped GitHub workflow_run delivery d-10 of acme/shop; the next sync reads it: database is locked',
    );
  });
});
