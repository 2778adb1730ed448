import { compileErrors, validate } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Router } from 'express';
import request from 'supertest';
import type { Application } from '../src/app';
import { configWith } from '../src/config';
import { apiRouter } from '../src/http/app';
import { openApiDocument } from '../src/http/openapi/document';
import { operationsRouter } from '../src/http/operations';
import { testApp } from './helpers';

/**
 * The OpenAPI 3.1 document (generated from the zod schemas): valid, in step with the routes, and true of real
 * responses.
 */

const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, unknown>> };

let app: Application;
beforeAll(() => {
  app = testApp();
});
afterAll(() => app.close());

test('the document is valid OpenAPI 3.1, served at /api/v1/openapi.json, with a reference page served locally', async () => {
  // @readme/openapi-parser validates against the OpenAPI 3.1 schema and resolves every $ref
  const result = await validate(structuredClone(doc) as never);
  expect(result.valid ? [] : compileErrors(result)).toEqual([]);
  const served = await request(app.app).get('/api/v1/openapi.json').expect(200);
  expect(served.body.openapi).toBe('3.1.0');
  const page = await request(app.app).get('/api/v1/docs/').expect(200);
  expect(page.text).toMatch(/swagger-ui-bundle\.js/);
  expect(page.text).not.toMatch(/https?:\/\//);
  const init = await request(app.app).get('/api/v1/docs/swagger-initializer.js').expect(200);
  expect(init.text).toContain('../openapi.json');
  await request(app.app).get('/api/v1/docs/swagger-ui-bundle.js').expect(200);
});

/** The routes of an express router, as OpenAPI paths ("/sessions/:id" -> "/sessions/{id}"), with their methods. */
function routesOf(router: Router, prefix: string): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
  const out: string[] = [];
  for (const layer of (router as unknown as { stack: Layer[] }).stack) {
    if (layer.route) {
      const path = `${prefix}${layer.route.path}`.replace(/:(\w+)/g, '{$1}');
      for (const [method, on] of Object.entries(layer.route.methods))
        if (on && method !== '_all') out.push(`${method} ${path}`);
    } else if (layer.handle?.stack) out.push(...routesOf(layer.handle as unknown as Router, prefix));
  }
  return out;
}

test('every route is documented, and every documented route exists', () => {
  const config = configWith({ METRICS_TOKEN: 'a-metrics-token-for-tests' });
  const routes = [
    ...routesOf(apiRouter(app.services, config), '/api/v1'),
    ...routesOf(operationsRouter(app.services, config), ''),
  ]
    // the reference page and the operators' metrics are not part of the API
    .filter((r) => !r.includes('/api/v1/docs') && !r.endsWith(' /metrics'));
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
  expect([...new Set(routes)].sort()).toEqual(documented.sort());
});

describe('real responses fit the document', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...(doc as object), $id: 'openapi' });
  const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  const check = (path: string, method: string, res: request.Response) => {
    const pointer = `openapi#/paths/${escape(path)}/${method}/responses/${res.status}/content/${escape('application/json')}/schema`;
    const validate = ajv.compile({ $ref: pointer });
    const ok = validate(res.body);
    expect({ path, method, status: res.status, errors: ok ? [] : validate.errors }).toEqual({
      path,
      method,
      status: res.status,
      errors: [],
    });
  };

  test('a conversation, its summary, the catalogue, and errors', async () => {
    const api = request(app.app);
    check('/api/v1/procedures', 'get', await api.get('/api/v1/procedures?lang=en'));
    check('/api/v1/procedures/{id}/facts', 'get', await api.get('/api/v1/procedures/return-aid/facts'));
    check('/api/v1/procedures/{id}/facts', 'get', await api.get('/api/v1/procedures/nope/facts'));
    check(
      '/api/v1/procedures/{id}/evaluate',
      'post',
      await api
        .post('/api/v1/procedures/asylum-filing/evaluate')
        .send({ facts: { location: 'france', stage: 'registered', attestationIssuedOn: '2026-11-10' } }),
    );
    check('/api/v1/procedures/{id}/script', 'get', await api.get('/api/v1/procedures/asylum-filing/script'));
    check('/api/v1/languages', 'get', await api.get('/api/v1/languages'));
    check('/api/v1/texts/ui', 'get', await api.get('/api/v1/texts/ui?lang=ar'));
    const start = await api.post('/api/v1/sessions').send({ lang: 'en' });
    check('/api/v1/sessions', 'post', start);
    const { id, token } = start.body.session;
    const auth = { Authorization: `Bearer ${token}` };
    const answer = async (body: object) => {
      const r = await api.post(`/api/v1/sessions/${id}/answers`).set(auth).send(body);
      check('/api/v1/sessions/{id}/answers', 'post', r);
      return r;
    };
    await answer({ text: 'I need asylum' });
    await answer({ value: true });
    await answer({ value: 'moon' });
    await answer({ text: 'my husband hits me' });
    await answer({ value: 'france' });
    await answer({ value: 'registered' });
    await answer({ text: '14/11/2026' });
    check('/api/v1/sessions/{id}', 'get', await api.get(`/api/v1/sessions/${id}`).set(auth));
    check('/api/v1/sessions/{id}/summary', 'get', await api.get(`/api/v1/sessions/${id}/summary`).set(auth));
    check('/api/v1/sessions/{id}/back', 'post', await api.post(`/api/v1/sessions/${id}/back`).set(auth).send({}));
    check(
      '/api/v1/sessions/{id}/answers/{index}',
      'put',
      await api.put(`/api/v1/sessions/${id}/answers/1`).set(auth).send({ value: 'france' }),
    );
    check('/api/v1/sessions/{id}', 'patch', await api.patch(`/api/v1/sessions/${id}`).set(auth).send({ lang: 'fr' }));
    check('/api/v1/sessions/{id}/restart', 'post', await api.post(`/api/v1/sessions/${id}/restart`).set(auth));
    check('/api/v1/sessions/{id}', 'get', await api.get(`/api/v1/sessions/${id}`));
    check('/readyz', 'get', await api.get('/readyz'));
  });
});
