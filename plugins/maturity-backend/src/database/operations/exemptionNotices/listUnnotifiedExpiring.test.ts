import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { listUnnotifiedExpiring } from './listUnnotifiedExpiring';

jest.setTimeout(60_000);

const NOW = new Date('2026-12-07T08:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An exemption row as the workflow stores it. */
async function insertExemption(
  knex: Knex,
  id: string,
  entity: string,
  status: string,
  expiresIn: number | null,
) {
  await knex('exemptions').insert({
    id,
    entity_ref: `component:default/${entity}`,
    check_id: 'test.2.coverage',
    reason: 'migrating the test runner',
    author: 'user:default/ada',
    created_at: NOW.getTime() - 30 * DAY,
    status,
    expires_at: expiresIn === null ? null : NOW.getTime() + expiresIn,
  });
}

describe('listUnnotifiedExpiring', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'lists approved exemptions ending within the window and not notified, soonest first, with the stored owner, %p',
    async databaseId => {
      const { knex, db } = await migratedDatabase(databases, databaseId);
      await db.results.saveEvaluations(
        [
          makeEvaluation('component:default/checkout-api', {
            owner: 'group:default/checkout',
            levels: [2, 2, 2, 2, 2],
          }),
        ],
        NOW,
      );
      await insertExemption(
        knex,
        'in-2-days',
        'checkout-api',
        'approved',
        2 * DAY,
      );
      await insertExemption(
        knex,
        'at-7-days',
        'checkout-api',
        'approved',
        7 * DAY,
      );
      await insertExemption(
        knex,
        'past-7-days',
        'checkout-api',
        'approved',
        7 * DAY + 1,
      );
      await insertExemption(knex, 'ended', 'checkout-api', 'approved', -HOUR);
      await insertExemption(
        knex,
        'requested',
        'checkout-api',
        'requested',
        DAY,
      );
      await insertExemption(knex, 'revoked', 'checkout-api', 'revoked', DAY);
      await insertExemption(
        knex,
        'no-expiry',
        'checkout-api',
        'approved',
        null,
      );
      await insertExemption(
        knex,
        'no-scorecard',
        'new-service',
        'approved',
        3 * DAY,
      );
      await insertExemption(knex, 'notified', 'checkout-api', 'approved', DAY);
      await knex('exemption_expiry_notices').insert({
        exemption_id: 'notified',
        notified_at: NOW.getTime() - DAY,
      });

      const listed = await listUnnotifiedExpiring(
        knex,
        NOW,
        new Date(NOW.getTime() + 7 * DAY),
      );

      expect(listed).toEqual([
        {
          id: 'in-2-days',
          entityRef: 'component:default/checkout-api',
          checkId: 'test.2.coverage',
          author: 'user:default/ada',
          expiresAt: new Date('2026-12-09T08:00:00Z'),
          ownerRef: 'group:default/checkout',
        },
        {
          id: 'no-scorecard',
          entityRef: 'component:default/new-service',
          checkId: 'test.2.coverage',
          author: 'user:default/ada',
          expiresAt: new Date('2026-12-10T08:00:00Z'),
        },
        {
          id: 'at-7-days',
          entityRef: 'component:default/checkout-api',
          checkId: 'test.2.coverage',
          author: 'user:default/ada',
          expiresAt: new Date('2026-12-14T08:00:00Z'),
          ownerRef: 'group:default/checkout',
        },
      ]);
    },
  );
});
