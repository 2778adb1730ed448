import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { z } from 'zod';
import { AppError, type ErrorBody } from '../errors';
import { StoreUnavailableError } from '../store/errors';
import { supportedLanguage, translator } from '../i18n';
import { loggableError } from '../logger';
import { bearerToken, type Services } from './context';

/** Turns anything thrown into the closed error list; 5xx are logged as errors, 4xx as info, never with the payload. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof StoreUnavailableError) return new AppError('STORE_UNAVAILABLE');
  if (err instanceof z.ZodError)
    return new AppError('INVALID_PAYLOAD', { field: err.issues[0]?.path.join('.') || undefined });
  // A path parameter that is not valid percent-encoding ("%ZZ"): the router throws a URIError.
  if (err instanceof URIError) return new AppError('MALFORMED_URL');
  const { type, status } = (err ?? {}) as { type?: string; status?: unknown };
  if (type === 'entity.parse.failed') return new AppError('MALFORMED_JSON');
  if (type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE');
  // Any other refusal by the body parser (undecodable gzip or deflate, unknown charset or encoding, an aborted body).
  if (typeof status === 'number' && status >= 400 && status < 500) return new AppError('INVALID_PAYLOAD');
  return new AppError('INTERNAL');
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
    if (appError.status >= 500) logger.error({ code: appError.code, err: loggableError(err) }, 'request failed');
    else logger.info({ code: appError.code, method: req.method }, 'request refused');

    const lang =
      appError.options.lang ?? supportedLanguage(String(req.query.lang ?? ''), services.content.languages) ?? 'fr';
    let messages = appError.options.messages;
    // Bad input on a session's route (malformed JSON, wrong types, too large): the question again, so nothing is lost.
    if (!messages && [400, 413].includes(appError.status)) messages = await questionAgain(req, services);
    res
      .status(appError.status)
      .json({
        error: errorBody(appError, services, messages ? ((messages[0] as { lang?: string }).lang ?? lang) : lang),
        ...(messages ? { messages } : {}),
      });
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
