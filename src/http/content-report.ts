import { Router } from 'express';
import { z } from 'zod';
import { todayIn } from '../clock';
import { contentReport, contentReportText } from '../content/report';
import { isoDate } from '../content/schemas';
import { AppError } from '../errors';
import { presentedTerminal } from '../edge/credentials';
import { requestLanguage } from './request-language';
import type { Services } from '../edge/services';

const reportQuery = z.object({ asOf: isoDate.optional() });

/**
 * GET /content/report: the content report for service owners (every legal parameter, its status, its
 * source, when it was last checked and when it goes stale), behind an agent's credential as agent
 * sessions are. `?asOf=` shows another day; `?format=text` the printable form.
 */
export function contentReportRouter(s: Services): Router {
  const router = Router();
  router.get('/content/report', async (req, res) => {
    const lang = requestLanguage(req, s);
    const terminal = await presentedTerminal(s, req.ip ?? 'unknown', { agent: req.get('x-agent-key') }, lang);
    if (terminal?.kind !== 'agent') throw new AppError('AGENT_CREDENTIAL_REQUIRED', { lang });
    const format = req.query.format ?? 'json';
    if (format !== 'json' && format !== 'text') throw new AppError('UNSUPPORTED_FORMAT', { lang });
    const { asOf } = reportQuery.parse({ asOf: req.query.asOf });
    const report = contentReport(s.content, asOf ?? todayIn(s.clock));
    if (format === 'text') res.type('text/plain').send(contentReportText(report));
    else res.json(report);
  });
  return router;
}
