import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign } from '../../__testUtils__/sampleCampaigns';
import { claimNotice } from './claimNotice';
import { createCampaign } from './createCampaign';

jest.setTimeout(60_000);

describe('claimNotice', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'lets one of several claims of a notice through, per campaign and notice, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createCampaign(knex, sampleCampaign('c-1'));
      await createCampaign(knex, sampleCampaign('c-2'));
      const at = new Date('2026-12-01T00:10:00Z');

      // As replicas would: at once.
      const claims = await Promise.all(
        [1, 2, 3].map(() => claimNotice(knex, 'c-1', 'start', at)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      await expect(claimNotice(knex, 'c-1', 'start', at)).resolves.toBe(false);
      await expect(claimNotice(knex, 'c-1', 'reminder-14', at)).resolves.toBe(
        true,
      );
      await expect(claimNotice(knex, 'c-2', 'start', at)).resolves.toBe(true);
      const rows = await knex('campaign_notices')
        .orderBy(['campaign_id', 'notice'])
        .select('campaign_id', 'notice', 'sent_at');
      expect(
        rows.map(r => [r.campaign_id, r.notice, Number(r.sent_at)]),
      ).toEqual([
        ['c-1', 'reminder-14', at.getTime()],
        ['c-1', 'start', at.getTime()],
        ['c-2', 'start', at.getTime()],
      ]);
    },
  );
});
