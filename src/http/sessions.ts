import { Router, type Request } from 'express';
import { presentedTerminal } from '../edge/credentials';
import { languageOf } from '../edge/language';
import * as input from '../edge/schemas';
import type { Services } from '../edge/services';
import { startSession } from '../edge/start-session';
import { AppError } from '../errors';
import { translator } from '../i18n';
import { bearerToken } from './bearer';
import { summaryHtml, summaryIcs, summaryText } from './summary-formats';

export function sessionsRouter(s: Services): Router {
  const router = Router();
  const token = (req: Request) => bearerToken(req);
  const id = (req: Request) => String(req.params.id);

  router.post('/sessions', async (req, res) => {
    const body = input.startSession.parse(req.body ?? {});
    const address = req.ip ?? 'unknown';
    const keys = { agent: req.get('x-agent-key'), kiosk: req.get('x-kiosk-key') };
    const terminal = await presentedTerminal(s, address, keys, body.lang);
    res.status(201).json(await startSession(s, body, { address, ...(terminal ? { terminal } : {}) }));
  });

  router.get('/sessions/:id', async (req, res) => {
    res.json(await s.dialogue.current(id(req), token(req)));
  });

  // Bodies are checked after the token, so a stranger learns nothing; a bad body gets
  // INVALID_PAYLOAD with the question again (added by the error middleware).
  router.post('/sessions/:id/answers', async (req, res) => {
    await s.dialogue.load(id(req), token(req));
    res.json(await s.dialogue.answer(id(req), token(req), input.answer.parse(req.body)));
  });

  // Change an earlier answer (0-based, in the order given); the later answers that still apply are kept.
  router.put('/sessions/:id/answers/:index', async (req, res) => {
    await s.dialogue.load(id(req), token(req));
    const index = input.answerIndex.parse(req.params.index);
    res.json(await s.dialogue.changeAnswer(id(req), token(req), index, input.answer.parse(req.body)));
  });

  router.post('/sessions/:id/back', async (req, res) => {
    await s.dialogue.load(id(req), token(req));
    res.json(await s.dialogue.back(id(req), token(req), input.back.parse(req.body ?? {})));
  });

  router.post('/sessions/:id/restart', async (req, res) => {
    res.json(await s.dialogue.restart(id(req), token(req)));
  });

  router.patch('/sessions/:id', async (req, res) => {
    await s.dialogue.load(id(req), token(req));
    const lang = languageOf(input.setLanguage.parse(req.body).lang, s.content.languages);
    res.json(await s.dialogue.setLanguage(id(req), token(req), lang));
  });

  router.get('/sessions/:id/summary', async (req, res) => {
    // ?lang=: in another language than the session's (an agent's summary in French for a caller who speaks Arabic)
    const lang = req.query.lang === undefined ? undefined : languageOf(req.query.lang, s.content.languages);
    const summary = await s.dialogue.summary(id(req), token(req), lang);
    const t = translator(s.i18n, summary.session.lang);
    const format = req.query.format ?? 'json';
    if (format === 'json') res.json(summary);
    else if (format === 'html') {
      // ?bilingual=1: the French beside the person's language (kiosk print-outs)
      const french =
        req.query.bilingual === '1' && summary.session.lang !== 'fr'
          ? await s.dialogue.summary(id(req), token(req), 'fr')
          : undefined;
      res.type('html').send(summaryHtml(summary, t, french && { summary: french, t: translator(s.i18n, 'fr') }));
    } else if (format === 'text') res.type('text/plain').send(summaryText(summary, t));
    else if (format === 'ics') res.type('text/calendar').attachment('deadlines.ics').send(summaryIcs(summary, t));
    else throw new AppError('UNSUPPORTED_FORMAT', { lang: summary.session.lang });
  });

  router.delete('/sessions/:id', async (req, res) => {
    await s.dialogue.erase(id(req), token(req));
    res.status(204).end();
  });

  return router;
}
