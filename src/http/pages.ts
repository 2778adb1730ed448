import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { projectRoot } from '../content/load';
import { AppError } from '../errors';
import type { Services } from '../edge/services';

/** Where `npm run build` puts the pages (web/ bundled by esbuild). */
export const publicDir = () => path.join(projectRoot(), 'dist', 'public');

/**
 * The demo page with the widget at /, the widget's conversation frame at /widget/frame, the kiosk at /kiosk, the agent
 * console at /agent, and their scripts.
 */
export function pagesRouter(dir: string, s: Services, embedders: readonly string[] = []): Router {
  const router = Router();
  if (!existsSync(dir)) {
    s.logger.warn('dist/public is missing: run `npm run build` to serve the pages');
    return router;
  }
  // Other sites embed the widget (their origins in CORS_ORIGINS): its script and files may be loaded cross-origin.
  router.use(
    express.static(dir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res) => res.set('Cross-Origin-Resource-Policy', 'cross-origin'),
    }),
  );
  const page = (file: string) => (_req: express.Request, res: express.Response) => res.sendFile(path.join(dir, file));
  router.get('/', page('index.html'));
  // The widget's conversation runs in a frame of this origin, so the host page's scripts can read nothing of it: only
  // this server's own pages and the sites in CORS_ORIGINS may frame it (helmet's X-Frame-Options cannot list origins).
  router.get('/widget/frame', (req, res) => {
    res.removeHeader('X-Frame-Options');
    const csp = String(res.getHeader('Content-Security-Policy') ?? '');
    res.set('Content-Security-Policy', csp.replace(/frame-ancestors [^;]*/, frameAncestors(embedders)));
    page('frame.html')(req, res);
  });
  router.get('/kiosk', page('kiosk.html'));
  // Without a configured credential the console cannot be used: say so instead of showing a dead page.
  router.get('/agent', (req, res, next) =>
    s.credentials.agentsConfigured ? page('agent.html')(req, res) : next(new AppError('AGENT_CREDENTIAL_REQUIRED')),
  );
  return router;
}

/** The frame may be embedded by this server's own pages and the configured sites, and by nobody else. */
const frameAncestors = (origins: readonly string[]) =>
  ['frame-ancestors', "'self'", ...origins.filter((o) => /^https?:\/\/[^\s;,']+$/.test(o))].join(' ');
