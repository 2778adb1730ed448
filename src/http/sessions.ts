import { Router, type Request, type RequestHandler } from 'express';
import { presentedTerminal } from '../edge/credentials';
import * as input from '../edge/schemas';
import type { Services } from '../edge/services';
import { startSession } from '../edge/start-session';
import { languageOf } from '../edge/language';
import { AppError } from '../errors';
import { isMachineTranslated, voiceOf } from '../languages';
import { bearerToken } from './bearer';
import { preferredOf, requestLanguage } from './request-language';
import { summaryHtml, summaryIcs, summaryText } from './summary-formats';

/**
 * A new session or a turn is refused at once while the server is overloaded (edge/load.ts); reading a session, its
 * summary, erasing it and handing it over are not.
 */
const admitting =
  (s: Services): RequestHandler =>
  (_req, res, next) => {
    // in progress until the response is sent or the connection closed ('close' follows either)
    res.once('close', s.load.admit());
    next();
  };

export function sessionsRouter(s: Services): Router {
  const router = Router();
  const token = (req: Request) => bearerToken(req);
  const id = (req: Request) => String(req.params.id);

  router.post('/sessions', admitting(s), async (req, res) => {
    const body = input.startSession.parse(req.body ?? {});
    const address = req.ip ?? 'unknown';
    const keys = { agent: req.get('x-agent-key'), kiosk: req.get('x-kiosk-key') };
    const preferredLang = preferredOf(req, s);
    const terminal = await presentedTerminal(s, address, keys, preferredLang);
    const client = { address, preferredLang, ...(terminal ? { terminal } : {}) };
    res.status(201).json(await startSession(s, body, client));
  });

  router.get('/sessions/:id', async (req, res) => {
    res.json(await s.dialogue.current(id(req), token(req)));
  });

  // Bodies are checked after the token, so a stranger learns nothing; a bad body gets
  // INVALID_PAYLOAD with the question again (added by the error middleware).
  router.post('/sessions/:id/answers', admitting(s), async (req, res) => {
    await s.dialogue.load(id(req), token(req));
    res.json(await s.dialogue.answer(id(req), token(req), input.answer.parse(req.body)));
  });

  // Change an earlier answer (0-based, in the order given); the later answers that still apply are kept.
  router.put('/sessions/:id/answers/:index', admitting(s), async (req, res) => {
    await s.dialogue.load(id(req), token(req));
    const index = input.answerIndex.parse(req.params.index);
    res.json(await s.dialogue.changeAnswer(id(req), token(req), index, input.answer.parse(req.body)));
  });

  router.post('/sessions/:id/back', admitting(s), async (req, res) => {
    await s.dialogue.load(id(req), token(req));
    res.json(await s.dialogue.back(id(req), token(req), input.back.parse(req.body ?? {})));
  });

  router.post('/sessions/:id/restart', admitting(s), async (req, res) => {
    res.json(await s.dialogue.restart(id(req), token(req)));
  });

  router.patch('/sessions/:id', admitting(s), async (req, res) => {
    const session = await s.dialogue.load(id(req), token(req));
    // refused in the session's language, with the languages offered
    const lang = languageOf(input.setLanguage.parse(req.body).lang, s.content, session.lang);
    res.json(await s.dialogue.setLanguage(id(req), token(req), lang));
  });

  router.get('/sessions/:id/summary', async (req, res) => {
    // ?lang=: in another language than the session's (an agent's summary in French for a caller who speaks Arabic)
    const lang = req.query.lang === undefined ? undefined : requestLanguage(req, s);
    const summary = await s.dialogue.summary(id(req), token(req), lang);
    const voice = voiceOf(s.content, s.i18n, summary.session.lang);
    const format = req.query.format ?? 'json';
    // The French beside the person's language: asked for (?bilingual=1), or always while the translation is unreviewed.
    const withFrench =
      summary.session.lang !== 'fr' &&
      (req.query.bilingual === '1' || isMachineTranslated(s.content, summary.session.lang));
    const french = withFrench
      ? { summary: await s.dialogue.summary(id(req), token(req), 'fr'), voice: voiceOf(s.content, s.i18n, 'fr') }
      : undefined;
    if (format === 'json') res.json(summary);
    else if (format === 'html') res.type('html').send(summaryHtml(summary, voice, french));
    else if (format === 'text') res.type('text/plain').send(summaryText(summary, voice, french));
    else if (format === 'ics') res.type('text/calendar').attachment('deadlines.ics').send(summaryIcs(summary, voice));
    else throw new AppError('UNSUPPORTED_FORMAT', { lang: summary.session.lang });
  });

  router.delete('/sessions/:id', async (req, res) => {
    await s.dialogue.erase(id(req), token(req));
    res.status(204).end();
  });

  return router;
}
