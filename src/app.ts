import { createServer, type Server as HttpServer } from 'node:http';
import type { Express } from 'express';
import type { Server as IoServer } from 'socket.io';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { loadContent, type Content } from './content/load';
import { FlowEngine } from './dialogue/engine';
import { HandoverDesk } from './dialogue/handover';
import { DialogueService } from './dialogue/service';
import { Credentials } from './edge/credentials';
import { ClientLimits } from './edge/limits';
import { LoadGuard } from './edge/load';
import type { Services } from './edge/services';
import { createHttpApp } from './http/app';
import { createI18n } from './i18n';
import { createLogger, type Logger } from './logger';
import { createMetrics } from './metrics';
import { createMetricsServer } from './metrics-server';
import { ProcedureRegistry, type Procedure } from './procedures/registry';
import { createSocketServer } from './realtime/server';
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

/** Builds the whole server from settings; nothing listens until listen(). Tests inject a clock, a store, procedures. */
export function createApplication(config: Config, overrides: Overrides = {}): Application {
  const services = createServices(config, overrides);
  const app = createHttpApp(services, config);
  const httpServer = createServer(app);
  const io = createSocketServer(httpServer, services, config);
  const store = services.store;
  // Several processes behind a load balancer: with Redis, any of them can serve any message.
  const adapterClients = store instanceof RedisStore ? useRedisAdapter(io, store) : undefined;
  const sweep = sweeper(services, config);
  const metricsServer = config.METRICS_PORT ? createMetricsServer(services.metrics) : undefined;
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
      services.load.close();
      if (metricsServer?.listening) await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      await adapterClients?.close();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await store.close();
    },
  };
}

function createServices(config: Config, overrides: Overrides): Services {
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
  const load = new LoadGuard({ lagMs: config.OVERLOAD_LAG_MS, maxInProgress: config.OVERLOAD_MAX_IN_PROGRESS }, logger);
  const handovers = new HandoverDesk({
    store,
    clock,
    ttlSeconds: config.HANDOVER_TTL_SECONDS,
    agentTtlSeconds: config.SESSION_TTL_AGENT_SECONDS,
  });
  return { dialogue, engine, content, i18n, clock, store, logger, metrics, credentials, limits, load, handovers };
}

/** Deletes expired sessions on a timer (by the server's clock: the store's own expiry is only a backstop). */
function sweeper(s: Services, config: Config) {
  const timer = setInterval(() => {
    s.dialogue.sweep().then(
      (n) => n > 0 && s.logger.info({ deleted: n }, 'expired sessions deleted'),
      // the store is away (an outage is logged as such) or failed: the next sweep tries again
      (err: unknown) => s.logger.warn({ err: err instanceof Error ? err.name : 'unknown' }, 'sweep failed'),
    );
  }, config.SWEEP_INTERVAL_SECONDS * 1000);
  timer.unref();
  return timer;
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
