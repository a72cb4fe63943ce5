import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  IngestResult,
  MaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import knexFactory, { Knex } from 'knex';
import { MaturityDatabase } from '../../MaturityDatabase';
import {
  build,
  change,
  deployment,
  incidentTriggered,
} from '../../__testUtils__/sampleEvents';
import { writeEvents } from './writeEvents';

jest.setTimeout(180_000);

const ROUNDS = 4;
const ENTITIES = 10;

const entity = (i: number) => `component:default/service-${i % ENTITIES}`;
const sha = (round: number, i: number) =>
  `${round.toString(16).padStart(8, '0')}${i.toString(16).padStart(32, '0')}`;

/** `n` records of each given type, new in every round. */
function batchOf(
  round: number,
  n: number,
  types: Array<'deployment' | 'incident' | 'build' | 'change'>,
  updatedAt?: string,
): MaturityEvent[] {
  const events: MaturityEvent[] = [];
  for (let i = 0; i < n; i++) {
    const common = {
      entityRef: entity(i),
      ...(updatedAt ? { updatedAt } : {}),
    };
    if (types.includes('deployment')) {
      events.push({
        ...deployment,
        ...common,
        externalId: `r${round}-deploy-${i}`,
        commitSha: sha(round, i),
        commitShas: [sha(round, i)],
        status: updatedAt ? 'failure' : 'success',
      });
    }
    if (types.includes('incident')) {
      events.push({
        ...incidentTriggered,
        ...common,
        externalId: `r${round}-incident-${i}`,
        title: updatedAt ? 'Checkout down' : incidentTriggered.title,
      });
    }
    if (types.includes('build')) {
      events.push({
        ...build,
        ...common,
        externalId: `r${round}-build-${i}`,
        commitSha: sha(round, i),
      });
    }
    if (types.includes('change')) {
      events.push({
        ...change,
        ...common,
        externalId: `r${round}-change-${i}`,
        sha: sha(round, i),
        commitShas: [sha(round, i)],
      });
    }
  }
  return events;
}

const total = (results: IngestResult[], key: keyof IngestResult) =>
  results.reduce((sum, result) => sum + result[key], 0);

describe('writeEvents with concurrent writers', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  /** Two replicas: each its own client and pool on one database. */
  async function twoReplicas(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    await MaturityDatabase.create({
      database: { getClient: async () => knex },
    });
    const replicas = [0, 1].map(() =>
      knexFactory({ ...knex.client.config, pool: { min: 0, max: 4 } }),
    ) as [Knex, Knex];
    return { knex, replicas };
  }

  /** The same batch through both replicas at once, in opposite orders. */
  async function sendToBoth(replicas: [Knex, Knex], events: MaturityEvent[]) {
    const settled = await Promise.allSettled([
      writeEvents(replicas[0], events, { sameVersionChange: 'reject' }),
      writeEvents(replicas[1], [...events].reverse(), {
        sameVersionChange: 'reject',
      }),
    ]);
    // The error's code and the end of its message (not the statement).
    const failures = settled.flatMap(outcome =>
      outcome.status === 'rejected'
        ? [`${outcome.reason.code} ${String(outcome.reason).slice(-60)}`]
        : [],
    );
    expect(failures).toEqual([]);
    return settled.map(
      outcome => (outcome as PromiseFulfilledResult<IngestResult>).value,
    );
  }

  it.each(databases.eachSupportedId())(
    'stores deployments and incidents sent in opposite orders once each, without errors, counting each record once, %p',
    async databaseId => {
      const { knex, replicas } = await twoReplicas(databaseId);
      try {
        for (let round = 0; round < ROUNDS; round++) {
          const events = batchOf(round, 200, ['deployment', 'incident']);
          const results = await sendToBoth(replicas, events);
          // Every record created once, by one writer or the other.
          expect(total(results, 'created')).toBe(events.length);
          expect(total(results, 'updated')).toBe(0);
          expect(total(results, 'unchanged')).toBe(events.length);
        }
        // A newer version of every record of the first round: each
        // updated once.
        const newer = batchOf(
          0,
          200,
          ['deployment', 'incident'],
          '2026-11-21T00:00:00.000Z',
        );
        const results = await sendToBoth(replicas, newer);
        expect(total(results, 'created')).toBe(0);
        expect(total(results, 'updated')).toBe(newer.length);
        expect(total(results, 'unchanged')).toBe(newer.length);

        const [deployments, incidents, links] = await Promise.all([
          knex('deployments').count({ n: '*' }).first(),
          knex('incidents').count({ n: '*' }).first(),
          knex('deployment_commits').count({ n: '*' }).first(),
        ]);
        expect(Number(deployments!.n)).toBe(200 * ROUNDS);
        expect(Number(incidents!.n)).toBe(200 * ROUNDS);
        expect(Number(links!.n)).toBe(200 * ROUNDS);
        await expect(
          knex('deployments')
            .where('external_id', 'like', 'r0-%')
            .distinct('status')
            .pluck('status'),
        ).resolves.toEqual(['failure']);
      } finally {
        await Promise.all(replicas.map(client => client.destroy()));
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'stores every type sent in opposite orders once each, counting each record once, %p',
    async databaseId => {
      const { knex, replicas } = await twoReplicas(databaseId);
      try {
        for (let round = 0; round < ROUNDS; round++) {
          const events = batchOf(round, 60, [
            'build',
            'change',
            'deployment',
            'incident',
          ]);
          const results = await sendToBoth(replicas, events);
          expect(total(results, 'created')).toBe(events.length);
          expect(total(results, 'updated')).toBe(0);
        }
        const [builds, changes] = await Promise.all([
          knex('builds').count({ n: '*' }).first(),
          knex('changes')
            .whereNotNull('merge_commit_built_at')
            .count({ n: '*' })
            .first(),
        ]);
        expect(Number(builds!.n)).toBe(60 * ROUNDS);
        // Each change's CI outcome saw the build of its commit, whichever
        // writer stored which.
        expect(Number(changes!.n)).toBe(60 * ROUNDS);
      } finally {
        await Promise.all(replicas.map(client => client.destroy()));
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'runs a batch again when PostgreSQL aborts it for a deadlock, %p',
    async databaseId => {
      const { knex, replicas } = await twoReplicas(databaseId);
      try {
        const [first] = batchOf(9, 1, ['deployment']);
        const [incident] = batchOf(9, 1, ['incident']);
        await writeEvents(replicas[0], [first, incident]);
        const newer = batchOf(
          9,
          1,
          ['deployment', 'incident'],
          '2026-11-21T00:00:00.000Z',
        );
        // Another transaction holds the incident, then wants the
        // deployment the batch has just locked: a deadlock, which the
        // batch's backend detects first (the other waits 10 s first).
        let written: Promise<unknown> = Promise.resolve();
        await knex.transaction(async other => {
          await other.raw("set local deadlock_timeout = '10s'");
          await other('incidents')
            .where('external_id', 'r9-incident-0')
            .forUpdate()
            .select('id');
          written = writeEvents(replicas[1], newer);
          // Once the batch waits for the incident, holding the deployment:
          for (;;) {
            const waiting = await knex('pg_stat_activity')
              .where({ wait_event_type: 'Lock' })
              .count({ n: '*' })
              .first();
            if (Number(waiting!.n) > 0) break;
            await new Promise(resolve => setTimeout(resolve, 10));
          }
          await other('deployments')
            .where('external_id', 'r9-deploy-0')
            .update({ reason: 'held' });
        });
        // Its first attempt aborted (40P01), the second waited for the
        // other transaction and wrote the batch.
        await expect(written).resolves.toEqual({
          created: 0,
          updated: 2,
          unchanged: 0,
        });
        await expect(
          knex('deployments').where('external_id', 'r9-deploy-0').first(),
        ).resolves.toMatchObject({ status: 'failure' });
      } finally {
        await Promise.all(replicas.map(client => client.destroy()));
      }
    },
  );
});
