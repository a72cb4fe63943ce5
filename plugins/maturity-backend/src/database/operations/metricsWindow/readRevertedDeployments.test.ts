import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedEventStore } from '../../__testUtils__/migratedEventStore';
import { MetricsWindow } from '../../MetricsWindow';
import { at, deployment, pullRequest, sha } from '../../../testing/testEvents';
import { readRevertedDeployments } from './readRevertedDeployments';

jest.setTimeout(60_000);

const SHOP = 'component:default/shop';
const CART = 'component:default/cart';

// Window: March 2026, of the shop only.
const window: MetricsWindow = {
  entities: [{ entityRef: SHOP }],
  from: new Date(at('03-01 00:00')),
  to: new Date(at('04-01 00:00')),
};

const revert = (
  entityRef: string,
  externalId: string,
  merged: string,
  reverted: string,
) =>
  pullRequest(
    entityRef,
    externalId,
    { authored: merged, opened: merged, merged },
    {
      sha: sha(externalId),
      isRevert: true,
      // Stored as sent; matched without regard to case.
      revertsSha: sha(reverted).toUpperCase(),
    },
  );

const events = [
  // x: not production, failed, then first shipped among other commits,
  // then shipped again; reverted on 03-04 at 11:00.
  deployment(SHOP, 'staging-x', 'staging', '03-02 08:00', '03-02 08:05', {
    commitSha: sha('x'),
  }),
  deployment(SHOP, 'failed-x', 'production', '03-02 08:30', '03-02 08:35', {
    commitSha: sha('x'),
    status: 'failure',
  }),
  deployment(SHOP, 'first-x', 'production', '03-02 09:00', '03-02 09:05', {
    commitSha: sha('w'),
    commitShas: [sha('w'), sha('x')],
  }),
  deployment(SHOP, 'second-x', 'production', '03-03 09:00', '03-03 09:05', {
    commitSha: sha('x'),
  }),
  revert(SHOP, 'revert-x', '03-04 11:00', 'x'),
  // y: its only deployment finished after the revert merged.
  deployment(SHOP, 'after-y', 'production', '03-04 11:55', '03-04 12:05', {
    commitSha: sha('y'),
  }),
  revert(SHOP, 'revert-y', '03-04 12:00', 'y'),
  // z: first shipped before the window; the later shipping is not first.
  deployment(SHOP, 'old-z', 'production', '02-20 10:00', '02-20 10:05', {
    commitSha: sha('z'),
  }),
  deployment(SHOP, 'new-z', 'production', '03-02 10:00', '03-02 10:05', {
    commitSha: sha('z'),
  }),
  revert(SHOP, 'revert-z', '03-06 10:00', 'z'),
  // w: reverted at the window's end, which is outside it.
  revert(SHOP, 'revert-w', '04-01 00:00', 'w'),
  // Another entity's revert of the same commit, outside the batch.
  deployment(CART, 'cart-x', 'production', '03-02 09:00', '03-02 09:05', {
    commitSha: sha('x'),
  }),
  revert(CART, 'cart-revert-x', '03-04 11:00', 'x'),
];

describe('readRevertedDeployments', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'gives the first successful production deployment of each reverted commit, %p',
    async databaseId => {
      const { knex, store } = await migratedEventStore(databases, databaseId);
      await store.ingest(events);
      const id = async (table: string, externalId: string) =>
        Number(
          (await knex(table).where('external_id', externalId).first('id')).id,
        );

      await expect(readRevertedDeployments(knex, window)).resolves.toEqual([
        {
          deploymentId: await id('deployments', 'first-x'),
          entityRef: SHOP,
          revertChangeId: await id('changes', 'revert-x'),
          revertedAt: Date.parse(at('03-04 11:00')),
        },
      ]);
    },
  );
});
