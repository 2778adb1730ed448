import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import cors from 'cors';
import express, { type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { Server as IoServer } from 'socket.io';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { Credentials } from './credentials';
import { ClientLimits } from './limits';
import { loadContent, type Content } from './content/load';
import { FlowEngine } from './dialogue/engine';
import { DialogueService } from './dialogue/service';
import { AppError } from './errors';
import type { Services } from './http/context';
import { contentReportRouter } from './http/content-report';
import { errorHandler, notFound } from './http/errors';
import { proceduresRouter } from './http/procedures';
import { pagesRouter, publicDir } from './http/pages';
import { sessionsRouter } from './http/sessions';
import { textsRouter } from './http/texts';
import { createI18n } from './i18n';
import { createLogger, type Logger } from './logger';
import { createMetrics } from './metrics';
import { attachChat } from './realtime/chat';
import { ProcedureRegistry, type Procedure } from './procedures/registry';
import { createStore } from './store';
import { RedisStore, useRedisAdapter } from './store/redis';
import type { SessionStore } from './store/types';

export interface Application {
  app: Express;
  httpServer: HttpServer;
  io: IoServer;
  services: Services;
  /** listens on config.PORT/HOST (0 = any free port) and resolves with the port */
  listen(): Promise<number>;
  close(): Promise<void>;
}

export interface Overrides {
  clock?: Clock;
  store?: SessionStore;
  logger?: Logger;
  content?: Content;
  /** the guided procedures (default: the registry's); triage and the catalogue follow them */
  procedures?: readonly Procedure[];
}

/** Listens and resolves with the port (0 = any free port). */
function listenOn(server: HttpServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** A browser's WebSocket may come from this server's own pages or a configured origin; non-browser clients send no Origin. */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

const sameSecret = (given: string | undefined, expected: string) => {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Builds the whole server from settings; nothing listens until listen(). Tests inject a clock or a store. */
export function createApplication(config: Config, overrides: Overrides = {}): Application {
  const content = overrides.content ?? loadContent();
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const store = overrides.store ?? createStore(config.STORE_URL);
  const clock = overrides.clock ?? systemClock;
  const metrics = createMetrics();
  const i18n = createI18n(content);
  const engine = new FlowEngine(new ProcedureRegistry(overrides.procedures), { content });
  const dialogue = new DialogueService({
    store,
    engine,
    content,
    i18n,
    clock,
    ttlSeconds: {
      web: config.SESSION_TTL_WEB_SECONDS,
      kiosk: config.SESSION_TTL_KIOSK_SECONDS,
      agent: config.SESSION_TTL_AGENT_SECONDS,
    },
    maxAgeSeconds: { kiosk: config.SESSION_MAX_AGE_KIOSK_SECONDS },
    events: {
      started: (procedure, channel) => metrics.sessionsStarted.inc({ procedure, channel }),
      finished: (procedure, outcome, status) => metrics.sessionsFinished.inc({ procedure, outcome, status }),
    },
  });
  const credentials = new Credentials({
    ...(config.AGENT_KEY ? { agentKey: config.AGENT_KEY } : {}),
    ...(config.TERMINALS_FILE ? { file: config.TERMINALS_FILE } : {}),
  });
  const limits = new ClientLimits(config);
  const services: Services = { dialogue, engine, content, i18n, clock, store, logger, metrics, credentials, limits };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  // The widget is embedded by other sites (CORS_ORIGINS): its script and what it loads may be fetched cross-origin;
  // everything else keeps helmet's same-origin policy.
  app.use(helmet());
  app.use(
    cors({
      origin: config.CORS_ORIGINS,
      methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowedHeaders: ['Content-Type', 'Authorization'],
    }),
  );
  app.use((req, res, next) => {
    const stop = metrics.turnDuration.startTimer({ transport: 'http', action: req.method });
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      stop();
      // The route pattern, never the URL with its ids, and never the client's address.
      logger.debug(
        {
          method: req.method,
          route: req.route?.path ?? 'unmatched',
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: 'ready' });
    } catch {
      throw new AppError('STORE_UNAVAILABLE');
    }
  });
  // Metrics tell outcomes as they happen: on their own port (kept off the public side), or behind a token.
  if (!config.METRICS_PORT && config.METRICS_TOKEN) {
    const expected = `Bearer ${config.METRICS_TOKEN}`;
    app.get('/metrics', async (req, res, next) => {
      if (!sameSecret(req.get('authorization'), expected)) return next(new AppError('NOT_FOUND'));
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }

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
  api.use(textsRouter(services));
  api.use(proceduresRouter(services));
  api.use(sessionsRouter(services));
  api.use(contentReportRouter(services));
  app.use('/api/v1', api);
  app.use(pagesRouter(publicDir(), services));
  app.use(notFound);
  app.use(errorHandler(services));

  const httpServer = createServer(app);
  const io = new IoServer(httpServer, {
    maxHttpBufferSize: config.MAX_BODY_BYTES,
    cors: { origin: config.CORS_ORIGINS },
    serveClient: false,
    // A WebSocket handshake ignores CORS: a page may open /chat only from this server's own pages or a configured origin.
    allowRequest: (req, callback) =>
      callback(null, originAllowed(req.headers.origin, req.headers.host, config.CORS_ORIGINS)),
  });
  // Several processes behind a load balancer: with Redis, any of them can serve any message.
  const adapterClients = store instanceof RedisStore ? useRedisAdapter(io, store) : undefined;
  attachChat(io, services, config);

  const sweep = setInterval(() => {
    dialogue.sweep().then(
      (n) => n > 0 && logger.info({ deleted: n }, 'expired sessions deleted'),
      (err: Error) => logger.error({ err: { message: err.message } }, 'sweep failed'),
    );
  }, config.SWEEP_INTERVAL_SECONDS * 1000);
  sweep.unref();

  const metricsServer = config.METRICS_PORT
    ? createServer((req, res) => {
        if (req.method !== 'GET' || req.url !== '/metrics') {
          res.writeHead(404).end();
          return;
        }
        metrics.registry.metrics().then(
          (text) => res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(text),
          () => res.writeHead(500).end(),
        );
      })
    : undefined;

  return {
    app,
    httpServer,
    io,
    services,
    listen: async () => {
      if (metricsServer) await listenOn(metricsServer, config.METRICS_PORT, config.METRICS_HOST);
      return listenOn(httpServer, config.PORT, config.HOST);
    },
    close: async () => {
      clearInterval(sweep);
      if (metricsServer?.listening) await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await adapterClients?.close();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await store.close();
    },
  };
}
