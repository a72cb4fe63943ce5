import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  defaultRubric,
  Rollup,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { migratedDatabase } from '../database/__testUtils__/migratedDatabase';
import { sampleCampaign } from '../database/__testUtils__/sampleCampaigns';
import { EvaluationRecord } from '../database/ScorecardStore';
import { FakeNotificationService } from '../notifications/__testUtils__/FakeNotificationService';
import { CampaignOwnerNotifier } from '../notifications/CampaignOwnerNotifier';
import { EntityOwners } from '../notifications/EntityOwners';
import { OwnerNotificationSender } from '../notifications/OwnerNotificationSender';
import { RubricTitles } from '../notifications/RubricTitles';
import { makeEvaluation } from '../testing/makeEvaluation';
import { CampaignProgressUpdater } from './CampaignProgressUpdater';
import { StoredGroupTree } from '../rollups/StoredGroupTree';

jest.setTimeout(60_000);

const ENGINEERING = 'group:default/engineering';
const CHECKOUT = 'group:default/checkout';
const CART = 'group:default/cart';
const PAYMENTS = 'group:default/payments';
const CHECK = 'test.1.tests';

/** A component of `owner`, failing the campaign's check or not. */
function component(
  name: string,
  owner: string,
  failing: boolean,
): EvaluationRecord {
  return makeEvaluation(`component:default/${name}`, {
    owner,
    levels: [2, 2, 2, 2, 2],
    failing: failing ? [CHECK] : [],
  });
}

describe('CampaignProgressUpdater on the database', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'back-fills a campaign from history, keeps today current, tells the teams behind once and freezes the deadline, %p',
    async databaseId => {
      const { db } = await migratedDatabase(databases, databaseId);
      const save = (records: EvaluationRecord[], day: string) =>
        db.results.saveEvaluations(records, new Date(`${day}T10:00:00Z`));
      await save(
        [
          component('api', CHECKOUT, true),
          component('web', CART, false),
          component('ledger', PAYMENTS, true),
        ],
        '2026-11-20',
      );
      await save([component('api', CHECKOUT, false)], '2026-11-22');
      await save([component('web', CART, true)], '2026-11-23');
      const campaign = sampleCampaign('tests', {
        scope: { owners: [ENGINEERING], includeSubgroups: true },
        goal: { type: 'checks', checkIds: [CHECK] },
        startsOn: '2026-11-21',
        deadline: '2026-11-25',
        reminderDaysBefore: [3],
      });
      await db.campaigns.createCampaign(campaign);
      // The group tree as the last rollup rebuild stored it.
      const rollup = (scopeRef: string, groupRefs?: string[]) =>
        ({
          scopeRef,
          scopeKind: scopeRef === 'org' ? 'org' : 'group',
          computedAt: '2026-11-23T11:00:00.000Z',
          entityCount: 0,
          ...(groupRefs ? { groupRefs } : {}),
        } as unknown as Rollup);
      await db.rollups.replaceRollups([
        rollup('org'),
        rollup(ENGINEERING, [ENGINEERING, CHECKOUT, CART]),
        rollup(CHECKOUT, [CHECKOUT]),
        rollup(CART, [CART]),
        rollup(PAYMENTS, [PAYMENTS]),
      ]);
      const notifications = new FakeNotificationService();
      const logger = mockServices.logger.mock();
      const progress = new CampaignProgressUpdater({
        store: db.campaigns,
        rubric: defaultRubric,
        ownerGroups: new StoredGroupTree(db.rollups),
        notifier: new CampaignOwnerNotifier({
          store: db.campaigns,
          sender: new OwnerNotificationSender({ notifications, logger }),
          titles: new RubricTitles(defaultRubric),
          owners: new EntityOwners({
            catalog: catalogServiceMock(),
            auth: mockServices.auth(),
            logger,
          }),
          logger,
        }),
        logger,
      });

      await progress.updateAll(new Date('2026-11-23T12:00:00Z'));

      // The 21st from the points of the 20th, the 22nd from api's new one,
      // today from the scorecards; payments is not under engineering.
      expect(await db.campaigns.readDays('tests')).toEqual([
        {
          day: '2026-11-21',
          inScope: 2,
          meeting: 1,
          teams: [
            { ownerRef: CHECKOUT, inScope: 1, meeting: 0 },
            { ownerRef: CART, inScope: 1, meeting: 1 },
          ],
        },
        expect.objectContaining({ day: '2026-11-22', inScope: 2, meeting: 2 }),
        {
          day: '2026-11-23',
          inScope: 2,
          meeting: 1,
          teams: [
            { ownerRef: CART, inScope: 1, meeting: 0 },
            { ownerRef: CHECKOUT, inScope: 1, meeting: 1 },
          ],
        },
      ]);
      expect(
        await db.campaigns.listCampaignEntities('tests', {
          meetsGoal: false,
          limit: 10,
          offset: 0,
        }),
      ).toEqual({
        items: [
          {
            entityRef: 'component:default/web',
            title: 'web',
            ownerRef: CART,
            meetsGoal: false,
            shortfall: { failingChecks: [CHECK] },
          },
        ],
        totalCount: 1,
      });
      // The start and the 3-day reminder fall due together: one notice, to
      // the team behind.
      expect(notifications.sent).toEqual([
        expect.objectContaining({
          recipients: { type: 'entity', entityRef: [CART] },
          payload: expect.objectContaining({
            title: `Campaign started: ${campaign.title}`,
            link: '/maturity?view=campaigns&campaign=tests',
          }),
        }),
      ]);

      await save([component('web', CART, false)], '2026-11-24');
      await progress.updateAll(new Date('2026-11-24T12:00:00Z'));
      expect((await db.campaigns.readDays('tests')).at(-1)).toMatchObject({
        day: '2026-11-24',
        inScope: 2,
        meeting: 2,
      });
      expect(notifications.sent).toHaveLength(1);
      expect((await db.campaigns.getCampaign('tests'))?.finishedAt).toBe(
        undefined,
      );

      // The deadline (the 25th) passed unseen: computed from history, then
      // the campaign is finished and keeps its figures.
      await save([component('web', CART, true)], '2026-11-26');
      await progress.updateAll(new Date('2026-11-27T08:00:00Z'));
      const days = await db.campaigns.readDays('tests');
      expect(days.map(d => d.day)).toEqual([
        '2026-11-21',
        '2026-11-22',
        '2026-11-23',
        '2026-11-24',
        '2026-11-25',
      ]);
      expect(days.at(-1)).toMatchObject({ inScope: 2, meeting: 2 });
      const finished = await db.campaigns.getCampaign('tests');
      expect(finished?.finishedAt).toEqual(new Date('2026-11-27T08:00:00Z'));
      expect(finished?.latest).toEqual({
        day: '2026-11-25',
        inScope: 2,
        meeting: 2,
      });
      await expect(
        db.campaigns.listCampaignEntities('tests', {
          meetsGoal: false,
          limit: 10,
          offset: 0,
        }),
      ).resolves.toEqual({ items: [], totalCount: 0 });
    },
  );

  it.each(databases.eachSupportedId())(
    'recomputes the days computed before the history back-fill reached them, %p',
    async databaseId => {
      const { db } = await migratedDatabase(databases, databaseId);
      // Only today's evaluation so far: the first days read no history.
      await db.results.saveEvaluations(
        [component('api', CHECKOUT, false), component('web', CART, true)],
        new Date('2026-11-23T10:00:00Z'),
      );
      await db.campaigns.createCampaign(
        sampleCampaign('tests', {
          scope: { owners: [CHECKOUT, CART] },
          goal: { type: 'checks', checkIds: [CHECK] },
          startsOn: '2026-11-21',
          deadline: '2026-11-30',
        }),
      );
      const logger = mockServices.logger.mock();
      const progress = new CampaignProgressUpdater({
        store: db.campaigns,
        rubric: defaultRubric,
        ownerGroups: {
          withSubgroups: async refs => ({ groupRefs: refs, treeKnown: true }),
        },
        notifier: { notifyDue: async () => {} },
        logger,
      });
      const now = new Date('2026-11-23T12:00:00Z');
      await progress.updateAll(now);
      expect(
        (await db.campaigns.readDays('tests')).map(d => [d.day, d.inScope]),
      ).toEqual([
        ['2026-11-21', 0],
        ['2026-11-22', 0],
        ['2026-11-23', 2],
      ]);

      // The back-fill lands the points in force on the 21st (a later
      // write than the days' computation).
      await new Promise(resolve => setTimeout(resolve, 5));
      await db.history.saveHistory(
        [component('api', CHECKOUT, true), component('web', CART, true)],
        new Date('2026-11-21T00:00:00Z'),
      );
      await progress.updateAll(new Date('2026-11-23T12:10:00Z'));

      expect(
        (await db.campaigns.readDays('tests')).map(d => [
          d.day,
          d.inScope,
          d.meeting,
        ]),
      ).toEqual([
        ['2026-11-21', 2, 0],
        ['2026-11-22', 2, 0],
        ['2026-11-23', 2, 1],
      ]);
    },
  );
});
