import {
  IncomingMessage,
  Server,
  ServerResponse,
  createServer,
} from 'node:http';
import { AddressInfo } from 'node:net';
import {
  FetchWithRetryOptions,
  RetryPolicy,
  fetchWithRetry,
  resolveRetryPolicy,
} from './fetchWithRetry';

/** What one request to the local server gets: status, headers, body. */
interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Holds the answer back this long (ms), to trip a timeout. */
  delayMs?: number;
}

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
}

class ToolError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
  }
}
const createError = (message: string, status?: number) =>
  new ToolError(message, status);

const json = (status: number, body: unknown, headers = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

let server: Server;
let base: string;
let replies: Reply[] = [];
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', chunk => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body,
      });
      const reply = replies.shift() ?? { status: 500, body: 'no reply left' };
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body);
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise(resolve => server.close(resolve));
});

const waits: number[] = [];
beforeEach(() => {
  replies = [];
  seen.length = 0;
  waits.length = 0;
});

/**
 * Half jitter and sleeps recorded instead of slept. The timeout is generous so
 * a loaded CI machine never turns a prompt answer into a retry; the timeout
 * test sets its own.
 */
const policy: RetryPolicy = {
  timeoutMs: 10_000,
  maxAttempts: 4,
  backoffMs: 100,
  maxRateLimitWaitMs: 60_000,
  random: () => 0.5,
  sleep: async ms => {
    waits.push(ms);
  },
};

const what = 'Tool GET /items';

/** GETs /items under the test policy, with the given tool rules. */
const send = (
  rules: Partial<FetchWithRetryOptions> = {},
  url = `${base}/items`,
) => fetchWithRetry(url, {}, { what, policy, createError, ...rules });

describe('fetchWithRetry', () => {
  it('sends the request as given and answers a 2xx with its body unread', async () => {
    replies = [json(200, { items: [1, 2] }, { etag: '"v1"' })];
    const response = await fetchWithRetry(
      `${base}/items?page=2`,
      {
        method: 'POST',
        headers: { Authorization: 'Token token=secret', Accept: 'x/y' },
        body: '{"q":1}',
      },
      { what, policy, createError },
    );
    expect(response.status).toBe(200);
    expect(response.bodyUsed).toBe(false);
    expect(response.headers.get('etag')).toBe('"v1"');
    expect(await response.json()).toEqual({ items: [1, 2] });
    expect(seen).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/items?page=2',
        headers: expect.objectContaining({
          authorization: 'Token token=secret',
          accept: 'x/y',
        }),
        body: '{"q":1}',
      }),
    ]);
    expect(waits).toEqual([]);
  });

  it('retries 5xx and 429 with exponential backoff and equal jitter', async () => {
    replies = [
      { status: 500 },
      { status: 502 },
      { status: 429 },
      json(200, { ok: true }),
    ];
    expect((await send()).status).toBe(200);
    // Half of 100, 200, 400 ms fixed, the other half times random() = 0.5.
    expect(waits).toEqual([75, 150, 300]);
    expect(seen).toHaveLength(4);
  });

  it('fails after the last attempt, naming the request, status, message and attempts', async () => {
    replies = Array.from({ length: 4 }, () =>
      json(503, { message: 'Service unavailable, try later' }),
    );
    await expect(
      send({ errorMessage: body => body?.message }),
    ).rejects.toMatchObject({
      message:
        'Tool GET /items answered 503: Service unavailable, try later (4 attempts)',
      status: 503,
    });
    expect(waits).toHaveLength(3);
  });

  it('fails at once on a 4xx, with the status text when the body has no message', async () => {
    replies = [{ status: 403, body: '<html>Forbidden</html>' }];
    await expect(send({ errorMessage: body => body?.message })).rejects.toThrow(
      /^Tool GET \/items answered 403 Forbidden$/,
    );
    expect(seen).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('hands back a status isAnswer accepts, without retrying', async () => {
    replies = [{ status: 304 }, { status: 500 }];
    const isAnswer = (r: Response) => r.status === 304 || r.status === 500;
    expect((await send({ isAnswer })).status).toBe(304);
    expect((await send({ isAnswer })).status).toBe(500);
    expect(seen).toHaveLength(2);
    expect(waits).toEqual([]);
  });

  it('retries a timed-out attempt and fails naming the timeout when every attempt times out', async () => {
    const short = { ...policy, timeoutMs: 500 };
    replies = [{ status: 200, body: '{}', delayMs: 2_000 }, json(200, {})];
    await expect(send({ policy: short })).resolves.toMatchObject({
      status: 200,
    });
    expect(waits).toEqual([75]);

    replies = [
      { status: 200, delayMs: 2_000 },
      { status: 200, delayMs: 2_000 },
    ];
    await expect(
      send({ policy: { ...short, maxAttempts: 2 } }),
    ).rejects.toThrow('Tool GET /items timed out after 500 ms (2 attempts)');
  });

  it('retries a network error and names its cause when it persists', async () => {
    const closed = createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(resolve => closed.close(resolve));

    await expect(
      send(
        { policy: { ...policy, maxAttempts: 2 } },
        `http://127.0.0.1:${port}/items`,
      ),
    ).rejects.toThrow(
      /^Tool GET \/items failed: fetch failed \(.*ECONNREFUSED.*\) \(2 attempts\)$/,
    );
    expect(waits).toEqual([75]);
  });

  it('waits as long as a rate-limit refusal asks, then retries', async () => {
    replies = [
      json(429, { message: 'slow down' }, { 'retry-after': '7' }),
      json(403, { message: 'secondary limit' }, { 'retry-after': '2' }),
      json(200, { ok: true }),
    ];
    const asked: number[] = [];
    const response = await send({
      rateLimitWait: r => {
        asked.push(r.status);
        const after = r.headers.get('retry-after');
        return after ? Number(after) * 1000 : undefined;
      },
    });
    expect(await response.json()).toEqual({ ok: true });
    expect(waits).toEqual([7_000, 2_000]);
    expect(asked).toEqual([429, 403, 200]);
  });

  it('reads a refusal from a 2xx body when the tool hides one there', async () => {
    replies = [
      json(200, { errors: [{ type: 'RATE_LIMITED' }] }),
      json(200, { data: 1 }),
    ];
    const response = await send({
      rateLimitWait: async r => {
        const body = await r.clone().json();
        return body.errors ? 30_000 : undefined;
      },
    });
    expect(await response.json()).toEqual({ data: 1 });
    expect(waits).toEqual([30_000]);
  });

  it('fails instead of waiting longer than maxRateLimitWaitMs', async () => {
    replies = [json(429, {}, { 'retry-after': '120' })];
    await expect(
      send({ rateLimitWait: r => Number(r.headers.get('retry-after')) * 1000 }),
    ).rejects.toThrow(
      'Tool GET /items is rate limited for 120 s, longer than the 60 s allowed; the next sync resumes',
    );
    expect(waits).toEqual([]);
  });

  it('on the last attempt, fails a refusal as answered and a 2xx refusal as rate limited', async () => {
    const rules: Partial<FetchWithRetryOptions> = {
      policy: { ...policy, maxAttempts: 2 },
      rateLimitWait: r => (r.headers.has('retry-after') ? 1_000 : undefined),
      errorMessage: body => body?.message,
    };
    replies = [
      json(429, { message: 'slow down' }, { 'retry-after': '1' }),
      json(429, { message: 'slow down' }, { 'retry-after': '1' }),
    ];
    await expect(send(rules)).rejects.toThrow(
      'Tool GET /items answered 429: slow down (2 attempts)',
    );

    replies = [
      json(200, {}, { 'retry-after': '1' }),
      json(200, {}, { 'retry-after': '1' }),
    ];
    await expect(send(rules)).rejects.toMatchObject({
      message: 'Tool GET /items is rate limited',
      status: 200,
    });
    expect(waits).toEqual([1_000, 1_000]);
  });

  it('runs beforeAttempt before every attempt, and gives up when it throws', async () => {
    replies = [{ status: 500 }, json(200, {})];
    const before: number[] = [];
    await send({
      beforeAttempt: async () => {
        before.push(seen.length);
      },
    });
    expect(before).toEqual([0, 1]);

    await expect(
      send({
        beforeAttempt: async () => {
          throw new Error('limit spent for an hour');
        },
      }),
    ).rejects.toThrow('limit spent for an hour');
    expect(seen).toHaveLength(2);
  });
});

describe('resolveRetryPolicy', () => {
  it('fills in the defaults and keeps what is given', () => {
    const resolved = resolveRetryPolicy({ maxAttempts: 2 });
    expect(resolved).toMatchObject({
      timeoutMs: 30_000,
      maxAttempts: 2,
      backoffMs: 1_000,
      maxRateLimitWaitMs: 60_000,
      random: Math.random,
    });
    expect(resolved.sleep).toEqual(expect.any(Function));
  });
});
