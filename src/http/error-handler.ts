import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { errorBody, noteError } from '../edge/errors';
import type { Services } from '../edge/services';
import { AppError } from '../errors';
import { supportedLanguage } from '../i18n';
import { bearerToken } from './bearer';

const SESSION_PATH = /^\/api\/v1\/sessions\/([^/]+)/;

/** Every error answered with its code; on a session's route, bad input also gets the question again. */
export function errorHandler(services: Services): ErrorRequestHandler {
  return async (err, req, res, _next) => {
    const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
    const e = noteError(services, err, 'http', `${req.method} ${route}`);
    const lang =
      e.options.lang ??
      supportedLanguage(typeof req.query.lang === 'string' ? req.query.lang : undefined, services.content.languages) ??
      'fr';
    let messages = e.options.messages;
    // Bad input on a session's route (malformed JSON, wrong types, too large): the question again, so nothing is lost.
    if (!messages && [400, 413].includes(e.status)) messages = await questionAgain(req, services);
    const messagesLang = (messages?.[0] as { lang?: string } | undefined)?.lang ?? lang;
    if (e.options.retryAfter !== undefined) res.set('Retry-After', String(e.options.retryAfter));
    res.status(e.status).json({ error: errorBody(e, services, messagesLang), ...(messages ? { messages } : {}) });
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
