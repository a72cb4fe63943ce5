import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign } from '../../__testUtils__/sampleCampaigns';
import { claimNotice } from './claimNotice';
import { createCampaign } from './createCampaign';
import { releaseCampaignNotice } from './releaseCampaignNotice';

jest.setTimeout(60_000);

describe('releaseCampaignNotice', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'frees that one notice of that one campaign to be claimed again, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createCampaign(knex, sampleCampaign('c-1'));
      await createCampaign(knex, sampleCampaign('c-2'));
      const at = new Date('2026-12-01T00:10:00Z');
      for (const [campaignId, notice] of [
        ['c-1', 'start'],
        ['c-1', 'reminder-14'],
        ['c-2', 'start'],
      ]) {
        await claimNotice(knex, campaignId, notice, at);
      }

      await releaseCampaignNotice(knex, 'c-1', 'start');
      // Releasing what is not claimed changes nothing.
      await releaseCampaignNotice(knex, 'c-1', 'reminder-3');

      const rows = await knex('campaign_notices')
        .orderBy(['campaign_id', 'notice'])
        .select('campaign_id', 'notice');
      expect(rows.map(r => [r.campaign_id, r.notice])).toEqual([
        ['c-1', 'reminder-14'],
        ['c-2', 'start'],
      ]);
      const later = new Date('2026-12-01T00:20:00Z');
      await expect(claimNotice(knex, 'c-1', 'start', later)).resolves.toBe(
        true,
      );
      await expect(claimNotice(knex, 'c-2', 'start', later)).resolves.toBe(
        false,
      );
    },
  );
});
