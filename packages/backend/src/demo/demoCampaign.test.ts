import { LoggerService } from '@backstage/backend-plugin-api';
import {
  defineDemoCampaign,
  demoCampaign,
  demoCampaignRun,
} from './demoCampaign';

const discovery = {
  getBaseUrl: async (plugin: string) => `http://backend/api/${plugin}`,
  getExternalBaseUrl: async (plugin: string) => `http://backend/api/${plugin}`,
};
const alice = 'user:default/alice-nguyen';
const NOW = new Date('2026-12-06T17:00:00Z');
const mockLogger = () =>
  ({
    debug: jest.fn(),
    info: jest.fn(),
    warn: jest.fn(),
    error: jest.fn(),
  } as unknown as jest.Mocked<LoggerService>);
const SCORED = [
  'component:default/api-gateway',
  'component:default/cart-service',
];

/** A backend answering the calls defineDemoCampaign makes; records posts. */
function fakeBackend(options: { campaigns?: unknown[]; scored?: string[] }) {
  const posted: Array<{ url: string; body: unknown }> = [];
  const campaigns = [...(options.campaigns ?? [])];
  const answer = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status });
  const fetchMock = jest.fn(async (url: string, init?: RequestInit) => {
    if (url === 'http://backend/api/auth/demoPlatformLead/refresh') {
      return answer({
        backstageIdentity: { token: 't', identity: { userEntityRef: alice } },
      });
    }
    if (url === 'http://backend/api/maturity/v1/campaigns') {
      if (init?.method === 'POST') {
        posted.push({ url, body: JSON.parse(String(init.body)) });
        campaigns.push({ id: 'c1' });
        return answer({ id: 'c1' }, 201);
      }
      return answer({ items: campaigns });
    }
    if (
      url ===
      'http://backend/api/maturity/v1/scorecards?kind=component&lifecycle=production&limit=1'
    ) {
      return answer({
        items: (options.scored ?? SCORED).map(entityRef => ({ entityRef })),
      });
    }
    return answer({}, 404);
  });
  return { fetchMock, posted };
}

describe('demoCampaign', () => {
  it('runs from 30 days ago to 60 days ahead, with milestones in between', () => {
    const campaign = demoCampaign(NOW);
    expect(campaign).toMatchObject({
      title: 'Tests gate every production deploy',
      ownerRef: 'group:default/platform',
      scope: {
        kinds: ['component'],
        lifecycles: ['production'],
        types: ['service', 'website'],
      },
      goal: {
        type: 'checks',
        checkIds: ['test.3.tests-required', 'test.4.e2e-gates-production'],
      },
      startsOn: '2026-11-06',
      deadline: '2027-02-04',
      milestones: [
        { date: '2026-12-31', targetShare: 0.6 },
        { date: '2027-01-25', targetShare: 0.85 },
      ],
    });
    // The configured reminders, and exemptions not counted: the defaults.
    expect(campaign).not.toHaveProperty('reminderDaysBefore');
    expect(campaign).not.toHaveProperty('allowExemptions');
  });
});

describe('defineDemoCampaign', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('defines the campaign as the platform team member, through the REST API', async () => {
    const { fetchMock, posted } = fakeBackend({});
    global.fetch = fetchMock as unknown as typeof fetch;

    await expect(defineDemoCampaign(discovery, NOW)).resolves.toEqual({
      userEntityRef: alice,
      created: 'c1',
    });
    expect(posted).toEqual([
      {
        url: 'http://backend/api/maturity/v1/campaigns',
        body: demoCampaign(NOW),
      },
    ]);
    const postInit = fetchMock.mock.calls.find(
      ([, init]) => init?.method === 'POST' && init.body,
    )?.[1];
    expect(postInit?.headers).toMatchObject({ Authorization: 'Bearer t' });
  });

  it('defines none while any campaign exists', async () => {
    const { fetchMock, posted } = fakeBackend({
      campaigns: [{ id: 'made-by-a-visitor' }],
    });
    global.fetch = fetchMock as unknown as typeof fetch;

    await expect(defineDemoCampaign(discovery, NOW)).resolves.toEqual({
      userEntityRef: alice,
    });
    expect(posted).toEqual([]);
  });

  it('waits (throws) until the plugin has scorecards', async () => {
    const { fetchMock, posted } = fakeBackend({ scored: [] });
    global.fetch = fetchMock as unknown as typeof fetch;

    await expect(defineDemoCampaign(discovery, NOW)).rejects.toThrow(
      'no scorecards yet',
    );
    expect(posted).toEqual([]);
  });

  it('does not wait for the history back-fill: one scorecard list request, then the campaign', async () => {
    const { fetchMock } = fakeBackend({});
    global.fetch = fetchMock as unknown as typeof fetch;

    await defineDemoCampaign(discovery, NOW);

    const maturityCalls = fetchMock.mock.calls
      .map(([url]) => url)
      .filter(url => url.startsWith('http://backend/api/maturity/'));
    expect(maturityCalls).toEqual([
      'http://backend/api/maturity/v1/campaigns',
      'http://backend/api/maturity/v1/scorecards?kind=component&lifecycle=production&limit=1',
      'http://backend/api/maturity/v1/campaigns',
    ]);
  });
});

describe('demoCampaignRun', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('tries each run until the campaign is defined, then no more', async () => {
    const notReady = fakeBackend({ scored: [] });
    global.fetch = notReady.fetchMock as unknown as typeof fetch;
    const run = demoCampaignRun(discovery, mockLogger());

    await run();
    expect(notReady.posted).toEqual([]);

    const ready = fakeBackend({});
    global.fetch = ready.fetchMock as unknown as typeof fetch;
    await run();
    expect(ready.posted).toHaveLength(1);

    ready.fetchMock.mockClear();
    await run();
    expect(ready.fetchMock).not.toHaveBeenCalled();
  });

  it('gives up, with a warning, once the plugin stayed unready too long', async () => {
    const { fetchMock, posted } = fakeBackend({ scored: [] });
    global.fetch = fetchMock as unknown as typeof fetch;
    const logger = mockLogger();
    const run = demoCampaignRun(discovery, logger, Date.now() - 31 * 60_000);

    await run();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('no scorecards yet'),
    );
    fetchMock.mockClear();
    await run();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(posted).toEqual([]);
  });
});
