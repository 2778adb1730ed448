import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createConnection, createServer } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import request from 'supertest';
import type { Application } from '../../src/app';

/** The harness of test/redis-outage.test.ts: a private redis-server, clients, and what an outage must look like. */

export type AckResult = {
  ok: boolean;
  error?: { code: string };
  messages?: { node: string }[];
  session?: { id: string; token: string };
};

/** Longest a request may take while Redis is hung or down: the store's 2 s command timeout, and slack. */
export const FEW_SECONDS = 4000;
/** A failure known without waiting: well under the 2 s timeout, even on a busy machine. */
export const AT_ONCE = 1500;

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once something on `port` answers PING with PONG. */
export async function pong(port: number, withinMs = 5000) {
  const until = Date.now() + withinMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = createConnection({ port, host: '127.0.0.1' }, () => s.write('PING\r\n'));
      s.setTimeout(500, () => (s.destroy(), resolve(false)));
      s.on('data', (d) => (s.destroy(), resolve(d.toString().startsWith('+PONG'))));
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`no redis-server answers on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A redis-server of this test's own, without persistence, on `port`. */
export class PrivateRedis {
  private child?: ChildProcess;

  constructor(readonly port: number) {}

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start() {
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await pong(this.port);
  }

  freeze() {
    process.kill(this.child!.pid!, 'SIGSTOP');
  }

  wake() {
    if (this.child?.pid && this.child.exitCode === null && this.child.signalCode === null)
      process.kill(this.child.pid, 'SIGCONT');
  }

  /** Wakes it first, so that a frozen server can die; waits until it is gone. */
  async kill() {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.wake();
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}

/** A logger that keeps its JSON lines, to check how outages are logged. */
export function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info', base: undefined }, sink), lines };
}

export const timed = async <T>(run: () => Promise<T>) => {
  const started = Date.now();
  const result = await run();
  return { result, ms: Date.now() - started };
};

export function chatClient(port: number): Socket {
  return connect(`http://127.0.0.1:${port}/chat`, { transports: ['websocket'], forceNew: true, reconnection: false });
}

export const send = (c: Socket, event: string, payload?: unknown): Promise<AckResult> =>
  c.timeout(10_000).emitWithAck(event, payload);

/** Every request to a store that cannot answer: 503 STORE_UNAVAILABLE, within a few seconds. */
export async function expectUnavailable(app: Application, socket: Socket, session: { id: string; token: string }) {
  const auth = { Authorization: `Bearer ${session.token}` };
  const [created, answered, ready, acked] = await Promise.all([
    timed(() =>
      request(app.app)
        .post('/api/v1/sessions')
        .send({ lang: 'fr' })
        .timeout(FEW_SECONDS + 2000),
    ),
    timed(() =>
      request(app.app)
        .post(`/api/v1/sessions/${session.id}/answers`)
        .set(auth)
        .send({ value: 'france' })
        .timeout(FEW_SECONDS + 2000),
    ),
    timed(() =>
      request(app.app)
        .get('/readyz')
        .timeout(FEW_SECONDS + 2000),
    ),
    timed(() => send(socket, 'answer', { value: 'france' })),
  ]);
  for (const r of [created, answered, ready]) {
    expect({ status: r.result.status, code: r.result.body.error?.code }).toEqual({
      status: 503,
      code: 'STORE_UNAVAILABLE',
    });
  }
  expect(acked.result).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } });
  return { created: created.ms, answered: answered.ms, ready: ready.ms, acked: acked.ms };
}

/** Polls /readyz until it says 200; returns how long that took. */
export async function readyAgain(app: Application, withinMs: number) {
  const started = Date.now();
  while ((await request(app.app).get('/readyz').timeout(FEW_SECONDS)).status !== 200) {
    if (Date.now() - started > withinMs) throw new Error(`/readyz not 200 within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - started;
}

/** Failures were logged as warnings with their reason, never as errors, never with a stack. */
export function expectWarningsOnly(lines: Record<string, unknown>[]) {
  expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  const warnings = lines.filter((l) => l.level === 40 && l.code === 'STORE_UNAVAILABLE');
  expect(warnings.length).toBeGreaterThanOrEqual(4);
  for (const w of warnings) {
    expect(typeof w.reason).toBe('string');
    expect(JSON.stringify(w)).not.toMatch(/stack|france|Bearer|127\.0\.0\.1/);
  }
}
