import type { Request } from 'express';

/** The session token of `Authorization: Bearer <token>`. */
export const bearerToken = (req: Request): string | undefined =>
  req.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
