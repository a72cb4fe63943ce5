import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign, sampleDay } from '../../__testUtils__/sampleCampaigns';
import { claimNotice } from './claimNotice';
import { createCampaign } from './createCampaign';
import { deleteCampaign } from './deleteCampaign';
import { markCampaignFinished } from './markCampaignFinished';
import { readCampaign } from './readCampaign';
import { writeCampaignDay } from './writeCampaignDay';

jest.setTimeout(60_000);

describe('deleteCampaign', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'deletes a running campaign with its days, entities and notices, and refuses finished or missing ones, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const now = new Date('2026-12-02T10:00:00Z');
      for (const id of ['c-1', 'kept']) {
        await createCampaign(knex, sampleCampaign(id));
        await writeCampaignDay(
          knex,
          id,
          sampleDay('2026-12-01', 1, 1),
          [{ entityRef: 'component:default/a', meetsGoal: true }],
          now,
        );
        await claimNotice(knex, id, 'start', ['group:default/team-a'], now);
      }

      await expect(deleteCampaign(knex, 'c-1')).resolves.toBe('done');

      await expect(readCampaign(knex, 'c-1')).resolves.toBeUndefined();
      for (const table of [
        'campaign_days',
        'campaign_entities',
        'campaign_notices',
      ]) {
        const rows = await knex(table).select('campaign_id');
        expect(rows).toEqual([{ campaign_id: 'kept' }]);
      }

      await markCampaignFinished(knex, 'kept', now);
      await expect(deleteCampaign(knex, 'kept')).resolves.toBe('finished');
      await expect(readCampaign(knex, 'kept')).resolves.toBeDefined();
      await expect(deleteCampaign(knex, 'c-1')).resolves.toBe('missing');
    },
  );
});
