import { defaultRubric } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import express from 'express';
import { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { MaturityDatabase } from '../src/database/MaturityDatabase';
import { EntityEvaluator } from '../src/scoring/EntityEvaluator';
import { createRouter } from '../src/service/router';
import { BenchDatabase } from './benchDatabases';
import {
  createBenchHttpAuthService,
  createBenchPermissionsService,
} from './benchServices';

/** One worst-case body of issue 12 and what ingesting it cost. */
export interface HostileIngestResult {
  label: string;
  bytes: number;
  status: number;
  ms: number;
  /** Longest event-loop delay while the request was in flight. */
  maxLoopDelayMs: number;
}

/** The target: no request stalls the backend longer than this. */
export const MAX_LOOP_DELAY_TARGET_MS = 100;

const ENTITY = 'component:default/bench-hostile';

function sha(i: number, j: number) {
  return `${i.toString(16).padStart(8, '0')}${j
    .toString(16)
    .padStart(8, '0')}`.padEnd(40, 'a');
}

function bodies(): Array<{ label: string; body: string }> {
  const build = (extra: string) =>
    `{"type":"build","source":"bench-ci","externalId":"b-1","entityRef":"${ENTITY}","status":"success","startedAt":"2026-11-20T10:00:00Z"${extra}}`;
  const deployments = (n: number, shas: number, version: string) =>
    JSON.stringify({
      source: 'bench-ci',
      events: Array.from({ length: n }, (_, i) => ({
        type: 'deployment',
        externalId: `d-${i}`,
        entityRef: ENTITY,
        environment: 'production',
        commitSha: sha(i, 0),
        commitShas: Array.from({ length: shas }, (_unused, j) => sha(i, j)),
        status: 'success',
        startedAt: '2026-11-20T10:00:00Z',
        updatedAt: version,
      })),
    });
  return [
    {
      label: '5 MB body, an event with a 2.5-million-item array',
      body: `{"events":[${build(`,"steps":[${'1,'.repeat(2_500_000)}1]`)}]}`,
    },
    {
      label: '5 MB body, a batch of 2.5 million items',
      body: `{"events":[${'1,'.repeat(2_500_000)}1]}`,
    },
    {
      label: 'an event 5,000 arrays deep',
      body: `{"events":[{"type":${'['.repeat(5000)}"build"${']'.repeat(
        5000,
      )}}]}`,
    },
    {
      label: 'a 4.9 MB repo_fact value',
      body: JSON.stringify({
        events: [
          {
            type: 'repo_fact',
            source: 'bench-ci',
            entityRef: ENTITY,
            fact: 'readme',
            value: 'x'.repeat(4_900_000),
            observedAt: '2026-11-20T10:00:00Z',
          },
        ],
      }),
    },
    {
      label: '110 deployments × 1,000 commitShas (valid, new)',
      body: deployments(110, 1000, '2026-11-20T11:00:00Z'),
    },
    {
      label: '110 deployments × 1,000 commitShas (valid, newer versions)',
      body: deployments(110, 1000, '2026-11-20T12:00:00Z'),
    },
    {
      label: '110 deployments × 1,000 commitShas (replay)',
      body: deployments(110, 1000, '2026-11-20T12:00:00Z'),
    },
  ];
}

/**
 * Sends the worst-case ingest bodies of issue 12 through the plugin's router
 * (over HTTP, one at a time) and records the longest event-loop delay while
 * each is in flight: how long every other request of the backend would wait.
 */
export async function measureHostileIngest(
  database: BenchDatabase,
): Promise<HostileIngestResult[]> {
  const db = await MaturityDatabase.create({ database: database.service });
  const router = await createRouter({
    ...db,
    // The exemption workflow reads the rubric's check ids at start.
    evaluator: { rubric: defaultRubric } as EntityEvaluator,
    httpAuth: createBenchHttpAuthService(),
    permissions: createBenchPermissionsService(),
    limits: { maxEventsPerBatch: 1000, maxBodyBytes: 6 * 1024 * 1024 },
    writers: {
      reserved: new Set(['github', 'pagerduty', 'demo']),
      bySubject: new Map(),
      byUser: new Map(),
      claimed: new Set(),
    },
  });
  const app = express();
  app.use('/api/maturity', router);
  // Statuses as Backstage's error handler gives them.
  const statusOf: Record<string, number> = {
    InputError: 400,
    NotAllowedError: 403,
    ConflictError: 409,
  };
  app.use(
    (
      error: Error & { status?: number },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      res
        .status(error.status ?? statusOf[error.name] ?? 500)
        .json({ error: { name: error.name } });
    },
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>(resolve => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const results: HostileIngestResult[] = [];
  const post = (body: string) =>
    fetch(`http://127.0.0.1:${port}/api/maturity/v1/events`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer bench',
        'content-type': 'application/json',
      },
      body,
    });
  try {
    // One small valid batch first, as a running backend has served before:
    // the event validators are compiled on the first batch that reaches
    // them (about 100 ms, once per process), which is not what a hostile
    // body costs.
    const warmUp = await post(
      JSON.stringify({
        events: [
          {
            type: 'build',
            source: 'bench-ci',
            externalId: 'warm-up',
            entityRef: ENTITY,
            status: 'success',
            startedAt: '2026-11-20T09:00:00Z',
          },
        ],
      }),
    );
    await warmUp.text();
    if (warmUp.status !== 200) {
      throw new Error(`the warm-up batch got ${warmUp.status}`);
    }
    for (const { label, body } of bodies()) {
      const histogram = monitorEventLoopDelay({ resolution: 5 });
      histogram.enable();
      const started = performance.now();
      const response = await post(body);
      await response.text();
      const ms = performance.now() - started;
      histogram.disable();
      results.push({
        label,
        bytes: Buffer.byteLength(body),
        status: response.status,
        ms,
        maxLoopDelayMs: histogram.max / 1e6,
      });
    }
  } finally {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  }
  return results;
}

/** The results as a markdown table. */
export function hostileIngestTable(
  engine: string,
  results: HostileIngestResult[],
): string {
  const rows = results.map(
    r =>
      `| ${r.label} | ${(r.bytes / 1e6).toFixed(1)} MB | ${
        r.status
      } | ${r.ms.toFixed(0)} ms | **${r.maxLoopDelayMs.toFixed(0)} ms** ${
        r.maxLoopDelayMs <= MAX_LOOP_DELAY_TARGET_MS ? 'PASS' : 'FAIL'
      } |`,
  );
  return [
    `Worst-case ingest bodies on ${engine} (target: longest event-loop delay ≤ ${MAX_LOOP_DELAY_TARGET_MS} ms)`,
    '',
    '| Body | Size | Status | Answered in | Longest event-loop delay |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
