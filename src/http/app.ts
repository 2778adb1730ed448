import cors from 'cors';
import express, { type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Config } from '../config';
import type { Services } from '../edge/services';
import { AppError } from '../errors';
import { contentReportRouter } from './content-report';
import { errorHandler, notFound } from './error-handler';
import { handoversRouter } from './handovers';
import { operationsRouter } from './operations';
import { pagesRouter, publicDir } from './pages';
import { proceduresRouter } from './procedures';
import { referenceRouter } from './reference';
import { sessionsRouter } from './sessions';
import { textsRouter } from './texts';

/** The express app: security headers, CORS for the widget's origins, the API under /api/v1, the pages. */
export function createHttpApp(s: Services, config: Config): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  // The pages' static files may be loaded cross-origin (src/http/pages.ts); the rest keeps helmet's same-origin policy.
  app.use(helmet());
  app.use(
    cors({
      origin: config.CORS_ORIGINS,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Content-Type', 'Authorization'],
    }),
  );
  app.use(timing(s));
  app.use(operationsRouter(s, config));
  app.use('/api/v1', apiRouter(s, config));
  app.use(pagesRouter(publicDir(), s, config.CORS_ORIGINS));
  app.use(notFound);
  app.use(errorHandler(s));
  return app;
}

/** The API under /api/v1 (exported for the test that checks the routes against the OpenAPI document). */
export function apiRouter(s: Services, config: Config) {
  const api = express.Router();
  // Sessions, summaries and decisions are personal: no browser, proxy or CDN may keep a copy.
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use(
    rateLimit({
      windowMs: 60_000,
      limit: config.RATE_LIMIT_PER_MINUTE,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, _res, next) => next(new AppError('RATE_LIMITED')),
    }),
  );
  api.use(express.json({ limit: config.MAX_BODY_BYTES, strict: true }));
  api.use(referenceRouter());
  api.use(textsRouter(s, config));
  api.use(proceduresRouter(s));
  api.use(sessionsRouter(s));
  api.use(handoversRouter(s));
  api.use(contentReportRouter(s));
  return api;
}

/** Times each request; logs its route pattern, never the URL with its ids, and never the client's address. */
function timing(s: Services): express.RequestHandler {
  return (req, res, next) => {
    const stop = s.metrics.turnDuration.startTimer({ transport: 'http', action: req.method });
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      stop();
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      s.logger.debug({ method: req.method, route, status: res.statusCode, ms }, 'request');
    });
    next();
  };
}
