import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import {
  CampaignInput,
  Rubric,
  utcDayOf,
  utcDayToDate,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { maturityPlugin } from '../plugin';
import { campaignRubric } from '../campaigns/__testUtils__/campaignFixtures';
import { readCampaignsConfig } from '../campaigns/readCampaignsConfig';
import { CampaignStore } from '../database/CampaignStore';
import { MaturityDatabase } from '../database/MaturityDatabase';
import { EntityEvaluator } from '../scoring/EntityEvaluator';
import { readIngestLimits } from './IngestLimits';
import { createRouter } from './router';
import { readSourceWriters } from './SourceWriters';

jest.setTimeout(60_000);

const BASE = '/api/maturity/v1';
const as = (userEntityRef: string) => ({
  Authorization: mockCredentials.user.header(userEntityRef),
});
/** Holds `maturity.campaign.manage`. */
const ANA = as('user:default/ana');
const BO = as('user:default/bo');
/** Holds no permission at all. */
const NOBODY = as('user:default/nobody');
const SERVICE = { Authorization: mockCredentials.service.header() };

const PAYMENTS = 'group:default/payments';
const CHECKOUT_TEAM = 'group:default/checkout';
const SEARCH_TEAM = 'group:default/search';

const input: CampaignInput = {
  title: 'Tests as required checks',
  ownerRef: 'Group:Default/Platform',
  scope: { owners: [PAYMENTS], includeSubgroups: true, kinds: ['Component'] },
  goal: { type: 'checks', checkIds: ['test.1.a', 'test.2.a'] },
  startsOn: '2026-12-01',
  deadline: '2027-03-31',
};

/** The campaign rubric with `test.3.b` disabled. */
const rubric: Rubric = {
  ...campaignRubric,
  categories: campaignRubric.categories.map(category => ({
    ...category,
    levels: category.levels.map(level => ({
      ...level,
      checks: level.checks.map(check =>
        check.id === 'test.3.b' ? { ...check, enabled: false } : check,
      ),
    })),
  })),
};

/**
 * The plugin's routes on its database, on a clock the test sets, with
 * `payments` the parent of `checkout` in the rollups, and a policy: ANA
 * manages campaigns, everyone but NOBODY reads.
 */
async function startBackend() {
  const clock = { now: new Date('2026-12-10T12:00:00Z') };
  const refreshed: string[] = [];
  let campaigns: CampaignStore | undefined;
  const rollups = {
    // The campaign routes read only the group tree; RollupStore needs this.
    async getRollup() {
      return undefined;
    },
    async replaceRollups() {},
    async readSubgroups(refs: string[]) {
      return new Map(
        refs
          .filter(ref => ref === PAYMENTS)
          .map(ref => [ref, [PAYMENTS, CHECKOUT_TEAM]]),
      );
    },
    async rollupsBuilt() {
      return false;
    },
  };
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, { credentials }) =>
      (requests as AuthorizePermissionRequest[]).map(r => {
        const principal = credentials.principal as {
          type: string;
          userEntityRef?: string;
        };
        if (principal.userEntityRef === 'user:default/nobody') {
          return { result: AuthorizeResult.DENY };
        }
        const mayManage =
          principal.userEntityRef === 'user:default/ana' ||
          principal.type === 'service';
        return {
          result:
            r.permission.name !== 'maturity.campaign.manage' || mayManage
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        };
      }),
  });
  const routes = createBackendPlugin({
    pluginId: 'maturity',
    register(env) {
      env.registerInit({
        deps: {
          database: coreServices.database,
          httpAuth: coreServices.httpAuth,
          httpRouter: coreServices.httpRouter,
          permissions: coreServices.permissions,
        },
        async init(services) {
          const db = await MaturityDatabase.create({
            database: services.database,
          });
          campaigns = db.campaigns;
          const config = new ConfigReader({});
          services.httpRouter.use(
            await createRouter({
              ...db,
              rollups,
              evaluator: { rubric } as EntityEvaluator,
              httpAuth: services.httpAuth,
              permissions: services.permissions,
              limits: readIngestLimits(config),
              writers: readSourceWriters(config, []),
              campaignRefresher: { refreshSoon: id => refreshed.push(id) },
              campaignReminderDaysBefore:
                readCampaignsConfig(config).reminderDaysBefore,
              now: () => clock.now,
            }),
          );
        },
      });
    },
  });
  const { server } = await startTestBackend({
    features: [
      routes,
      permissions.factory,
      // A request without a token is refused, as a real backend does.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  return { server, clock, refreshed, campaigns: campaigns! };
}

describe('campaign routes', () => {
  it('creates a campaign with its defaults, lists, reads, changes and deletes it', async () => {
    const { server, refreshed, clock } = await startBackend();
    const created = await request(server)
      .post(`${BASE}/campaigns`)
      .set(ANA)
      .send(input);
    expect(created.status).toBe(201);
    const { id } = created.body;
    expect(created.body).toEqual({
      id: expect.any(String),
      title: 'Tests as required checks',
      description: '',
      ownerRef: 'group:default/platform',
      scope: {
        owners: [PAYMENTS],
        includeSubgroups: true,
        kinds: ['component'],
      },
      goal: { type: 'checks', checkIds: ['test.1.a', 'test.2.a'] },
      allowExemptions: false,
      startsOn: '2026-12-01',
      deadline: '2027-03-31',
      milestones: [],
      reminderDaysBefore: [14, 3],
      status: 'active',
      createdBy: 'user:default/ana',
      createdAt: '2026-12-10T12:00:00.000Z',
      updatedBy: 'user:default/ana',
      updatedAt: '2026-12-10T12:00:00.000Z',
    });
    expect(refreshed).toEqual([id]);

    // Readers read it, with its figures once computed.
    const listed = await request(server).get(`${BASE}/campaigns`).set(BO);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([created.body]);
    const read = await request(server).get(`${BASE}/campaigns/${id}`).set(BO);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ campaign: created.body, days: [], teams: [] });

    // A change replaces every field, keeps who created it, and asks for
    // the figures again.
    clock.now = new Date('2026-12-11T08:00:00Z');
    const changed = await request(server)
      .put(`${BASE}/campaigns/${id}`)
      .set(SERVICE)
      .send({
        ...input,
        description: ' By the end of Q1 ',
        deadline: '2027-04-30',
        milestones: [
          { date: '2027-03-01', targetShare: 0.8 },
          { date: '2027-01-15', targetShare: 0.5 },
        ],
        reminderDaysBefore: [3, 30, 3],
        allowExemptions: true,
      });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      id,
      description: 'By the end of Q1',
      deadline: '2027-04-30',
      milestones: [
        { date: '2027-01-15', targetShare: 0.5 },
        { date: '2027-03-01', targetShare: 0.8 },
      ],
      reminderDaysBefore: [30, 3],
      allowExemptions: true,
      createdBy: 'user:default/ana',
      createdAt: '2026-12-10T12:00:00.000Z',
      updatedBy: mockCredentials.service().principal.subject,
      updatedAt: '2026-12-11T08:00:00.000Z',
    });
    expect(refreshed).toEqual([id, id]);
    expect(
      (await request(server).get(`${BASE}/campaigns/${id}`).set(BO)).body
        .campaign,
    ).toEqual(changed.body);

    const deleted = await request(server)
      .delete(`${BASE}/campaigns/${id}`)
      .set(ANA);
    expect(deleted.status).toBe(204);
    expect(
      (await request(server).get(`${BASE}/campaigns/${id}`).set(BO)).status,
    ).toBe(404);
    expect(
      (await request(server).get(`${BASE}/campaigns`).set(BO)).body.items,
    ).toEqual([]);
  });

  it('serves the burn-up, the teams most short first, the entities and each entity its campaigns', async () => {
    const { server, campaigns } = await startBackend();
    const create = (body: CampaignInput) =>
      request(server).post(`${BASE}/campaigns`).set(ANA).send(body);
    const { id } = (await create(input)).body;
    const later = (
      await create({ ...input, title: 'Later', deadline: '2027-06-30' })
    ).body.id;
    await campaigns.writeDay(id, {
      day: '2026-12-09',
      inScope: 3,
      meeting: 0,
      teams: [],
    });
    await campaigns.writeDay(
      id,
      {
        day: '2026-12-10',
        inScope: 4,
        meeting: 1,
        teams: [
          { ownerRef: CHECKOUT_TEAM, inScope: 1, meeting: 1 },
          { ownerRef: SEARCH_TEAM, inScope: 1, meeting: 0 },
          { ownerRef: PAYMENTS, inScope: 2, meeting: 0 },
        ],
      },
      [
        {
          entityRef: 'component:default/a',
          ownerRef: PAYMENTS,
          meetsGoal: false,
          shortfall: { failingChecks: ['test.1.a'] },
        },
        {
          entityRef: 'component:default/b',
          ownerRef: PAYMENTS,
          meetsGoal: false,
          shortfall: { failingChecks: ['test.2.a'] },
        },
        {
          entityRef: 'component:default/c',
          ownerRef: CHECKOUT_TEAM,
          meetsGoal: true,
        },
        {
          entityRef: 'component:default/d',
          ownerRef: SEARCH_TEAM,
          meetsGoal: false,
          shortfall: { failingChecks: ['test.1.a'] },
        },
      ],
    );
    await campaigns.writeDay(
      later,
      { day: '2026-12-10', inScope: 1, meeting: 0, teams: [] },
      [
        {
          entityRef: 'component:default/d',
          ownerRef: SEARCH_TEAM,
          meetsGoal: false,
          shortfall: { failingChecks: ['test.2.a'] },
        },
      ],
    );

    const latest = { day: '2026-12-10', inScope: 4, meeting: 1 };

    const progress = await request(server)
      .get(`${BASE}/campaigns/${id}`)
      .set(BO);
    expect(progress.status).toBe(200);
    expect(progress.body.days).toEqual([
      { day: '2026-12-09', inScope: 3, meeting: 0 },
      { day: '2026-12-10', inScope: 4, meeting: 1 },
    ]);
    expect(progress.body.teams).toEqual([
      { ownerRef: PAYMENTS, inScope: 2, meeting: 0 },
      { ownerRef: SEARCH_TEAM, inScope: 1, meeting: 0 },
      { ownerRef: CHECKOUT_TEAM, inScope: 1, meeting: 1 },
    ]);

    // Those short owned by payments or its sub-group checkout: a and b.
    const short = await request(server)
      .get(`${BASE}/campaigns/${id}/entities`)
      .query({ meetsGoal: 'false', owner: 'group:payments', limit: 1 })
      .set(BO);
    expect(short.status).toBe(200);
    expect(short.body).toEqual({
      items: [
        {
          entityRef: 'component:default/a',
          ownerRef: PAYMENTS,
          meetsGoal: false,
          shortfall: { failingChecks: ['test.1.a'] },
        },
      ],
      totalCount: 2,
    });
    const meeting = await request(server)
      .get(`${BASE}/campaigns/${id}/entities?meetsGoal=true`)
      .set(BO);
    expect(meeting.body.items.map((e: any) => e.entityRef)).toEqual([
      'component:default/c',
    ]);

    // A team's campaigns with its part: payments counts checkout's too;
    // search is in both campaigns, nearest deadline first.
    const payments = await request(server)
      .get(`${BASE}/campaigns`)
      .query({ team: PAYMENTS })
      .set(BO);
    expect(payments.status).toBe(200);
    expect(payments.body.items.map((c: any) => [c.id, c.team])).toEqual([
      [id, { inScope: 3, meeting: 1 }],
    ]);
    const search = await request(server)
      .get(`${BASE}/campaigns`)
      .query({ team: SEARCH_TEAM })
      .set(BO);
    expect(search.body.items.map((c: any) => [c.id, c.team])).toEqual([
      [id, { inScope: 1, meeting: 0 }],
      [later, { inScope: 1, meeting: 0 }],
    ]);
    expect(search.body.items[0].latest).toEqual(latest);
    expect(progress.body.campaign.latest).toEqual(latest);

    const entity = await request(server)
      .get(`${BASE}/entities/component/default/D/campaigns`)
      .set(BO);
    expect(entity.status).toBe(200);
    expect(
      entity.body.items.map((i: any) => [
        i.campaign.id,
        i.meetsGoal,
        i.shortfall,
      ]),
    ).toEqual([
      [id, false, { failingChecks: ['test.1.a'] }],
      [later, false, { failingChecks: ['test.2.a'] }],
    ]);
    expect(
      (
        await request(server)
          .get(`${BASE}/entities/component/default/unknown/campaigns`)
          .set(BO)
      ).body,
    ).toEqual({ items: [] });
  });

  it('derives the status from the day and keeps a finished campaign read-only', async () => {
    const { server, clock, campaigns } = await startBackend();
    const { id } = (
      await request(server)
        .post(`${BASE}/campaigns`)
        .set(ANA)
        .send({ ...input, startsOn: '2026-12-20', deadline: '2026-12-31' })
    ).body;
    const status = async () =>
      (await request(server).get(`${BASE}/campaigns/${id}`).set(BO)).body
        .campaign.status;
    expect(await status()).toBe('upcoming');
    clock.now = new Date('2026-12-20T00:00:00Z');
    expect(await status()).toBe('active');
    clock.now = new Date('2026-12-31T23:59:59Z');
    expect(await status()).toBe('active');
    await campaigns.writeDay(
      id,
      { day: '2026-12-31', inScope: 1, meeting: 0, teams: [] },
      [
        {
          entityRef: 'component:default/a',
          ownerRef: PAYMENTS,
          meetsGoal: false,
        },
      ],
    );
    clock.now = new Date('2027-01-01T00:00:00Z');
    expect(await status()).toBe('finished');
    // Finished by its date, then kept final: since when is on the wire.
    const read = async () =>
      (await request(server).get(`${BASE}/campaigns/${id}`).set(BO)).body
        .campaign;
    expect(await read()).not.toHaveProperty('finishedAt');
    await campaigns.markFinished(id, new Date('2027-01-01T00:10:00Z'));
    expect(await read()).toMatchObject({
      status: 'finished',
      finishedAt: '2027-01-01T00:10:00.000Z',
    });

    const changed = await request(server)
      .put(`${BASE}/campaigns/${id}`)
      .set(ANA)
      .send({ ...input, deadline: '2027-01-31' });
    expect(changed.status).toBe(409);
    expect(changed.body.error.message).toMatch(/finished/);
    const deleted = await request(server)
      .delete(`${BASE}/campaigns/${id}`)
      .set(ANA);
    expect(deleted.status).toBe(409);
    expect((await campaigns.getCampaign(id))?.deadline).toBe('2026-12-31');

    // Finished campaigns stay on the campaign pages, not on entity tabs.
    expect(
      (await request(server).get(`${BASE}/campaigns`).set(BO)).body.items,
    ).toHaveLength(1);
    expect(
      (
        await request(server)
          .get(`${BASE}/entities/component/default/a/campaigns`)
          .set(BO)
      ).body,
    ).toEqual({ items: [] });
  });

  it('lists a page of the campaigns of the statuses asked for, with or without a team', async () => {
    const { server, clock, campaigns } = await startBackend();
    const create = async (title: string, startsOn: string, deadline: string) =>
      (
        await request(server)
          .post(`${BASE}/campaigns`)
          .set(ANA)
          .send({ ...input, title, startsOn, deadline })
      ).body.id as string;
    const ended = await create('Ended', '2026-12-01', '2026-12-31');
    const running = await create('Running', '2026-12-01', '2027-03-31');
    const started = await create('Started', '2026-12-20', '2027-01-31');
    const coming = await create('Coming', '2027-02-01', '2027-04-30');
    await campaigns.writeDay(
      running,
      { day: '2027-01-05', inScope: 1, meeting: 1, teams: [] },
      [
        {
          entityRef: 'component:default/a',
          ownerRef: CHECKOUT_TEAM,
          meetsGoal: true,
        },
      ],
    );
    await campaigns.markFinished(ended, new Date('2027-01-01T00:10:00Z'));
    clock.now = new Date('2027-01-05T12:00:00Z');

    const list = (query: string) =>
      request(server).get(`${BASE}/campaigns?${query}`).set(BO);
    const page = async (query: string) => {
      const res = await list(query);
      expect(res.status).toBe(200);
      return [
        res.body.items.map((c: any) => [c.id, c.status]),
        res.body.totalCount,
      ];
    };

    await expect(page('')).resolves.toEqual([
      [
        [ended, 'finished'],
        [started, 'active'],
        [running, 'active'],
        [coming, 'upcoming'],
      ],
      4,
    ]);
    await expect(page('status=active&status=upcoming')).resolves.toEqual([
      [
        [started, 'active'],
        [running, 'active'],
        [coming, 'upcoming'],
      ],
      3,
    ]);
    await expect(page('status=active')).resolves.toEqual([
      [
        [started, 'active'],
        [running, 'active'],
      ],
      2,
    ]);
    await expect(
      page('status=upcoming&status=active&limit=2&offset=1'),
    ).resolves.toEqual([
      [
        [running, 'active'],
        [coming, 'upcoming'],
      ],
      3,
    ]);
    const finished = await list('status=finished');
    expect(finished.body).toEqual({
      items: [
        expect.objectContaining({
          id: ended,
          status: 'finished',
          finishedAt: '2027-01-01T00:10:00.000Z',
        }),
      ],
      totalCount: 1,
    });

    // A team's part, filtered and paged the same way.
    const team = await list(
      `team=${encodeURIComponent(PAYMENTS)}&status=active&limit=1`,
    );
    expect(team.body.items.map((c: any) => [c.id, c.team])).toEqual([
      [running, { inScope: 1, meeting: 1 }],
    ]);
    expect(team.body.totalCount).toBe(1);
    await expect(
      page(`team=${encodeURIComponent(PAYMENTS)}&status=finished`),
    ).resolves.toEqual([[], 0]);

    for (const [query, field] of [
      ['status=done', 'status'],
      ['status=active&status=later', 'status'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['offset=-1', 'offset'],
    ]) {
      const res = await list(query);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
  });

  it.each([
    [
      'a deadline before the start',
      { startsOn: '2027-01-10', deadline: '2027-01-09' },
      /^deadline: must not be before startsOn/,
    ],
    [
      'a day not on the calendar',
      { startsOn: '2027-02-30' },
      /^startsOn: must be a day of the calendar/,
    ],
    [
      'a milestone after the deadline',
      { milestones: [{ date: '2027-04-01', targetShare: 0.5 }] },
      /^milestones\[0\]\.date: must be between startsOn and deadline/,
    ],
    [
      'a milestone before the start',
      {
        milestones: [
          { date: '2027-01-01', targetShare: 0.2 },
          { date: '2026-11-30', targetShare: 0.1 },
        ],
      },
      /^milestones\[1\]\.date: must be between startsOn and deadline/,
    ],
    [
      'two milestones on one day',
      {
        milestones: [
          { date: '2027-01-01', targetShare: 0.2 },
          { date: '2027-01-01', targetShare: 0.3 },
        ],
      },
      /^milestones\[1\]\.date: given twice/,
    ],
    [
      'an owner that is not a group',
      { ownerRef: 'user:default/ana' },
      /^ownerRef: must be a group ref/,
    ],
    [
      'an owner ref without a kind',
      { ownerRef: 'platform' },
      /^ownerRef: must be an entity ref/,
    ],
    [
      'a goal check the rubric does not have',
      { goal: { type: 'checks', checkIds: ['test.1.a', 'test.9.x'] } },
      /^goal\.checkIds\[1\]: unknown check "test\.9\.x"/,
    ],
    [
      'a goal check the rubric has disabled',
      { goal: { type: 'checks', checkIds: ['test.1.a', 'test.3.b'] } },
      /^goal\.checkIds\[1\]: check "test\.3\.b" is disabled/,
    ],
    [
      'a scope owner that is neither a group nor a user',
      { scope: { owners: [PAYMENTS, 'component:default/shop'] } },
      /^scope\.owners\[1\]: must be a group or user ref/,
    ],
    [
      'a start more than a year back',
      { startsOn: '2025-12-08' },
      /^startsOn: must be at most 366 days before today/,
    ],
    [
      'a start in year 1',
      { startsOn: '0001-01-01' },
      /^startsOn: must be at most 366 days before today/,
    ],
    [
      'a campaign longer than two years',
      { deadline: '2028-12-02' },
      /^deadline: must be at most 731 days after startsOn/,
    ],
    [
      'a deadline in the past',
      { deadline: '2026-12-09' },
      /^deadline: must not be before today/,
    ],
    [
      'a scope system that is not a system',
      { scope: { systems: ['component:default/shop'] } },
      /^scope\.systems\[0\]: must be a system ref/,
    ],
    ['a blank title', { title: '   ' }, /^title: must not be blank/],
    [
      'a lone surrogate',
      { scope: { types: ['service', 'x\ud800'] } },
      /^scope\.types\[1\]: must be well-formed Unicode/,
    ],
  ])(
    'refuses %s naming the field, writing nothing',
    async (_name, change, message) => {
      const { server, refreshed, campaigns } = await startBackend();
      const created = await request(server)
        .post(`${BASE}/campaigns`)
        .set(ANA)
        .send({ ...input, ...change });
      expect(created.status).toBe(400);
      expect(created.body.error.message).toMatch(message);

      const { body } = await request(server)
        .post(`${BASE}/campaigns`)
        .set(ANA)
        .send(input);
      const changed = await request(server)
        .put(`${BASE}/campaigns/${body.id}`)
        .set(ANA)
        .send({ ...input, ...change });
      expect(changed.status).toBe(400);
      expect(changed.body.error.message).toMatch(message);
      expect(await campaigns.getCampaign(body.id)).toMatchObject({
        title: input.title,
        startsOn: input.startsOn,
        deadline: input.deadline,
      });
      expect(await campaigns.listCampaigns()).toHaveLength(1);
      expect(refreshed).toEqual([body.id]);
    },
  );

  it('takes groups and users as scope owners', async () => {
    const { server } = await startBackend();
    const created = await request(server)
      .post(`${BASE}/campaigns`)
      .set(ANA)
      .send({ ...input, scope: { owners: ['group:payments', 'User:ana'] } });
    expect(created.status).toBe(201);
    expect(created.body.scope.owners).toEqual([PAYMENTS, 'user:default/ana']);
  });

  it('takes a campaign at its bounds, and a start long past when a change keeps it', async () => {
    const { server, clock } = await startBackend();
    const post = (body: CampaignInput) =>
      request(server).post(`${BASE}/campaigns`).set(ANA).send(body);
    const widest = { ...input, startsOn: '2025-12-09', deadline: '2027-12-10' };
    const created = await post(widest);
    expect(created.status).toBe(201);
    expect((await post({ ...input, deadline: '2028-12-01' })).status).toBe(201);
    expect(
      (await post({ ...input, startsOn: '2026-12-10', deadline: '2026-12-10' }))
        .status,
    ).toBe(201);

    // A year on, its start is long past: kept, it may stay; moved, not.
    clock.now = new Date('2027-06-01T09:00:00Z');
    const put = (body: CampaignInput) =>
      request(server)
        .put(`${BASE}/campaigns/${created.body.id}`)
        .set(ANA)
        .send(body);
    const kept = await put({ ...widest, title: 'Renamed' });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({
      title: 'Renamed',
      startsOn: '2025-12-09',
    });
    const moved = await put({ ...widest, startsOn: '2025-12-10' });
    expect(moved.status).toBe(400);
    expect(moved.body.error.message).toBe(
      'startsOn: must be at most 366 days before today',
    );
    // Nor may a change end it in the past, which would finish it at once.
    const ended = await put({ ...widest, deadline: '2027-05-31' });
    expect(ended.status).toBe(400);
    expect(ended.body.error.message).toBe('deadline: must not be before today');
  });

  it('refuses what the spec rules out, naming the field', async () => {
    const { server } = await startBackend();
    const post = (body: object) =>
      request(server).post(`${BASE}/campaigns`).set(ANA).send(body);
    const { title, ...untitled } = input;
    const cases: Array<[object, RegExp]> = [
      [untitled, /title/],
      [{ ...input, goal: { type: 'mlopsLevel', level: 3 } }, /goal/],
      [{ ...input, goal: { type: 'overallLevel', level: 0 } }, /goal/],
      [{ ...input, startsOn: '1 Dec 2026' }, /startsOn/],
      [
        { ...input, milestones: [{ date: '2027-01-01', targetShare: 2 }] },
        /targetShare/,
      ],
      [{ ...input, scope: { teams: [PAYMENTS] } }, /scope/],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    const team = await request(server)
      .get(`${BASE}/campaigns`)
      .query({ team: 'user:default/ana' })
      .set(BO);
    expect(team.status).toBe(400);
    expect(team.body.error.message).toMatch(/^team: must be a group ref/);
    const owner = await request(server)
      .get(`${BASE}/campaigns/x/entities`)
      .query({ owner: 'system:default/shop' })
      .set(BO);
    expect(owner.status).toBe(400);
  });

  it('needs a caller, the read permission to read and the manage permission to change', async () => {
    const { server, campaigns } = await startBackend();
    const { id } = (
      await request(server).post(`${BASE}/campaigns`).set(ANA).send(input)
    ).body;
    const routes = [
      () => request(server).get(`${BASE}/campaigns`),
      () => request(server).get(`${BASE}/campaigns/${id}`),
      () => request(server).get(`${BASE}/campaigns/${id}/entities`),
      () =>
        request(server).get(`${BASE}/entities/component/default/a/campaigns`),
      () => request(server).post(`${BASE}/campaigns`).send(input),
      () => request(server).put(`${BASE}/campaigns/${id}`).send(input),
      () => request(server).delete(`${BASE}/campaigns/${id}`),
    ];
    for (const route of routes) {
      expect((await route()).status).toBe(401);
      const denied = await route().set(NOBODY);
      expect(denied.status).toBe(403);
    }
    // A reader without the manage permission reads but never changes.
    for (const route of routes.slice(0, 4)) {
      expect((await route().set(BO)).status).toBe(200);
    }
    for (const route of routes.slice(4)) {
      const denied = await route().set(BO);
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toContain('maturity.campaign.manage');
    }
    expect(await campaigns.listCampaigns()).toHaveLength(1);
    expect((await campaigns.getCampaign(id))?.updatedBy).toBe(
      'user:default/ana',
    );
  });

  it('is served by the plugin, on its database and its rubric', async () => {
    const { server } = await startTestBackend({
      features: [maturityPlugin, catalogServiceMock.factory({ entities: [] })],
    });
    // On the real clock: a campaign from today on.
    const today = utcDayOf(new Date());
    const current = {
      ...input,
      startsOn: utcDayToDate(today),
      deadline: utcDayToDate(today + 90),
    };
    const created = await request(server)
      .post(`${BASE}/campaigns`)
      .set(ANA)
      .send({
        ...current,
        goal: { type: 'checks', checkIds: ['test.3.e2e-tests'] },
      });
    expect(created.status).toBe(201);
    const listed = await request(server).get(`${BASE}/campaigns`).set(BO);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([
      created.body.id,
    ]);
    // The test rubric's checks are not the plugin's.
    const unknown = await request(server)
      .post(`${BASE}/campaigns`)
      .set(ANA)
      .send(current);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^goal\.checkIds\[0\]: /);
  });

  it('answers 404 for an unknown campaign', async () => {
    const { server } = await startBackend();
    for (const res of [
      await request(server).get(`${BASE}/campaigns/nope`).set(ANA),
      await request(server).put(`${BASE}/campaigns/nope`).set(ANA).send(input),
      await request(server).delete(`${BASE}/campaigns/nope`).set(ANA),
      await request(server).get(`${BASE}/campaigns/nope/entities`).set(ANA),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe('No campaign nope');
    }
  });
});
