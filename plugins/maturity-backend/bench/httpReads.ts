import express from 'express';
import { AddressInfo } from 'node:net';
import { createRouter, RouterOptions } from '../src/service/router';
import {
  createBenchHttpAuthService,
  createBenchPermissionsService,
} from './benchServices';
import { LatencyStats, measureLatency } from './latencyStats';

/** A request path under the plugin's base URL, by call index. */
export type PathOf = (i: number) => string;

/** What to request through HTTP and how often. */
export interface HttpReadPlan {
  label: string;
  count: number;
  concurrency: number;
  path: PathOf;
}

/**
 * Mounts the plugin's router (OpenAPI validation included) in a plain
 * express app on 127.0.0.1 with allow-all auth and permissions, and times
 * the planned GET requests from this process. Every response must be 200.
 */
export async function measureHttpReads(
  options: Pick<
    RouterOptions,
    | 'events'
    | 'results'
    | 'history'
    | 'rollups'
    | 'exemptions'
    | 'evaluationQueue'
    | 'evaluator'
  >,
  plans: HttpReadPlan[],
): Promise<Array<{ label: string; stats: LatencyStats }>> {
  const router = await createRouter({
    ...options,
    httpAuth: createBenchHttpAuthService(),
    permissions: createBenchPermissionsService(),
    limits: { maxEventsPerBatch: 1000, maxBodyBytes: 5 * 1024 * 1024 },
    writers: {
      reserved: new Set(),
      bySubject: new Map(),
      byUser: new Map(),
      claimed: new Set(),
    },
  });
  const app = express();
  app.use('/api/maturity', router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/api/maturity`;
  try {
    const results: Array<{ label: string; stats: LatencyStats }> = [];
    for (const plan of plans) {
      const stats = await measureLatency(
        plan.count,
        plan.concurrency,
        async i => {
          const response = await fetch(`${base}${plan.path(i)}`, {
            // The OpenAPI validator wants a caller; the mock auth accepts any.
            headers: { authorization: 'Bearer bench' },
          });
          const body = await response.text();
          if (response.status !== 200) {
            throw new Error(
              `GET ${plan.path(i)} answered ${response.status}: ${body.slice(
                0,
                200,
              )}`,
            );
          }
        },
      );
      results.push({ label: plan.label, stats });
    }
    return results;
  } finally {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  }
}
