import { TestDatabases } from '@backstage/backend-test-utils';
import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { readRollupsBuilt } from './readRollupsBuilt';
import { readSubgroups } from './readSubgroups';
import { replaceRollups } from './replaceRollups';

jest.setTimeout(60_000);

const ENGINEERING = 'group:default/engineering';
const CHECKOUT = 'group:default/checkout';
const CART = 'group:default/cart';
const PAYMENTS = 'group:default/payments';

const rollup = (
  scopeRef: string,
  scopeKind: string,
  groupRefs?: string[],
): Rollup =>
  ({
    scopeRef,
    scopeKind,
    entityCount: 1,
    computedAt: '2026-11-23T10:00:00.000Z',
    ...(groupRefs ? { groupRefs } : {}),
  } as Rollup);

describe('readSubgroups', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "reads the groups' group tree as the rollups last replaced it, %p",
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await expect(readRollupsBuilt(knex)).resolves.toBe(false);
      await expect(readSubgroups(knex, [ENGINEERING])).resolves.toEqual(
        new Map(),
      );

      await replaceRollups(knex, [
        rollup('org', 'org'),
        rollup(ENGINEERING, 'group', [ENGINEERING, CHECKOUT, CART]),
        rollup(CHECKOUT, 'group', [CHECKOUT]),
        // A group rollup without its tree stands for itself.
        rollup(PAYMENTS, 'group'),
        rollup('system:default/shop', 'system'),
      ]);

      await expect(readRollupsBuilt(knex)).resolves.toBe(true);
      await expect(
        readSubgroups(knex, [
          ENGINEERING,
          PAYMENTS,
          'user:default/ada',
          'system:default/shop',
          ENGINEERING,
        ]),
      ).resolves.toEqual(
        new Map([
          [ENGINEERING, [CART, CHECKOUT, ENGINEERING]],
          [PAYMENTS, [PAYMENTS]],
        ]),
      );

      // CHECKOUT moved under PAYMENTS.
      await replaceRollups(knex, [
        rollup(ENGINEERING, 'group', [ENGINEERING, CART]),
        rollup(PAYMENTS, 'group', [PAYMENTS, CHECKOUT]),
      ]);
      await expect(readRollupsBuilt(knex)).resolves.toBe(false);
      await expect(
        readSubgroups(knex, [ENGINEERING, PAYMENTS, CHECKOUT]),
      ).resolves.toEqual(
        new Map([
          [ENGINEERING, [CART, ENGINEERING]],
          [PAYMENTS, [CHECKOUT, PAYMENTS]],
        ]),
      );
    },
  );
});
