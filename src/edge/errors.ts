import { z } from 'zod';
import { AppError, type ErrorBody } from '../errors';
import { translator } from '../i18n';
import { loggableError } from '../logger';
import { StoreUnavailableError } from '../store/errors';
import type { Services } from './services';

/** Turns anything thrown into the closed error list (src/errors.ts, docs/errors.md). */
function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof StoreUnavailableError) return new AppError('STORE_UNAVAILABLE');
  if (err instanceof z.ZodError) {
    return new AppError('INVALID_PAYLOAD', { field: err.issues[0]?.path.join('.') || undefined });
  }
  // A path parameter that is not valid percent-encoding ("%ZZ"): the router throws a URIError.
  if (err instanceof URIError) return new AppError('MALFORMED_URL');
  const { type, status } = (err ?? {}) as { type?: string; status?: unknown };
  if (type === 'entity.parse.failed') return new AppError('MALFORMED_JSON');
  if (type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE');
  // Any other refusal by the body parser (undecodable gzip or deflate, unknown charset or encoding, an aborted body).
  if (typeof status === 'number' && status >= 400 && status < 500) return new AppError('INVALID_PAYLOAD');
  return new AppError('INTERNAL');
}

/** The error as the client reads it: its code, a message in the session's language, the field. Nothing internal. */
export function errorBody(err: AppError, services: Pick<Services, 'i18n'>, lang: string): ErrorBody {
  const t = translator(services.i18n, lang);
  const message = err.options.reason ? t(err.options.reason, err.options.values ?? {}) : t(`common:errors.${err.code}`);
  return {
    code: err.code,
    message,
    ...(err.options.field ? { field: err.options.field } : {}),
    ...(err.options.languages ? { languages: err.options.languages } : {}),
    ...(err.options.retryAfter !== undefined ? { retryAfter: err.options.retryAfter } : {}),
  };
}

/**
 * Counts and logs an error answered on a transport, never with the payload: a server fault as an error
 * with its stack frames, a store that cannot answer as a warning, a client's mistake as info; a refusal
 * under overload is only counted.
 */
export function noteError(
  s: Pick<Services, 'metrics' | 'logger'>,
  err: unknown,
  transport: 'http' | 'socket',
  what: string,
): AppError {
  const e = toAppError(err);
  s.metrics.errors.inc({ code: e.code, transport });
  // refused under overload: counted, and logged once per overload by the guard (edge/load.ts), not once per refusal
  if (e.code === 'SERVER_BUSY') return e;
  // an outage, not a bug: a warning with its reason, no stack
  if (e.code === 'STORE_UNAVAILABLE') {
    s.logger.warn(
      { code: e.code, what, reason: err instanceof StoreUnavailableError ? err.reason : undefined },
      'store unavailable',
    );
  } else if (e.status >= 500) s.logger.error({ code: e.code, what, err: loggableError(err) }, 'failed');
  else s.logger.info({ code: e.code, what }, 'refused');
  return e;
}
