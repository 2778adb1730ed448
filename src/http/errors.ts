import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { z } from 'zod';
import { AppError, type ErrorBody } from '../errors';
import { StoreUnavailableError } from '../store/errors';
import { supportedLanguage, translator } from '../i18n';
import type { Logger } from '../logger';
import { bearerToken, type Services } from './context';

/** Turns anything thrown into the closed error list; how each is logged is logServerFailure's (5xx) and the transport's (4xx). */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof StoreUnavailableError) return new AppError('STORE_UNAVAILABLE');
  if (err instanceof z.ZodError) return new AppError('INVALID_PAYLOAD', { field: err.issues[0]?.path.join('.') || undefined });
  const type = (err as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') return new AppError('MALFORMED_JSON');
  if (type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new AppError('INVALID_PAYLOAD');
  return new AppError('INTERNAL');
}

/**
 * Logs a 5xx once, never with the request's data. A store that cannot answer is an outage, not a bug:
 * a warning with its reason and no stack. Anything else is a bug: an error with its stack.
 */
export function logServerFailure(logger: Logger, e: AppError, err: unknown, msg: string, context: Record<string, string> = {}): void {
  if (e.code === 'STORE_UNAVAILABLE') logger.warn({ code: e.code, ...context, reason: err instanceof StoreUnavailableError ? err.reason : undefined }, 'store unavailable');
  else if (e.status >= 500) logger.error({ code: e.code, ...context, err: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : undefined }, msg);
}

export function errorBody(err: AppError, services: Pick<Services, 'i18n' | 'content'>, lang: string): ErrorBody {
  const t = translator(services.i18n, lang);
  const message = err.options.reason ? t(err.options.reason, err.options.values ?? {}) : t(`common:errors.${err.code}`);
  return { code: err.code, message, ...(err.options.field ? { field: err.options.field } : {}) };
}

const SESSION_PATH = /^\/api\/v1\/sessions\/([^/]+)/;

export function errorHandler(services: Services): ErrorRequestHandler {
  return async (err, req, res, _next) => {
    const appError = toAppError(err);
    const { metrics, logger } = services;
    metrics.errors.inc({ code: appError.code, transport: 'http' });
    if (appError.status >= 500) logServerFailure(logger, appError, err, 'request failed');
    else logger.info({ code: appError.code, method: req.method }, 'request refused');

    const lang = appError.options.lang ?? supportedLanguage(String(req.query.lang ?? ''), services.content.languages) ?? 'fr';
    let messages = appError.options.messages;
    // Bad input on a session's route (malformed JSON, wrong types, too large): the question again, so nothing is lost.
    if (!messages && [400, 413].includes(appError.status)) messages = await questionAgain(req, services);
    res.status(appError.status).json({ error: errorBody(appError, services, messages ? (messages[0] as { lang?: string }).lang ?? lang : lang), ...(messages ? { messages } : {}) });
  };
}

async function questionAgain(req: Request, services: Services) {
  const id = req.originalUrl.match(SESSION_PATH)?.[1];
  if (!id) return undefined;
  try {
    return await services.dialogue.questionAgain(id, bearerToken(req));
  } catch {
    return undefined;
  }
}

export const notFound: RequestHandler = (_req, _res, next) => next(new AppError('NOT_FOUND'));
