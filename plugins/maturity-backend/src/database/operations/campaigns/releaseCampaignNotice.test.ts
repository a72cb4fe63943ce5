import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign } from '../../__testUtils__/sampleCampaigns';
import { claimNotice } from './claimNotice';
import { createCampaign } from './createCampaign';
import { releaseCampaignNotice } from './releaseCampaignNotice';

jest.setTimeout(60_000);

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';

describe('releaseCampaignNotice', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'frees that one notice of that one campaign for that one owner to be claimed again, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createCampaign(knex, sampleCampaign('c-1'));
      await createCampaign(knex, sampleCampaign('c-2'));
      const at = new Date('2026-12-01T00:10:00Z');
      for (const [campaignId, notice, owner] of [
        ['c-1', 'start', TEAM_A],
        ['c-1', 'start', TEAM_B],
        ['c-1', 'reminder-14', TEAM_A],
        ['c-2', 'start', TEAM_A],
      ]) {
        await claimNotice(knex, campaignId, notice, [owner], at);
      }

      await releaseCampaignNotice(knex, 'c-1', 'start', TEAM_A);
      // Releasing what is not claimed changes nothing.
      await releaseCampaignNotice(knex, 'c-1', 'reminder-3', TEAM_A);

      const rows = await knex('campaign_notices')
        .orderBy(['campaign_id', 'notice', 'owner_ref'])
        .select('campaign_id', 'notice', 'owner_ref');
      expect(rows.map(r => [r.campaign_id, r.notice, r.owner_ref])).toEqual([
        ['c-1', 'reminder-14', TEAM_A],
        ['c-1', 'start', TEAM_B],
        ['c-2', 'start', TEAM_A],
      ]);
      const later = new Date('2026-12-01T00:20:00Z');
      await expect(
        claimNotice(knex, 'c-1', 'start', [TEAM_A], later),
      ).resolves.toEqual([TEAM_A]);
      await expect(
        claimNotice(knex, 'c-1', 'start', [TEAM_B], later),
      ).resolves.toEqual([]);
      await expect(
        claimNotice(knex, 'c-2', 'start', [TEAM_A], later),
      ).resolves.toEqual([]);
    },
  );
});
