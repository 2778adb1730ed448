import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Config } from '../config';
import type { Services } from '../edge/services';
import { AppError } from '../errors';

/** Liveness, readiness (the store answers), and /metrics on this port only behind METRICS_TOKEN. */
export function operationsRouter(s: Services, config: Config): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await s.store.ping();
    } catch {
      throw new AppError('STORE_UNAVAILABLE');
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
