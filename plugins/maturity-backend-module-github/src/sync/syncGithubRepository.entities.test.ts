import { mockServices } from '@backstage/backend-test-utils';
import { IngestResult } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { SourceEvent } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { RecordingSink } from '@maturity-for-backstage/backstage-plugin-maturity-node/testUtils';
import { http } from 'msw';
import pulls from '../__fixtures__/pulls.json';
import { GithubRepository } from '../catalog/readRepositoryMap';
import {
  ENTITY,
  REPO_API,
  repository,
  restAnswer,
  testGithubClient,
} from '../__testUtils__/githubApi';
import { setupGithubApiServer } from '../__testUtils__/setupGithubApiServer';
import { SyncLimits } from './SyncLimits';
import { syncGithubRepositories } from './syncGithubRepositories';

jest.setTimeout(20_000);

const { server, seen } = setupGithubApiServer();
const client = testGithubClient();
const logger = mockServices.logger.mock();

const NOW = new Date('2026-11-20T12:00:00Z');
const LATER = new Date('2026-11-20T13:00:00Z');
/** 90 days before LATER: where a re-read at LATER starts. */
const LATER_LOOKBACK_START = '2026-08-22T13:00:00.000Z';
const CART = 'component:default/cart-api';

const alone: GithubRepository = repository;
const shared: GithubRepository = {
  ...repository,
  entities: [{ entityRef: CART }, { entityRef: ENTITY }],
};

/** A RecordingSink that also tells what each write did, by entity. */
class TallyingSink extends RecordingSink {
  readonly byEntity = new Map<string, IngestResult>();

  async write(events: SourceEvent[]): Promise<IngestResult> {
    const before = new Map(this.events);
    const result = await super.write(events);
    for (const event of events) {
      if (event.type === 'repo_fact') continue;
      const key = `${event.type}:${event.externalId}`;
      const tally = this.byEntity.get(event.entityRef) ?? {
        created: 0,
        updated: 0,
        unchanged: 0,
      };
      if (!before.has(key)) tally.created++;
      else if (before.get(key) !== this.events.get(key)) tally.updated++;
      else tally.unchanged++;
      this.byEntity.set(event.entityRef, tally);
    }
    return result;
  }
}

async function sync(
  sink: RecordingSink,
  repo: GithubRepository,
  now: Date,
  limits?: Partial<SyncLimits>,
) {
  seen.length = 0;
  const [result] = await syncGithubRepositories({
    client,
    sink,
    repositories: new Map([[repo.scope, repo]]),
    logger,
    initialLookbackDays: 90,
    maxConcurrency: 1,
    now,
    limits,
  });
  expect(result.error).toBeUndefined();
  return result;
}

/** The stored events (not facts) of one entity, by key. */
const eventsOf = (sink: RecordingSink, entityRef: string) =>
  new Map(
    [...sink.events].filter(
      ([, e]) => e.type !== 'repo_fact' && e.entityRef === entityRef,
    ),
  );

const runsSince = () =>
  seen.find(r => r.path.endsWith('/actions/runs'))?.query.get('created');
const cursorOf = (sink: RecordingSink) =>
  JSON.parse(sink.cursors.get('acme/shop')!);

describe('syncGithubRepository: entities mapped to an already-synced repository', () => {
  it('gives a second entity the full history and leaves the first one’s events as they were', async () => {
    const sink = new TallyingSink();
    await sync(sink, alone, NOW);
    const first = eventsOf(sink, ENTITY);
    expect(first.size).toBe(8);
    expect(cursorOf(sink).entityRefs).toEqual([ENTITY]);

    sink.byEntity.clear();
    logger.info.mockClear();
    await sync(sink, shared, LATER);

    // Read again from the lookback, in full (no If-None-Match).
    expect(runsSince()).toBe(`>=${LATER_LOOKBACK_START}`);
    for (const path of ['/deployments', '/pulls']) {
      const call = seen.find(r => r.path.endsWith(path))!;
      expect(call.headers.get('if-none-match')).toBeNull();
      expect(call.status).toBe(200);
    }
    expect(logger.info).toHaveBeenCalledWith(
      `GitHub acme/shop: ${CART} newly mapped; reading again from ${LATER_LOOKBACK_START}`,
    );

    // The first entity: the same ids and events, nothing created or
    // changed; what the incremental sync reads anyway came back unchanged.
    expect(eventsOf(sink, ENTITY)).toEqual(first);
    expect(sink.byEntity.get(ENTITY)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 4,
    });
    // The second: everything a first sync of the shared repository gives it.
    const fresh = new RecordingSink();
    await sync(fresh, shared, LATER);
    const second = eventsOf(sink, CART);
    expect(second).toEqual(eventsOf(fresh, CART));
    expect(second.size).toBe(8);
    expect(sink.byEntity.get(CART)).toEqual({
      created: 8,
      updated: 0,
      unchanged: 0,
    });
    expect(cursorOf(sink).entityRefs).toEqual([CART, ENTITY]);
    // The positions a first sync reaches (the stale-branch count is older).
    const { staleBranches: _counted, ...reread } = cursorOf(sink);
    const { staleBranches: _fresh, ...fromScratch } = cursorOf(fresh);
    expect(reread).toEqual(fromScratch);

    // Covered now: the next sync is incremental again.
    await sync(sink, shared, LATER);
    expect(runsSince()).toBe('>=2026-11-20T11:00:00Z');
  });

  it('does not let a re-read past the look-up limits replace the first entity’s events', async () => {
    // Newest first, as GitHub lists them (`sort=updated&direction=desc`).
    server.use(
      http.get(
        `${REPO_API}/pulls`,
        restAnswer(seen, () => [...pulls].reverse()),
      ),
    );
    const sink = new RecordingSink();
    await sync(sink, alone, NOW);
    const first = eventsOf(sink, ENTITY);

    // No run's jobs, and the details of the newest pull request (#43, at
    // the stored position) alone.
    await sync(sink, shared, LATER, { jobLookups: 0, pullDetails: 1 });
    expect(eventsOf(sink, ENTITY)).toEqual(first);
    // The new entity's history is read as a first sync under those limits.
    expect(sink.events.get(`build:30433641 ${CART}`)).not.toHaveProperty(
      'steps',
    );
    expect(sink.events.get(`build:30433641 ${ENTITY}`)).toHaveProperty('steps');
    expect(sink.events.get(`change:acme/shop#42 ${CART}`)).not.toHaveProperty(
      'reviewCount',
    );
    expect(sink.events.get(`change:acme/shop#42 ${ENTITY}`)).toHaveProperty(
      'reviewCount',
      2,
    );
  });

  it('does not read again for an entity no longer mapped', async () => {
    const sink = new RecordingSink();
    await sync(sink, shared, NOW);
    const before = eventsOf(sink, ENTITY);

    await sync(sink, alone, LATER);
    expect(runsSince()).toBe('>=2026-11-20T11:00:00Z');
    expect(eventsOf(sink, ENTITY)).toEqual(before);
    expect(cursorOf(sink).entityRefs).toEqual([ENTITY]);
  });

  it('reads a cursor stored before entity sets by the entities its facts were written for', async () => {
    const sink = new RecordingSink();
    await sync(sink, alone, NOW);
    const { entityRefs, ...oldFormat } = cursorOf(sink);
    expect(entityRefs).toEqual([ENTITY]);
    const first = eventsOf(sink, ENTITY);

    // The same entity: incremental, as before the upgrade.
    sink.cursors.set('acme/shop', JSON.stringify(oldFormat));
    await sync(sink, alone, LATER);
    expect(runsSince()).toBe('>=2026-11-20T11:00:00Z');
    expect(cursorOf(sink).entityRefs).toEqual([ENTITY]);

    // An entity its facts do not name is new: read again for it.
    sink.cursors.set('acme/shop', JSON.stringify(oldFormat));
    await sync(sink, shared, LATER);
    expect(runsSince()).toBe(`>=${LATER_LOOKBACK_START}`);
    expect(eventsOf(sink, ENTITY)).toEqual(first);
    expect(eventsOf(sink, CART).size).toBe(8);
    expect(cursorOf(sink).entityRefs).toEqual([CART, ENTITY]);
  });

  it('counts a cursor that names no entities as covering those mapped now', async () => {
    const sink = new RecordingSink();
    await sync(sink, alone, NOW);
    const { entityRefs, factsWritten, ...oldest } = cursorOf(sink);
    // The first cursors kept facts without entities.
    sink.cursors.set(
      'acme/shop',
      JSON.stringify({ ...oldest, factsWritten: '[["codeowners",true]]' }),
    );
    await sync(sink, shared, LATER);
    expect(runsSince()).toBe('>=2026-11-20T11:00:00Z');
    expect(cursorOf(sink).entityRefs).toEqual([CART, ENTITY]);
  });
});
