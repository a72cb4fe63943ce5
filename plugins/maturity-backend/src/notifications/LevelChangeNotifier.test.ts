import { mockServices } from '@backstage/backend-test-utils';
import {
  CategoryId,
  defaultRubric,
  MaturityLevel,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  HeldLevelSet,
  LevelChange,
  SavedEntityLevels,
  SavedLevelsBatch,
} from '../scoring/LevelChangeListener';
import { FakeNotificationService } from './__testUtils__/FakeNotificationService';
import { LevelChangeDigest } from './LevelChangeDigest';
import { LevelChangeNotifier } from './LevelChangeNotifier';
import { OwnerNotificationSender } from './OwnerNotificationSender';
import { RubricTitles } from './RubricTitles';

const EVALUATED_AT = new Date('2026-12-07T06:00:00Z');
const CHECKOUT = 'group:default/checkout';
const PAYMENTS = 'group:default/payments';

const levels = (overall: number, test = overall): HeldLevelSet => ({
  overall: overall as MaturityLevel,
  categories: {
    culture: overall,
    design: overall,
    'build-deploy': overall,
    test,
    information: overall,
  } as Record<CategoryId, MaturityLevel>,
});

function entity(
  name: string,
  ownerRef: string | undefined,
  newlyFailingChecks: SavedEntityLevels['newlyFailingChecks'] = [],
): SavedEntityLevels {
  return {
    entityRef: `component:default/${name}`,
    ...(ownerRef ? { ownerRef } : {}),
    before: levels(3),
    after: levels(3),
    newlyFailingChecks,
  };
}

const change = (
  name: string,
  category: CategoryId | 'overall',
  from: number,
  to: number,
): LevelChange => ({
  entityRef: `component:default/${name}`,
  category,
  from: from as MaturityLevel,
  to: to as MaturityLevel,
});

function setUp() {
  const notifications = new FakeNotificationService();
  const logger = mockServices.logger.mock();
  const notifier = new LevelChangeNotifier({
    sender: new OwnerNotificationSender({ notifications, logger }),
    titles: new RubricTitles(defaultRubric),
    logger,
  });
  // What production hands the notifier: the digest of a run's batches
  // (CoalescedLevelChanges), here of the batches given.
  const sendRun = async (...batches: SavedLevelsBatch[]) => {
    const digest = new LevelChangeDigest();
    for (const batch of batches) digest.add(batch);
    await notifier.send(digest);
  };
  return { notifications, logger, sendRun };
}

describe('LevelChangeNotifier', () => {
  it('sends one notification for ten entities of one group whose levels dropped, linking to the group', async () => {
    const { notifications, sendRun } = setUp();
    const names = Array.from({ length: 10 }, (_, i) => `service-${i}`);

    await sendRun({
      evaluatedAt: EVALUATED_AT,
      entities: names.map(name => entity(name, CHECKOUT)),
      changes: names.map(name => change(name, 'test', 3, 2)),
    });

    expect(notifications.sent).toHaveLength(1);
    const [sent] = notifications.sent;
    expect(sent.recipients).toEqual({ type: 'entity', entityRef: [CHECKOUT] });
    expect(sent.payload).toMatchObject({
      title: 'Maturity levels dropped for 10 entities',
      link: '/catalog/default/group/checkout/maturity',
      topic: 'maturity-level-dropped',
      severity: 'normal',
    });
    expect(sent.payload.description).toBe(
      names.map(name => `${name}: Test & Verification 3 → 2`).join('; '),
    );
    expect(sent.payload.metadata).toEqual({
      entityRefs: names.map(name => `component:default/${name}`),
    });
  });

  it("links one entity's drop to its tab, high when the overall level dropped, one notification per group", async () => {
    const { notifications, sendRun } = setUp();

    await sendRun({
      evaluatedAt: EVALUATED_AT,
      entities: [
        entity('checkout-api', CHECKOUT),
        entity('ledger', PAYMENTS),
        entity('invoices', PAYMENTS),
      ],
      changes: [
        change('checkout-api', 'test', 3, 2),
        change('checkout-api', 'overall', 3, 2),
        change('ledger', 'culture', 2, 1),
        // Rises are not news to be told.
        change('invoices', 'design', 1, 2),
      ],
    });

    expect(notifications.sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: [CHECKOUT] },
        payload: {
          title: 'Maturity level dropped: checkout-api',
          description: 'checkout-api: Overall 3 → 2, Test & Verification 3 → 2',
          link: '/catalog/default/component/checkout-api/maturity',
          severity: 'high',
          topic: 'maturity-level-dropped',
          metadata: { entityRefs: ['component:default/checkout-api'] },
        },
      },
      {
        recipients: { type: 'entity', entityRef: [PAYMENTS] },
        payload: {
          title: 'Maturity level dropped: ledger',
          description: 'ledger: Culture & Organization 2 → 1',
          link: '/catalog/default/component/ledger/maturity',
          severity: 'normal',
          topic: 'maturity-level-dropped',
          metadata: { entityRefs: ['component:default/ledger'] },
        },
      },
    ]);
  });

  it('tells the owner of entities newly failing a required check, not of other checks', async () => {
    const { notifications, sendRun } = setUp();
    const required = defaultRubric.categories[2].levels[1].checks.find(
      c => c.required,
    )!;

    await sendRun({
      evaluatedAt: EVALUATED_AT,
      entities: [
        entity('checkout-api', CHECKOUT, [
          { checkId: required.id, required: true },
          { checkId: 'test.2.something-optional', required: false },
        ]),
        entity('cart', CHECKOUT, [
          { checkId: 'culture.1.optional', required: false },
        ]),
        entity('web', CHECKOUT, [{ checkId: required.id, required: true }]),
      ],
      changes: [],
    });

    expect(notifications.sent).toHaveLength(1);
    expect(notifications.sent[0]).toEqual({
      recipients: { type: 'entity', entityRef: [CHECKOUT] },
      payload: {
        title: '2 entities newly fail a required maturity check',
        description: `checkout-api: ${required.title}; web: ${required.title}`,
        link: '/catalog/default/group/checkout/maturity',
        severity: 'high',
        topic: 'maturity-required-check-failing',
        metadata: {
          entityRefs: [
            'component:default/checkout-api',
            'component:default/web',
          ],
        },
      },
    });
  });

  it('sends nothing for a batch without drops or newly failing required checks, nor for entities without an owner', async () => {
    const { notifications, sendRun } = setUp();

    await sendRun({
      evaluatedAt: EVALUATED_AT,
      entities: [
        entity('orphan', undefined, [{ checkId: 'x', required: true }]),
      ],
      changes: [change('orphan', 'overall', 2, 1)],
    });

    expect(notifications.sent).toEqual([]);
  });

  it('lists twenty entities and counts the rest', async () => {
    const { notifications, sendRun } = setUp();
    const names = Array.from({ length: 23 }, (_, i) => `s${i}`);

    await sendRun({
      evaluatedAt: EVALUATED_AT,
      entities: names.map(name => entity(name, CHECKOUT)),
      changes: names.map(name => change(name, 'design', 2, 1)),
    });

    const description = notifications.sent[0].payload.description!;
    expect(description.split('; ')).toHaveLength(21);
    expect(
      description.endsWith('s19: Design & Architecture 2 → 1; and 3 more'),
    ).toBe(true);
  });

  it('does not fail the evaluation when the notifications backend is not installed', async () => {
    const { notifications, sendRun, logger } = setUp();
    notifications.failWith = new Error(
      'Failed to send notifications: Error: Request failed with status 404',
    );

    await expect(
      sendRun({
        evaluatedAt: EVALUATED_AT,
        entities: [entity('checkout-api', CHECKOUT)],
        changes: [change('checkout-api', 'overall', 3, 2)],
      }),
    ).resolves.toBeUndefined();

    expect(logger.debug).toHaveBeenCalledWith(
      expect.stringContaining('status 404'),
    );
    expect(logger.error).not.toHaveBeenCalled();
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
