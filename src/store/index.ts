import { MemoryStore } from './memory';
import { RedisStore } from './redis';
import { SqliteStore } from './sqlite';
import type { SessionStore } from './types';

export type { SessionStore } from './types';

/** Picks the store from one setting: `memory:`, `sqlite:<path>`, `redis://host:port`. */
export function createStore(url: string): SessionStore {
  if (url === 'memory:') return new MemoryStore();
  if (url.startsWith('sqlite:')) return new SqliteStore(url.slice('sqlite:'.length));
  if (url.startsWith('redis://') || url.startsWith('rediss://')) return new RedisStore(url);
  throw new Error(`unsupported STORE_URL ${url}`);
}
