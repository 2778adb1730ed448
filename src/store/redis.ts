import { once } from 'node:events';
import { createAdapter } from '@socket.io/redis-adapter';
import {
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  createClient,
  DisconnectsClientError,
  ErrorReply,
  ReconnectStrategyError,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
  TimeoutError,
  type RedisClientType,
} from 'redis';
import type { Server } from 'socket.io';
import { withinDeadline } from './deadline';
import { StoreUnavailableError } from './errors';
import type { SessionRecord, SessionStore } from './types';

/**
 * Sessions in Redis, for several server processes: one hash per session (version, data), and one
 * sorted set of expiry times. The server's clock decides expiry: it checks `expiresAt` on every
 * read and its sweeper deletes by the sorted set. Redis's own TTL is only a backstop for when no
 * server runs: relative (the session's remaining time by the server's clock, plus a margin), so it
 * never ends a session before the server would, whatever Redis's own clock says.
 */
const CAS = `
local v = redis.call('HGET', KEYS[1], 'version')
if not v or tonumber(v) ~= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'data', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[6])
return 1`;

const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'data', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[5])
return 1`;

/** Deletes the sessions whose expiry (by the server's clock, ARGV[1] in ms) has come; returns how many existed. */
const SWEEP = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local n = 0
for _, id in ipairs(ids) do
  n = n + redis.call('DEL', ARGV[2] .. id)
  redis.call('ZREM', KEYS[1], id)
end
return n`;

/**
 * Every store call answers or fails within this (the wait for a connection included). A constant, not a
 * setting: a turn whose session takes longer than this to read or write is already no use to the person
 * waiting, and nobody has needed another value. node-redis's own `timeout` command option is not enough:
 * it only runs until the command is written, and a hung Redis (TCP open, no answer) takes the write.
 */
const COMMAND_TIMEOUT_MS = 2000;
/** Redis's backstop TTL is the session's remaining time plus this. */
const BACKSTOP_MARGIN_MS = 10 * 60_000;

/**
 * The backstop TTL: remaining time by the server's clock (expiresAt - updatedAt, both written from it), plus the
 * margin.
 */
const backstopTtlMs = (r: SessionRecord): number =>
  Math.max(0, Date.parse(r.expiresAt) - Date.parse(r.updatedAt)) + BACKSTOP_MARGIN_MS;

/**
 * Replies by which Redis says it cannot serve now (loading its data, a script running too long, read-only, out of
 * memory, failing to persist), not that we erred.
 */
const UNAVAILABLE_REPLY = /^(LOADING|BUSY|MISCONF|READONLY|MASTERDOWN|TRYAGAIN|CLUSTERDOWN|OOM|NOREPLICAS)\b/;
const CONNECTION_ERRORS = [
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  DisconnectsClientError,
  ReconnectStrategyError,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
  TimeoutError,
];

// By shape, not `instanceof Error`: Node's own errors may come from another realm (as under jest).
const isSystemError = (err: unknown): err is NodeJS.ErrnoException =>
  typeof (err as NodeJS.ErrnoException | null)?.syscall === 'string';

/**
 * Why Redis cannot answer, in words that carry no request data: the system error's code, or node-redis's fixed message.
 */
const reasonOf = (err: unknown): string =>
  isSystemError(err) ? (err.code ?? err.syscall!) : err instanceof Error ? err.message : String(err);

/**
 * A failure of the connection or of Redis itself becomes StoreUnavailableError; anything else (a bug of ours, an error
 * in our scripts) stays what it is.
 */
function storeFailure(err: unknown): unknown {
  if (err instanceof StoreUnavailableError) return err;
  if (err instanceof ErrorReply)
    return UNAVAILABLE_REPLY.test(err.message) ? new StoreUnavailableError(err.message.split(' ')[0]!) : err;
  if (CONNECTION_ERRORS.some((type) => err instanceof type) || isSystemError(err))
    return new StoreUnavailableError(reasonOf(err));
  return err;
}

export class RedisStore implements SessionStore {
  readonly client: RedisClientType;
  /** Why the connection is down, from its last error; cleared when it is ready again. */
  private failure: string | undefined;
  /** Settles at the next 'ready' or 'error', shared by the calls that wait for the first connection. */
  private attempt: Promise<unknown> | undefined;
  /** Calls sent to Redis and not answered yet. */
  private readonly unanswered = new Set<object>();
  /** Those of them whose timeout has passed. */
  private readonly overdue = new Set<object>();

  constructor(
    url: string,
    private readonly prefix = 'guidance:session:',
  ) {
    // Reconnects on its own. No offline queue: a call made while Redis is away fails now, rather than
    // running after the reconnection, long after its client was told 503.
    this.client = createClient({
      url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: COMMAND_TIMEOUT_MS,
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5000),
      },
    });
    // Errors surface through the calls (and /readyz); the listener also keeps them from crashing the process.
    this.client.on('error', (err: unknown) => (this.failure = reasonOf(err)));
    this.client.on('ready', () => (this.failure = undefined));
    this.client.connect().catch(() => undefined);
  }

  private key(id: string) {
    return `${this.prefix}${id}`;
  }

  private get expiryKey() {
    return `${this.prefix}expiry`;
  }

  /** Runs one store call on the connection, within COMMAND_TIMEOUT_MS, its failures mapped by storeFailure. */
  private call<T>(run: (client: RedisClientType) => Promise<T>): Promise<T> {
    const call = {};
    const work = this.connected()
      .then(async () => {
        this.unanswered.add(call);
        try {
          return await run(this.client);
        } finally {
          this.unanswered.delete(call);
          this.overdue.delete(call);
        }
      })
      .catch((err: unknown) => {
        throw storeFailure(err);
      });
    return withinDeadline(work, COMMAND_TIMEOUT_MS).catch((err: unknown) => {
      if (this.unanswered.has(call)) this.overdue.add(call);
      throw err;
    });
  }

  private async connected() {
    if (!this.client.isOpen) throw new StoreUnavailableError('client closed');
    // A hung Redis is sent nothing more: while a call is unanswered past its timeout, calls fail at once, so
    // that a long hang piles up neither commands nor writes applied long after their client was told 503.
    // Its answer (replies come in order) or the connection's end lifts this.
    if (this.overdue.size > 0)
      throw new StoreUnavailableError(`an earlier call is unanswered after ${COMMAND_TIMEOUT_MS} ms`);
    // A connection known to be down fails at once; only a first attempt still under way is worth waiting for.
    if (!this.client.isReady && this.failure === undefined) {
      await (this.attempt ??= once(this.client, 'ready')
        .catch(() => undefined)
        .finally(() => (this.attempt = undefined)));
    }
    if (!this.client.isReady) throw new StoreUnavailableError(this.failure ?? 'not connected');
  }

  async get(id: string) {
    const data = await this.call((c) => c.hGet(this.key(id), 'data'));
    return data ? (JSON.parse(data) as SessionRecord) : undefined;
  }

  async create(record: SessionRecord) {
    const created = await this.call((c) =>
      c.eval(CREATE, {
        keys: [this.key(record.id), this.expiryKey],
        arguments: [
          String(record.version),
          JSON.stringify(record),
          String(backstopTtlMs(record)),
          String(Date.parse(record.expiresAt)),
          record.id,
        ],
      }),
    );
    if (Number(created) !== 1) throw new Error('session id collision');
  }

  async update(record: SessionRecord) {
    const done = await this.call((c) =>
      c.eval(CAS, {
        keys: [this.key(record.id), this.expiryKey],
        arguments: [
          String(record.version - 1),
          String(record.version),
          JSON.stringify(record),
          String(backstopTtlMs(record)),
          String(Date.parse(record.expiresAt)),
          record.id,
        ],
      }),
    );
    return Number(done) === 1;
  }

  async delete(id: string) {
    const [deleted] = await this.call((c) => c.multi().del(this.key(id)).zRem(this.expiryKey, id).exec());
    return Number(deleted) > 0;
  }

  /** Deletes every session whose expiry by the server's clock has come (Redis's TTL is only the backstop). */
  async deleteExpired(now: Date) {
    const n = await this.call((c) =>
      c.eval(SWEEP, { keys: [this.expiryKey], arguments: [String(now.getTime()), this.prefix] }),
    );
    return Number(n);
  }

  async ping() {
    await this.call((c) => c.ping());
  }

  /**
   * Drops the connection at once: the HTTP server is closed first, so what is left is only what a hung Redis never
   * answered.
   */
  async close() {
    if (this.client.isOpen) this.client.destroy();
  }
}

/**
 * The adapter's publish and (un)subscribe calls are fire-and-forget: while Redis is away they reject, and unhandled, a
 * rejection ends the process.
 */
const FIRE_AND_FORGET = new Set<string | symbol>(['publish', 'subscribe', 'pSubscribe', 'unsubscribe', 'pUnsubscribe']);

function ignoringRejections<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function' || !FIRE_AND_FORGET.has(key)) return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (result instanceof Promise) result.catch(() => undefined);
        return result;
      };
    },
  });
}

/**
 * Socket.IO's Redis adapter on two connections of the store's server (publish, subscribe). It is attached
 * once both connect (until then, and while Redis is away, this process serves its own sockets), and its
 * connections keep node-redis's offline queue, so that subscriptions made during an outage happen after it.
 */
export function useRedisAdapter(io: Server, store: RedisStore): { close(): Promise<void> } {
  const pub = store.client.duplicate({ disableOfflineQueue: false });
  const sub = store.client.duplicate({ disableOfflineQueue: false });
  for (const c of [pub, sub]) c.on('error', () => undefined);
  Promise.all([pub.connect(), sub.connect()]).then(
    () => io.adapter(createAdapter(ignoringRejections(pub), ignoringRejections(sub))),
    () => undefined,
  );
  return {
    // At once, as the store: a hung Redis would never answer a QUIT.
    close: async () => {
      for (const c of [pub, sub]) if (c.isOpen) c.destroy();
    },
  };
}
