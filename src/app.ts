import { createServer, type Server as HttpServer } from 'node:http';
import cors from 'cors';
import express, { type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { Server as IoServer } from 'socket.io';
import { createFlows } from '../flows';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { loadContent, type Content } from './content/load';
import { FlowEngine } from './dialogue/engine';
import { DialogueService } from './dialogue/service';
import { AppError } from './errors';
import type { Services } from './http/context';
import { errorHandler, notFound } from './http/errors';
import { proceduresRouter } from './http/procedures';
import { pagesRouter, publicDir } from './http/pages';
import { sessionsRouter } from './http/sessions';
import { textsRouter } from './http/texts';
import { createI18n } from './i18n';
import { createLogger, type Logger } from './logger';
import { createMetrics } from './metrics';
import { attachChat } from './realtime/chat';
import { createStore } from './store';
import { withinDeadline } from './store/deadline';
import { StoreUnavailableError } from './store/errors';
import { RedisStore, useRedisAdapter } from './store/redis';
import type { SessionStore } from './store/types';

/** /readyz's own wait for the store, shorter than a store call's: probes often give up after 1 s. */
const READY_TIMEOUT_MS = 1000;

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
}

/** Builds the whole server from settings; nothing listens until listen(). Tests inject a clock or a store. */
export function createApplication(config: Config, overrides: Overrides = {}): Application {
  const content = overrides.content ?? loadContent();
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const store = overrides.store ?? createStore(config.STORE_URL);
  const clock = overrides.clock ?? systemClock;
  const metrics = createMetrics();
  const i18n = createI18n(content);
  const engine = new FlowEngine(createFlows({ content }));
  const dialogue = new DialogueService({
    store,
    engine,
    content,
    i18n,
    clock,
    ttlSeconds: { web: config.SESSION_TTL_WEB_SECONDS, kiosk: config.SESSION_TTL_KIOSK_SECONDS, agent: config.SESSION_TTL_AGENT_SECONDS },
    events: {
      started: (procedure, channel) => metrics.sessionsStarted.inc({ procedure, channel }),
      finished: (procedure, outcome, status) => metrics.sessionsFinished.inc({ procedure, outcome, status }),
    },
  });
  const services: Services = { dialogue, engine, content, i18n, clock, store, logger, metrics, agentKey: config.AGENT_KEY };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(helmet());
  app.use(cors({ origin: config.CORS_ORIGINS, methods: ['GET', 'POST', 'PATCH', 'DELETE'], allowedHeaders: ['Content-Type', 'Authorization'] }));
  app.use((req, res, next) => {
    const stop = metrics.turnDuration.startTimer({ transport: 'http', action: req.method });
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      stop();
      // The route pattern, never the URL with its ids, and never the client's address.
      logger.debug({ method: req.method, route: req.route?.path ?? 'unmatched', status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request');
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready when the store answers a ping within READY_TIMEOUT_MS, whatever the store's own timeout.
  app.get('/readyz', async (_req, res) => {
    try {
      await withinDeadline(store.ping(), READY_TIMEOUT_MS);
    } catch (err) {
      throw err instanceof StoreUnavailableError ? err : new StoreUnavailableError(err instanceof Error ? `${err.name}: ${err.message}` : 'ping failed');
    }
    res.json({ status: 'ready' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const api = express.Router();
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
  app.use('/api/v1', api);
  app.use(pagesRouter(publicDir(), services));
  app.use(notFound);
  app.use(errorHandler(services));

  const httpServer = createServer(app);
  const io = new IoServer(httpServer, {
    maxHttpBufferSize: config.MAX_BODY_BYTES,
    cors: { origin: config.CORS_ORIGINS },
    serveClient: false,
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

  return {
    app,
    httpServer,
    io,
    services,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.PORT, config.HOST, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : config.PORT);
        });
      }),
    close: async () => {
      clearInterval(sweep);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await adapterClients?.close();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await store.close();
    },
  };
}
