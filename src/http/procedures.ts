import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../errors';
import { translator } from '../i18n';
import { scriptHtml } from './script-html';
import { voiceOf } from '../languages';
import { requestLanguage } from './request-language';
import type { Services } from '../edge/services';
import * as input from '../edge/schemas';

/** The catalogue, from the procedure registry: the list, each one's facts, evaluate, and the agents' script. */
export function proceduresRouter(s: Services): Router {
  const router = Router();
  const procedureOf = (id: string) => {
    const procedure = s.engine.procedures.get(id);
    if (!procedure) throw new AppError('UNKNOWN_PROCEDURE');
    return procedure;
  };

  router.get('/procedures', (req, res) => {
    const lang = requestLanguage(req, s);
    const t = translator(s.i18n, lang);
    res.json(s.engine.procedures.all.map(({ id }) => ({ id, title: t(`${id}:title`), summary: t(`${id}:summary`) })));
  });

  router.get('/procedures/:id/facts', (req, res) => {
    res.json(z.toJSONSchema(procedureOf(req.params.id).factsSchema, { io: 'input' }));
  });

  router.post('/procedures/:id/evaluate', (req, res) => {
    procedureOf(req.params.id);
    const body = input.evaluate.parse(req.body);
    const lang = requestLanguage(req, s, body.lang ?? req.query.lang);
    res.json({
      decision: s.dialogue.evaluate(req.params.id, body.facts, { ...(body.asOf ? { asOf: body.asOf } : {}), lang }),
    });
  });

  router.get('/procedures/:id/script', (req, res) => {
    procedureOf(req.params.id);
    const lang = requestLanguage(req, s);
    const format = req.query.format ?? 'json';
    if (format !== 'json' && format !== 'html') throw new AppError('UNSUPPORTED_FORMAT', { lang });
    const script = s.dialogue.script(req.params.id, lang);
    if (format === 'html') res.type('html').send(scriptHtml(script, voiceOf(s.content, s.i18n, lang)));
    else res.json(script);
  });

  return router;
}
