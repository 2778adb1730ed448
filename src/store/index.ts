import { MemoryStore } from './memory';
import { SqliteStore } from './sqlite';
import type { SessionStore } from './types';

export type { SessionStore, SessionRecord, StoredAnswer, Channel } from './types';

/** Picks the store from one setting: `memory:`, `sqlite:<path>`. */
export function createStore(url: string): SessionStore {
  if (url === 'memory:') return new MemoryStore();
  if (url.startsWith('sqlite:')) return new SqliteStore(url.slice('sqlite:'.length));
  throw new Error(`unsupported STORE_URL ${url}`);
}
