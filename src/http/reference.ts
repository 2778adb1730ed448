import express, { Router } from 'express';
// The folder of its files only: the package's index also loads Swagger UI's own 1.5 MB bundle into the server,
// about 20 MiB of resident memory for nothing (the browser loads it, not the server).
import absolutePath from 'swagger-ui-dist/absolute-path';
import { openApiDocument } from './openapi/document';

/**
 * The API's description: the OpenAPI document, and a reference page to read it (Swagger UI, served from
 * this server's own copy of swagger-ui-dist: no third-party call), pointed at our document.
 */
export function referenceRouter(): Router {
  const router = Router();
  const document = openApiDocument();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.get('/docs/swagger-initializer.js', (_req, res) => {
    res
      .type('application/javascript')
      .send(
        "window.onload = () => { window.ui = SwaggerUIBundle({ url: '../openapi.json', dom_id: '#swagger-ui', deepLinking: true, presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' }); };",
      );
  });
  router.get('/docs', (req, res, next) => (req.path.endsWith('/') ? next() : res.redirect(301, 'docs/')));
  router.use('/docs', express.static(absolutePath(), { index: 'index.html' }));
  return router;
}
