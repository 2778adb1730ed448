import { Router } from 'express';
import { z } from 'zod';
import { todayIn } from '../clock';
import { buildScript } from '../dialogue/script';
import { scriptHtml } from './script-html';
import { AppError } from '../errors';
import { translator } from '../i18n';
import { procedureRules, timeZoneFor } from '../rules';
import { renderDecision } from '../rules/render';
import { languageOf, type Services } from './context';
import { evaluateBody } from './schemas';

export function proceduresRouter(s: Services): Router {
  const router = Router();
  const rulesOf = (id: string) => {
    const rules = procedureRules.get(id);
    if (!rules || !s.engine.has(id)) throw new AppError('UNKNOWN_PROCEDURE');
    return rules;
  };

  router.get('/procedures', (req, res) => {
    const lang = languageOf(req.query.lang, s.content.languages);
    const t = translator(s.i18n, lang);
    res.json([...procedureRules.keys()].filter((id) => s.engine.has(id)).map((id) => ({ id, title: t(`${id}:title`), summary: t(`${id}:summary`) })));
  });

  router.get('/procedures/:id/facts', (req, res) => {
    const rules = rulesOf(req.params.id);
    res.json(z.toJSONSchema(rules.factsSchema, { io: 'input' }));
  });

  router.post('/procedures/:id/evaluate', (req, res) => {
    const rules = rulesOf(req.params.id);
    const body = evaluateBody.parse(req.body);
    const lang = languageOf(body.lang ?? req.query.lang, s.content.languages);
    const facts = rules.factsSchema.safeParse(body.facts);
    if (!facts.success) throw new AppError('INVALID_FACTS', { field: facts.error.issues[0]?.path.join('.') || undefined, lang });
    const asOf = body.asOf ?? todayIn(s.clock, timeZoneFor(facts.data));
    const raw = rules.evaluate(facts.data, { asOf, content: s.content });
    res.json({ decision: renderDecision(raw, s.content, translator(s.i18n, lang), lang) });
  });

  // Walking a flow takes a moment for the larger procedures: one script per procedure, language and day.
  const scripts = new Map<string, ReturnType<typeof buildScript>>();
  router.get('/procedures/:id/script', (req, res) => {
    rulesOf(req.params.id);
    const lang = languageOf(req.query.lang, s.content.languages);
    const format = req.query.format ?? 'json';
    if (format !== 'json' && format !== 'html') throw new AppError('UNSUPPORTED_FORMAT', { lang });
    const today = todayIn(s.clock);
    const key = `${req.params.id}|${lang}|${today}`;
    if (!scripts.has(key)) {
      if (scripts.size > 50) scripts.clear();
      scripts.set(key, buildScript(s.engine, s.content, req.params.id, translator(s.i18n, lang), lang, today));
    }
    const script = scripts.get(key)!;
    if (format === 'html') res.type('html').send(scriptHtml(script, translator(s.i18n, lang)));
    else res.json(script);
  });

  return router;
}
