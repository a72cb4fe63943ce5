import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign } from '../../__testUtils__/sampleCampaigns';
import { claimNotice } from './claimNotice';
import { createCampaign } from './createCampaign';

jest.setTimeout(60_000);

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const TEAM_C = 'group:default/team-c';

describe('claimNotice', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'lets one of several claims of a notice through, per campaign, notice and owner, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createCampaign(knex, sampleCampaign('c-1'));
      await createCampaign(knex, sampleCampaign('c-2'));
      const at = new Date('2026-12-01T00:10:00Z');

      // As replicas would: at once.
      const claims = await Promise.all(
        [1, 2, 3].map(() => claimNotice(knex, 'c-1', 'start', [TEAM_A], at)),
      );
      expect(claims.flat()).toEqual([TEAM_A]);
      await expect(
        claimNotice(knex, 'c-1', 'start', [TEAM_A], at),
      ).resolves.toEqual([]);
      await expect(
        claimNotice(knex, 'c-1', 'start', [TEAM_B], at),
      ).resolves.toEqual([TEAM_B]);
      await expect(
        claimNotice(knex, 'c-1', 'reminder-14', [TEAM_A], at),
      ).resolves.toEqual([TEAM_A]);
      await expect(
        claimNotice(knex, 'c-2', 'start', [TEAM_A], at),
      ).resolves.toEqual([TEAM_A]);
      const rows = await knex('campaign_notices')
        .orderBy(['campaign_id', 'notice', 'owner_ref'])
        .select('campaign_id', 'notice', 'owner_ref', 'sent_at');
      expect(
        rows.map(r => [
          r.campaign_id,
          r.notice,
          r.owner_ref,
          Number(r.sent_at),
        ]),
      ).toEqual([
        ['c-1', 'reminder-14', TEAM_A, at.getTime()],
        ['c-1', 'start', TEAM_A, at.getTime()],
        ['c-1', 'start', TEAM_B, at.getTime()],
        ['c-2', 'start', TEAM_A, at.getTime()],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'claims a notice for many owners at once, returning only those not claimed before, each to one of several claims, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createCampaign(knex, sampleCampaign('c-1'));
      const at = new Date('2026-12-01T00:10:00Z');
      await claimNotice(knex, 'c-1', 'start', [TEAM_B], at);

      const claimed = await claimNotice(
        knex,
        'c-1',
        'start',
        [TEAM_A, TEAM_B, TEAM_C, TEAM_A],
        at,
      );
      expect([...claimed].sort()).toEqual([TEAM_A, TEAM_C]);
      await expect(
        claimNotice(knex, 'c-1', 'start', [TEAM_A, TEAM_B, TEAM_C], at),
      ).resolves.toEqual([]);
      await expect(claimNotice(knex, 'c-1', 'start', [], at)).resolves.toEqual(
        [],
      );

      // Many owners, claimed by replicas at once: each owner once.
      const owners = Array.from(
        { length: 1_200 },
        (_, i) => `group:default/team-${i}`,
      );
      const claims = await Promise.all(
        [owners, [...owners].reverse(), owners.slice(600)].map(refs =>
          claimNotice(knex, 'c-1', 'reminder-14', refs, at),
        ),
      );
      expect(claims.flat().sort()).toEqual([...owners].sort());
    },
  );

  it.each(databases.eachSupportedId())(
    'claims nothing of a notice claimed for every owner before notices were claimed per owner, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createCampaign(knex, sampleCampaign('c-1'));
      await knex('campaign_notices').insert({
        campaign_id: 'c-1',
        notice: 'start',
        owner_ref: '',
        sent_at: 1,
      });
      const at = new Date('2026-12-01T00:10:00Z');
      await expect(
        claimNotice(knex, 'c-1', 'start', [TEAM_A, TEAM_B], at),
      ).resolves.toEqual([]);
      await expect(
        claimNotice(knex, 'c-1', 'reminder-14', [TEAM_A], at),
      ).resolves.toEqual([TEAM_A]);
      expect(
        await knex('campaign_notices')
          .where({ campaign_id: 'c-1', notice: 'start' })
          .pluck('owner_ref'),
      ).toEqual(['']);
    },
  );
});
