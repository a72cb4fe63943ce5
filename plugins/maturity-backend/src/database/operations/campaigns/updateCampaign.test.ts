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
    'replaces the input of a running campaign and forgets its figures, keeps its notices still due, and refuses finished or missing ones, %p',
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
      await claimNotice(knex, 'c-1', 'start', ['group:default/team-a'], now);
      const at = new Date('2026-12-05T08:00:00Z');

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
      // The start notice went out and its day has come; not sent again.
      await expect(
        claimNotice(knex, 'c-1', 'start', ['group:default/team-a'], at),
      ).resolves.toEqual([]);
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

  it.each(databases.eachSupportedId())(
    'forgets the notices a change makes not due yet, so they go out when due, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const sent = new Date('2026-12-20T10:00:00Z');
      // Begun 2026-12-01, due 2027-01-01: started, 14-day reminder sent.
      await createCampaign(
        knex,
        sampleCampaign('c-1', { deadline: '2027-01-01' }),
      );
      await createCampaign(
        knex,
        sampleCampaign('other', { deadline: '2027-01-01' }),
      );
      for (const id of ['c-1', 'other']) {
        for (const notice of ['start', 'reminder-14']) {
          await claimNotice(knex, id, notice, ['group:default/team-a'], sent);
        }
      }
      const at = new Date('2026-12-21T08:00:00Z');
      const claimed = async (id: string) =>
        (
          await knex('campaign_notices')
            .where('campaign_id', id)
            .orderBy('notice')
            .select('notice')
        ).map(row => row.notice);

      // The deadline moves a month on: the reminder is not due yet.
      await updateCampaign(
        knex,
        'c-1',
        { ...input, startsOn: '2026-12-01', deadline: '2027-02-01' },
        'user:default/bo',
        at,
      );
      expect(await claimed('c-1')).toEqual(['start']);

      // The start moves into the future: nothing is due yet.
      await claimNotice(
        knex,
        'c-1',
        'reminder-14',
        ['group:default/team-a'],
        sent,
      );
      await updateCampaign(
        knex,
        'c-1',
        { ...input, startsOn: '2026-12-28', deadline: '2027-01-01' },
        'user:default/bo',
        at,
      );
      expect(await claimed('c-1')).toEqual([]);

      // A change that moves neither keeps what was sent.
      await updateCampaign(
        knex,
        'other',
        { ...input, startsOn: '2026-12-01', deadline: '2027-01-01' },
        'user:default/bo',
        at,
      );
      expect(await claimed('other')).toEqual(['reminder-14', 'start']);
    },
  );
});
