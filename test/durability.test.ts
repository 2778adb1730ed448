import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { io as connect, type Socket } from 'socket.io-client';
import { REDIS_URL, tempDir } from './helpers';

/**
 * Nothing acknowledged is lost when a server process dies: real server processes (dist/, built by the global
 * setup), concurrent conversations over HTTP and Socket.IO, `kill -9` in the middle of them, then every answer
 * that was acknowledged is read back. On SQLite the same file is reopened by a new process; on Redis, the
 * other process answers. Loopback only; bounded in conversations and in time.
 */

const SERVER = path.join(__dirname, '..', 'dist', 'src', 'server.js');
const CONVERSATIONS = 20;
/** acknowledged answers before the kill: enough that every conversation is under way */
const KILL_AFTER = 120;
const DEADLINE_MS = 15_000;
const REQUEST_TIMEOUT_MS = 5000;

interface Server {
  child: ChildProcess;
  base: string;
  /** kill -9, and wait until the process is gone */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const servers: Server[] = [];

/** Starts `node dist/src/server.js` on a free port (PORT=0) and reads the port from its 'listening' log line. */
async function startServer(storeUrl: string): Promise<Server> {
  const child = spawn(process.execPath, [SERVER], {
    env: {
      PATH: process.env.PATH,
      STORE_URL: storeUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // One address and a busy minute: the limits are not what is tested here.
      RATE_LIMIT_PER_MINUTE: '100000',
      SOCKET_EVENTS_PER_10S: '100000',
      SESSION_STARTS_PER_MINUTE: '100000',
      SOCKET_CONNECTIONS_PER_MINUTE: '100000',
      // nor admission control: on a machine shared with other suites, the process can be kept waiting for a core
      OVERLOAD_LAG_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = once(child, 'exit');
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in time: ${stderr}`)), 15_000);
    child.once('exit', (code) => reject(new Error(`the server stopped with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg === 'listening' && entry.port) {
        clearTimeout(timer);
        resolve(entry.port);
      }
    });
  });
  const server: Server = {
    child,
    base: `http://127.0.0.1:${port}`,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  servers.push(server);
  return server;
}

afterEach(async () => {
  for (const s of servers.splice(0)) await s.kill();
});

/** What each question of the AVFS conversation gets: a field and a value that differ from one session to the next. */
function answerFor(node: string, n: number): { field: string; value: unknown } | undefined {
  const answers: Record<string, [string, unknown]> = {
    nationality: ['nationality', ['DZ', 'MA', 'TN', 'SN', 'ML', 'CM', 'CI', 'TR', 'VN', 'CN'][n % 10]],
    age: ['age', 66 + (n % 30)],
    'unfit-for-work': ['unfitForWork', true],
    'residence-years': ['regularResidenceYears', 16 + (n % 40)],
    'lives-alone': ['livesAlone', true],
    'first-request': ['firstRequest', n % 2 === 0],
    housing: ['housing', n % 2 === 0 ? 'migrant-worker-hostel' : 'social-residence'],
    'pensions-claimed': ['pensionsClaimed', true],
    'annual-resources': ['annualResources', 1000 + n],
  };
  const a = answers[node];
  return a && { field: a[0], value: a[1] };
}

interface Session {
  id: string;
  token: string;
  /** the answers the server acknowledged, as facts */
  acknowledged: Record<string, unknown>;
}

type Message = { type: string; node: string };
/** A server that answered, but not as it should: always a failure, before the kill or after it. */
class Unexpected extends Error {}
/** The fields of the API's answers this test reads. */
type ApiBody = { session: { id: string; token: string }; messages: Message[]; error?: unknown };

/**
 * The load: CONVERSATIONS workers, half over HTTP and half over Socket.IO, each running AVFS conversations one
 * after the other until told to stop. `startOn` creates the sessions (over HTTP); `answerOn(worker, turn)` says
 * which server gets an answer. After `kill` is called no worker sends anything new.
 */
function load(o: { startOn: () => string; answerOn: (worker: number, turn: number) => string }) {
  const sessions: Session[] = [];
  const state = { acknowledged: 0, inFlight: 0, killed: false };
  const sockets: Socket[] = [];
  let sequence = 0;
  let reachedKillPoint: () => void;
  const killPoint = new Promise<void>((resolve) => (reachedKillPoint = resolve));

  const track = async <T>(call: () => Promise<T>): Promise<T> => {
    state.inFlight++;
    try {
      return await call();
    } finally {
      state.inFlight--;
    }
  };
  const post = async (url: string, body: unknown, token?: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return { status: res.status, body: (await res.json()) as ApiBody };
  };
  const acknowledge = (session: Session, field: string, value: unknown) => {
    session.acknowledged[field] = value;
    if (++state.acknowledged === KILL_AFTER) reachedKillPoint();
  };

  async function worker(w: number) {
    const overSocket = w % 2 === 1;
    let socket: Socket | undefined;
    let turn = 0;
    while (!state.killed) {
      const n = sequence++;
      const started = await track(() =>
        post(`${o.startOn()}/api/v1/sessions`, { procedure: 'elderly-migrant-aid', lang: 'fr' }),
      );
      if (started.status !== 201) throw new Unexpected(`start refused: ${JSON.stringify(started.body)}`);
      const session: Session = { id: started.body.session.id, token: started.body.session.token, acknowledged: {} };
      sessions.push(session);
      let message = started.body.messages.at(-1)!;
      if (overSocket) {
        socket?.disconnect();
        socket = connect(`${o.answerOn(w, turn)}/chat`, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
        });
        sockets.push(socket);
        const resumed = await track(() =>
          socket!.timeout(REQUEST_TIMEOUT_MS).emitWithAck('session:resume', { id: session.id, token: session.token }),
        );
        if (!resumed.ok) throw new Unexpected(`resume refused: ${JSON.stringify(resumed.error)}`);
      }
      while (!state.killed && message.type === 'question') {
        const answer = answerFor(message.node, n);
        if (!answer) throw new Unexpected(`unexpected question ${message.node}`);
        const result: { ok: boolean; error?: unknown; messages: Message[] } = overSocket
          ? await track(() => socket!.timeout(REQUEST_TIMEOUT_MS).emitWithAck('answer', { value: answer.value }))
          : await track(async () => {
              const r = await post(
                `${o.answerOn(w, turn)}/api/v1/sessions/${session.id}/answers`,
                { value: answer.value },
                session.token,
              );
              return { ok: r.status === 200, error: r.body.error, messages: r.body.messages };
            });
        turn++;
        if (!result.ok) throw new Unexpected(`answer refused: ${JSON.stringify(result.error)}`);
        acknowledge(session, answer.field, answer.value);
        message = result.messages.at(-1)!;
      }
    }
  }

  // A request that fails to get an answer after the kill met the killed process; anything else fails the test.
  const workers = Array.from({ length: CONVERSATIONS }, (_, w) =>
    worker(w).catch((err: Error) => (state.killed && !(err instanceof Unexpected) ? undefined : Promise.reject(err))),
  );
  const done = Promise.all(workers).finally(() => sockets.forEach((s) => s.disconnect()));
  const deadline = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`${KILL_AFTER} answers not acknowledged in time`)), DEADLINE_MS).unref(),
  );
  return {
    sessions,
    state,
    /** resolves when KILL_AFTER answers are acknowledged (and rejects if a worker fails first) */
    killPoint: Promise.race([
      killPoint,
      deadline,
      done.then(() => Promise.reject(new Error('the workers stopped early'))),
    ]),
    /** from now on nothing new is sent; resolves when every worker has stopped */
    stop: () => {
      state.killed = true;
      return done;
    },
  };
}

/** Every acknowledged answer of every session, read back from `base`; what is missing or different. */
async function lostAnswers(base: string, sessions: Session[]) {
  const lost: unknown[] = [];
  for (const s of sessions) {
    const res = await fetch(`${base}/api/v1/sessions/${s.id}`, {
      headers: { Authorization: `Bearer ${s.token}` },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await res.json()) as { facts?: Record<string, unknown> };
    const facts = body.facts ?? {};
    const missing = Object.entries(s.acknowledged).filter(([field, value]) => facts[field] !== value);
    if (res.status !== 200 || missing.length) lost.push({ id: s.id, status: res.status, missing });
  }
  return lost;
}

test('SQLite: kill -9 in the middle of 20 conversations, restart on the same file, every acknowledged answer is there', async () => {
  const dir = tempDir('durability-');
  const store = `sqlite:${path.join(dir, 'sessions.db')}`;
  try {
    const first = await startServer(store);
    const run = load({ startOn: () => first.base, answerOn: () => first.base });
    await run.killPoint;
    const inFlight = run.state.inFlight;
    const stopped = run.stop();
    await first.kill();
    await stopped;
    expect(inFlight).toBeGreaterThan(0);

    const second = await startServer(store);
    expect(run.state.acknowledged).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(await lostAnswers(second.base, run.sessions)).toEqual([]);
    await second.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

test('Redis: two processes share the answers, kill -9 one of them, every acknowledged answer is read from the other', async () => {
  const [doomed, survivor] = await Promise.all([startServer(REDIS_URL), startServer(REDIS_URL)]);
  // Sessions start on the survivor (none is left unknown in the shared Redis); answers alternate between the two.
  const run = load({
    startOn: () => survivor.base,
    answerOn: (w, turn) => ((w + turn) % 2 === 0 ? doomed : survivor).base,
  });
  try {
    await run.killPoint;
    const inFlight = run.state.inFlight;
    const stopped = run.stop();
    await doomed.kill();
    await stopped;
    expect(inFlight).toBeGreaterThan(0);

    expect(run.state.acknowledged).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(await lostAnswers(survivor.base, run.sessions)).toEqual([]);
  } finally {
    // The sessions this test created, erased through the API (the server's fixed key prefix is shared).
    await run.stop().catch(() => undefined);
    for (const s of run.sessions) {
      await fetch(`${survivor.base}/api/v1/sessions/${s.id}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${s.token}` },
      });
    }
    await survivor.stop();
  }
}, 60_000);
