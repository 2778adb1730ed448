// The benchmark's own use of Redis: reading what Redis says about itself, and deleting the sessions the
// benchmark made. The servers' key prefix is fixed (src/store/redis.ts), so the benchmark keeps its
// sessions apart with a database of its own (BENCH_REDIS_DB) rather than a prefix.
import { createClient } from 'redis';

export const REDIS_PREFIX = 'guidance:session:';

async function withRedis(url, fn) {
  const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.quit();
  }
}

/**
 * Deletes the sessions in the benchmark's database (SCAN + DEL on the server's prefix, the expiry index included);
 * returns how many keys.
 */
export const cleanRedis = (url) =>
  withRedis(url, async (client) => {
    let deleted = 0;
    for await (const keys of client.scanIterator({ MATCH: `${REDIS_PREFIX}*`, COUNT: 1000 })) {
      // node-redis 5 yields a batch of keys per SCAN call, 4 one key at a time
      const batch = Array.isArray(keys) ? keys : [keys];
      if (batch.length) deleted += await client.del(batch);
    }
    return deleted;
  });

/** Redis's process id (to read its CPU time) and the memory it uses. */
export const redisInfo = (url) =>
  withRedis(url, async (client) => {
    const info = await client.info();
    const field = (name) => new RegExp(`^${name}:(\\S+)`, 'm').exec(info)?.[1];
    return { pid: Number(field('process_id')), usedMemory: Number(field('used_memory')) };
  });
