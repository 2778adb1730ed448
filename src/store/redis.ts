import { createAdapter } from '@socket.io/redis-adapter';
import { createClient, type RedisClientType } from 'redis';
import type { Server } from 'socket.io';
import type { SessionRecord, SessionStore } from './types';

/**
 * Sessions in Redis, for several server processes: one hash per session (version, data), which
 * Redis itself deletes when the session expires. Writes compare and set the version in one script.
 */
const CAS = `
local v = redis.call('HGET', KEYS[1], 'version')
if not v or tonumber(v) ~= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'data', ARGV[3])
redis.call('PEXPIREAT', KEYS[1], ARGV[4])
return 1`;

const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'data', ARGV[2])
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
return 1`;

/** How long a call waits for Redis to (re)connect before it fails. */
const WAIT_MS = 2000;

export class RedisStore implements SessionStore {
  readonly client: RedisClientType;
  private readonly ready: Promise<unknown>;

  constructor(
    url: string,
    private readonly prefix = 'guidance:session:',
  ) {
    // Reconnects on its own; a call made while Redis is away fails within a few seconds instead of waiting.
    this.client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5000) } });
    // Errors surface through the calls (and /readyz); a listener keeps them from crashing the process.
    this.client.on('error', () => undefined);
    this.ready = this.client.connect().catch(() => undefined);
  }

  private key(id: string) {
    return `${this.prefix}${id}`;
  }

  private async c() {
    if (!this.client.isReady) await Promise.race([this.ready, new Promise((resolve) => setTimeout(resolve, WAIT_MS).unref())]);
    if (!this.client.isReady) throw new Error('redis is not reachable');
    return this.client;
  }

  async get(id: string) {
    const data = await (await this.c()).hGet(this.key(id), 'data');
    return data ? (JSON.parse(data) as SessionRecord) : undefined;
  }

  async create(record: SessionRecord) {
    const created = await (await this.c()).eval(CREATE, {
      keys: [this.key(record.id)],
      arguments: [String(record.version), JSON.stringify(record), String(Date.parse(record.expiresAt))],
    });
    if (Number(created) !== 1) throw new Error('session id collision');
  }

  async update(record: SessionRecord) {
    const done = await (await this.c()).eval(CAS, {
      keys: [this.key(record.id)],
      arguments: [String(record.version - 1), String(record.version), JSON.stringify(record), String(Date.parse(record.expiresAt))],
    });
    return Number(done) === 1;
  }

  async delete(id: string) {
    return (await (await this.c()).del(this.key(id))) > 0;
  }

  /** Redis deletes expired sessions by itself (PEXPIREAT on every write). */
  async deleteExpired() {
    return 0;
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
