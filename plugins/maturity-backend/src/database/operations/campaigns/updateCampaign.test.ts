import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign, sampleDay } from '../../__testUtils__/sampleCampaigns';
import { claimNotice } from './claimNotice';
import { createCampaign } from './createCampaign';
import { readCampaign } from './readCampaign';
import { readCampaignDays } from './readCampaignDays';
import { listCampaignEntities } from './listCampaignEntities';
import { markCampaignFinished } from './markCampaignFinished';
import { updateCampaign } from './updateCampaign';
import { writeCampaignDay } from './writeCampaignDay';

jest.setTimeout(60_000);

const input = {
  title: 'Renamed',
  description: 'Now with tags',
  ownerRef: 'group:default/platform-2',
  scope: { tags: ['java'] },
  goal: { type: 'overallLevel' as const, level: 3 },
  allowExemptions: true,
  startsOn: '2026-12-05',
  deadline: '2027-04-30',
  milestones: [],
  reminderDaysBefore: [7],
};

describe('updateCampaign', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'replaces the input of a running campaign and forgets its figures, keeps its notices, and refuses finished or missing ones, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const now = new Date('2026-12-02T10:00:00Z');
      await createCampaign(knex, sampleCampaign('c-1'));
      await createCampaign(knex, sampleCampaign('other'));
      for (const id of ['c-1', 'other']) {
        await writeCampaignDay(
          knex,
          id,
          sampleDay('2026-12-01', 1, 0),
          [{ entityRef: 'component:default/a', meetsGoal: true }],
          now,
        );
      }
      await claimNotice(knex, 'c-1', 'start', now);
      const at = new Date('2026-12-03T08:00:00Z');

      await expect(
        updateCampaign(knex, 'c-1', input, 'user:default/bo', at),
      ).resolves.toBe('done');

      const updated = await readCampaign(knex, 'c-1');
      expect(updated).toEqual({
        ...sampleCampaign('c-1'),
        ...input,
        updatedBy: 'user:default/bo',
        updatedAt: at,
      });
      await expect(readCampaignDays(knex, 'c-1')).resolves.toEqual([]);
      await expect(
        listCampaignEntities(knex, 'c-1', { limit: 10, offset: 0 }),
      ).resolves.toEqual({ items: [], totalCount: 0 });
      // The start notice went out; it is not sent again.
      await expect(claimNotice(knex, 'c-1', 'start', at)).resolves.toBe(false);
      // Another campaign keeps its figures.
      await expect(readCampaignDays(knex, 'other')).resolves.toHaveLength(1);

      await markCampaignFinished(knex, 'other', at);
      await expect(
        updateCampaign(knex, 'other', input, 'user:default/bo', at),
      ).resolves.toBe('finished');
      await expect(readCampaign(knex, 'other')).resolves.toMatchObject({
        title: 'Campaign other',
      });
      await expect(
        updateCampaign(knex, 'missing', input, 'user:default/bo', at),
      ).resolves.toBe('missing');
    },
  );
});
