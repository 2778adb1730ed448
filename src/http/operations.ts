import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Config } from '../config';
import type { Services } from '../edge/services';
import { AppError } from '../errors';
import { withinDeadline } from '../store/deadline';
import { StoreUnavailableError } from '../store/errors';

/** /readyz's own wait for the store, shorter than a store call's: probes often give up after 1 s. */
const READY_TIMEOUT_MS = 1000;

/** Liveness, readiness (the store answers), and /metrics on this port only behind METRICS_TOKEN. */
export function operationsRouter(s: Services, config: Config): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready when the store answers a ping within READY_TIMEOUT_MS, whatever the store's own timeout.
  router.get('/readyz', async (_req, res) => {
    try {
      await withinDeadline(s.store.ping(), READY_TIMEOUT_MS);
    } catch (err) {
      throw err instanceof StoreUnavailableError
        ? err
        : new StoreUnavailableError(err instanceof Error ? err.name : 'ping failed');
    }
    res.json({ status: 'ready' });
  });
  // Metrics tell outcomes as they happen: on their own port (src/metrics-server.ts), or here behind a token.
  if (!config.METRICS_PORT && config.METRICS_TOKEN) {
    const expected = `Bearer ${config.METRICS_TOKEN}`;
    router.get('/metrics', async (req, res, next) => {
      if (!sameSecret(req.get('authorization'), expected)) return next(new AppError('NOT_FOUND'));
      res.type(s.metrics.registry.contentType).send(await s.metrics.registry.metrics());
    });
  }
  return router;
}

const sameSecret = (given: string | undefined, expected: string) => {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};
