import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** Session tokens: 256 random bits, given once to the client, stored only as a SHA-256 hash. */
export const newToken = (): string => randomBytes(32).toString('base64url');
export const newSessionId = (): string => randomUUID();
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function tokenMatches(token: string, hash: string): boolean {
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
