import { TestDatabases } from '@backstage/backend-test-utils';
import { MaturityDatabase } from '../database/MaturityDatabase';
import { ExemptionChange } from './ExemptionChangeListener';
import { ExemptionWorkflow } from './ExemptionWorkflow';

jest.setTimeout(60_000);

const CHECKOUT = 'component:default/checkout-api';

describe('ExemptionWorkflow', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setUp(listenerFails = false) {
    const knex = await databases.init('SQLITE_3');
    const db = await MaturityDatabase.create({
      database: { getClient: async () => knex },
    });
    const changes: ExemptionChange[] = [];
    const queued: string[][] = [];
    let now = new Date('2026-12-01T10:00:00.000Z');
    const workflow = new ExemptionWorkflow({
      store: db.exemptions,
      evaluationQueue: {
        enqueueEvaluation: async refs => {
          queued.push(refs);
        },
      },
      listener: {
        exemptionChanged: async change => {
          changes.push(change);
          if (listenerFails) throw new Error('notifications are down');
        },
      },
      autoApprove: ['build-deploy.2.deployment-recorded'],
      checkIds: () =>
        new Set(['test.3.e2e-tests', 'build-deploy.2.deployment-recorded']),
      now: () => now,
    });
    return {
      workflow,
      changes,
      queued,
      store: db.exemptions,
      setNow: (iso: string) => {
        now = new Date(iso);
      },
    };
  }

  it('tells the listener each committed change, after the fact, and queues evaluation when what counts changed', async () => {
    const { workflow, changes, queued, setNow } = await setUp();
    const requested = await workflow.request({
      entityRef: CHECKOUT,
      checkId: 'test.3.e2e-tests',
      reason: 'Storefront runs it',
      expiresAt: '2026-12-31T00:00:00Z',
      requester: 'user:default/ana',
    });
    expect(queued).toEqual([]);
    setNow('2026-12-02T10:00:00.000Z');
    const approved = await workflow.approve(requested, 'user:default/bo', {
      comment: 'ok',
    });
    expect(approved.expiresAt).toBe('2026-12-31T00:00:00.000Z');
    expect(queued).toEqual([[CHECKOUT]]);
    expect(changes).toEqual([
      {
        exemption: requested,
        action: 'requested',
        actor: 'user:default/ana',
        at: '2026-12-01T10:00:00.000Z',
      },
      {
        exemption: approved,
        action: 'approved',
        actor: 'user:default/bo',
        at: '2026-12-02T10:00:00.000Z',
        comment: 'ok',
      },
    ]);

    // Expiry by time: the sweep expires it once, as system, at its expiry.
    setNow('2027-01-01T00:00:00.000Z');
    await expect(workflow.expireDue()).resolves.toBe(1);
    await expect(workflow.expireDue()).resolves.toBe(0);
    expect(changes[2]).toMatchObject({
      action: 'expired',
      actor: 'system',
      at: '2026-12-31T00:00:00.000Z',
      exemption: { id: requested.id, status: 'expired' },
    });
  });

  it('queues the entities whose exemptions expired, each once, and nothing when none did', async () => {
    const { workflow, queued, setNow } = await setUp();
    const other = 'component:default/storefront';
    for (const [entityRef, checkId] of [
      [CHECKOUT, 'test.3.e2e-tests'],
      [CHECKOUT, 'build-deploy.2.deployment-recorded'],
      [other, 'test.3.e2e-tests'],
    ]) {
      const requested = await workflow.request({
        entityRef,
        checkId,
        reason: 'Covered elsewhere',
        expiresAt: '2026-12-31T00:00:00Z',
        requester: 'user:default/ana',
      });
      if (requested.status === 'requested') {
        await workflow.approve(requested, 'user:default/bo');
      }
    }
    queued.length = 0;

    await expect(workflow.expireDue()).resolves.toBe(0);
    expect(queued).toEqual([]);

    setNow('2027-01-01T00:00:00.000Z');
    await expect(workflow.expireDue()).resolves.toBe(3);
    expect(queued).toHaveLength(1);
    expect([...queued[0]].sort()).toEqual([CHECKOUT, other]);

    await expect(workflow.expireDue()).resolves.toBe(0);
    expect(queued).toHaveLength(1);
  });

  it('reports an auto-approved request once, as approved by system', async () => {
    const { workflow, changes, queued } = await setUp();
    const exemption = await workflow.request({
      entityRef: CHECKOUT,
      checkId: 'build-deploy.2.deployment-recorded',
      reason: 'Vendor records deploys',
      requester: 'user:default/ana',
    });
    expect(exemption).toMatchObject({
      status: 'approved',
      decidedBy: 'system',
    });
    expect(changes.map(c => [c.action, c.actor])).toEqual([
      ['approved', 'system'],
    ]);
    expect(queued).toEqual([[CHECKOUT]]);
  });

  it('keeps a change when the listener fails', async () => {
    const { workflow, store } = await setUp(true);
    const requested = await workflow.request({
      entityRef: CHECKOUT,
      checkId: 'test.3.e2e-tests',
      reason: 'Storefront runs it',
      requester: 'user:default/ana',
    });
    await workflow.deny(requested, 'user:default/bo', 'Run it here');
    await expect(store.getExemption(requested.id)).resolves.toMatchObject({
      status: 'denied',
    });
  });

  it('refuses to approve a request whose requested expiry has passed', async () => {
    const { workflow, setNow } = await setUp();
    const requested = await workflow.request({
      entityRef: CHECKOUT,
      checkId: 'test.3.e2e-tests',
      reason: 'Until Friday',
      expiresAt: '2026-12-04T00:00:00Z',
      requester: 'user:default/ana',
    });
    setNow('2026-12-05T00:00:00.000Z');
    await expect(
      workflow.approve(requested, 'user:default/bo'),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message:
        'The requested expiry 2026-12-04T00:00:00.000Z has passed; deny the request (the requester may ask again)',
    });
  });
});
