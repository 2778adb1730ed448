/**
 * A store that cannot answer now (Redis down or hung, SQLite locked by another process). Every store
 * call that fails for such a reason throws this; the transports answer 503 STORE_UNAVAILABLE.
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';

  constructor(readonly reason: string) {
    super(`store unavailable: ${reason}`);
  }
}
