import { createAdapter } from '@socket.io/redis-adapter';
import { createClient, type RedisClientType } from 'redis';
import type { Server } from 'socket.io';
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

/** How long a call waits for Redis to (re)connect before it fails. */
const WAIT_MS = 2000;
/** Redis's backstop TTL is the session's remaining time plus this. */
const BACKSTOP_MARGIN_MS = 10 * 60_000;

/** The backstop TTL: remaining time by the server's clock (expiresAt - updatedAt, both written from it), plus the margin. */
export const backstopTtlMs = (r: SessionRecord): number =>
  Math.max(0, Date.parse(r.expiresAt) - Date.parse(r.updatedAt)) + BACKSTOP_MARGIN_MS;

export class RedisStore implements SessionStore {
  readonly client: RedisClientType;
  private readonly ready: Promise<unknown>;

  constructor(
    url: string,
    private readonly prefix = 'guidance:session:',
  ) {
    // Reconnects on its own; a call made while Redis is away fails within a few seconds instead of waiting.
    this.client = createClient({
      url,
      socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5000) },
    });
    // Errors surface through the calls (and /readyz); a listener keeps them from crashing the process.
    this.client.on('error', () => undefined);
    this.ready = this.client.connect().catch(() => undefined);
  }

  private key(id: string) {
    return `${this.prefix}${id}`;
  }

  private get expiryKey() {
    return `${this.prefix}expiry`;
  }

  private async c() {
    if (!this.client.isReady)
      await Promise.race([this.ready, new Promise((resolve) => setTimeout(resolve, WAIT_MS).unref())]);
    if (!this.client.isReady) throw new Error('redis is not reachable');
    return this.client;
  }

  async get(id: string) {
    const data = await (await this.c()).hGet(this.key(id), 'data');
    return data ? (JSON.parse(data) as SessionRecord) : undefined;
  }

  async create(record: SessionRecord) {
    const created = await (
      await this.c()
    ).eval(CREATE, {
      keys: [this.key(record.id), this.expiryKey],
      arguments: [
        String(record.version),
        JSON.stringify(record),
        String(backstopTtlMs(record)),
        String(Date.parse(record.expiresAt)),
        record.id,
      ],
    });
    if (Number(created) !== 1) throw new Error('session id collision');
  }

  async update(record: SessionRecord) {
    const done = await (
      await this.c()
    ).eval(CAS, {
      keys: [this.key(record.id), this.expiryKey],
      arguments: [
        String(record.version - 1),
        String(record.version),
        JSON.stringify(record),
        String(backstopTtlMs(record)),
        String(Date.parse(record.expiresAt)),
        record.id,
      ],
    });
    return Number(done) === 1;
  }

  async delete(id: string) {
    const client = await this.c();
    const [deleted] = await client.multi().del(this.key(id)).zRem(this.expiryKey, id).exec();
    return Number(deleted) > 0;
  }

  /** Deletes every session whose expiry by the server's clock has come (Redis's TTL is only the backstop). */
  async deleteExpired(now: Date) {
    const n = await (
      await this.c()
    ).eval(SWEEP, { keys: [this.expiryKey], arguments: [String(now.getTime()), this.prefix] });
    return Number(n);
  }

  async ping() {
    await (await this.c()).ping();
  }

  async close() {
    if (this.client.isReady) await this.client.quit();
    else if (this.client.isOpen) await this.client.disconnect();
  }
}

/** Socket.IO's Redis adapter on two connections of the store's server (publish, subscribe). */
export function useRedisAdapter(io: Server, store: RedisStore): { close(): Promise<void> } {
  const pub = store.client.duplicate();
  const sub = store.client.duplicate();
  for (const c of [pub, sub]) c.on('error', () => undefined);
  Promise.all([pub.connect(), sub.connect()]).then(
    () => io.adapter(createAdapter(pub, sub)),
    () => undefined,
  );
  return {
    close: async () => {
      await Promise.all([pub, sub].map((c) => (c.isReady ? c.quit() : c.isOpen ? c.disconnect() : undefined)));
    },
  };
}
