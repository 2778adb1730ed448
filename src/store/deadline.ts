import { StoreUnavailableError } from './errors';

/**
 * `work`, or StoreUnavailableError once `ms` have passed: a store that does not answer must not hold
 * a request. What was already sent goes on (it cannot be recalled); its late answer is dropped.
 *
 * The deadline is declared passed only after the event loop has read what had arrived when its timer
 * fired (a `setImmediate`, which runs after that round's I/O): a loop held up past `ms` runs its timers
 * before reading its sockets, and would otherwise fail a call whose answer was already there. A store
 * that really does not answer fails one round later; a late loop no longer counts as a late store.
 */
export async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => setImmediate(() => reject(new StoreUnavailableError(`no answer within ${ms} ms`))), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
