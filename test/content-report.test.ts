import request from 'supertest';
import type { Application } from '../src/app';
import { contentReport, contentReportText } from '../src/content/report';
import { content, testApp, TODAY } from './helpers';

/** The content report for service owners (issue 12, "figures go stale silently"): the report, then the endpoint. */

const c = content();

describe('the report', () => {
  const report = contentReport(c, TODAY);
  const rowOf = (id: string, r = report) => r.parameters.find((p) => p.id === id)!;

  test('every parameter in content, each with its status, its source, its last check and its review horizon', () => {
    expect(report.parameters.map((p) => p.id).sort()).toEqual([...c.parameters.keys()].sort());
    for (const p of report.parameters) {
      expect(p.status).toMatch(/^(CONFIRMED|SECONDARY|UNCONFIRMED)$/);
      expect(c.references.has(p.source!.reference)).toBe(true);
      expect(p.reviewBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(c.families.get(p.family)?.parameters).toContain(p.id);
    }
  });

  test('the SMIC: its figure in force, read through OpenFisca on 2026-07-23, stale after 2026', () => {
    expect(rowOf('smic-monthly-gross')).toMatchObject({
      value: 1867.02,
      validFrom: '2026-06-01',
      inForce: true,
      status: 'CONFIRMED',
      lastChecked: '2026-07-23',
      reviewBy: '2026-12-31',
      stale: false,
      refer: 'prefecture',
    });
    expect(rowOf('smic-monthly-gross', contentReport(c, '2027-01-01')).stale).toBe(true);
  });

  test("Mayotte's SMIC is SECONDARY, not checked, and already stale (the June 2026 increase there is not known)", () => {
    expect(rowOf('mayotte-smic-monthly-gross')).toMatchObject({
      status: 'SECONDARY',
      lastChecked: null,
      stale: true,
      refer: 'prefecture-mayotte',
    });
  });

  test('the AVFS amounts of 2023 have no period in force, and are stale', () => {
    expect(rowOf('avfs-monthly-max')).toMatchObject({ value: 660.57, inForce: false, stale: true });
  });

  test('the summary counts what the rows say; the text form flags what needs attention first', () => {
    const s = report.summary;
    expect(s.parameters).toBe(report.parameters.length);
    expect(s.stale).toBe(report.parameters.filter((p) => p.stale).length);
    expect(s.CONFIRMED + s.SECONDARY + s.UNCONFIRMED).toBe(s.parameters);
    const text = contentReportText(report);
    expect(text.split('\n')[0]).toContain(`${s.stale} stale`);
    expect(text.indexOf('[STALE')).toBeLessThan(text.indexOf('smic-monthly-gross\n'));
  });
});

describe('GET /api/v1/content/report, behind the agent credential', () => {
  const AGENT_KEY = 'a-long-enough-agent-key-for-reports';
  let app: Application;
  beforeAll(() => {
    app = testApp({ AGENT_KEY });
  });
  afterAll(() => app.close());
  const get = (path = '/api/v1/content/report') => request(app.app).get(path);

  test('without a key, or with a wrong one: 401 AGENT_CREDENTIAL_REQUIRED', async () => {
    for (const res of [await get(), await get().set('X-Agent-Key', 'not-the-key')]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('AGENT_CREDENTIAL_REQUIRED');
    }
  });

  test("with an agent's key: the report on the server's today, never cached", async () => {
    const res = await get().set('X-Agent-Key', AGENT_KEY).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.asOf).toBe(TODAY);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(contentReport(c, TODAY))));
  });

  test('another day with ?asOf=, the text form with ?format=text', async () => {
    const later = await get('/api/v1/content/report?asOf=2027-08-01').set('X-Agent-Key', AGENT_KEY).expect(200);
    expect(later.body.summary.stale).toBeGreaterThan(0);
    expect(later.body.parameters.every((p: { stale: boolean }) => p.stale)).toBe(true);
    const text = await get('/api/v1/content/report?format=text').set('X-Agent-Key', AGENT_KEY).expect(200);
    expect(text.type).toBe('text/plain');
    expect(text.text).toMatch(/^Content report on 2026-11-23/);
  });

  test('a bad date or format: a coded error', async () => {
    const bad = await get('/api/v1/content/report?asOf=2027-13-45').set('X-Agent-Key', AGENT_KEY).expect(400);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_PAYLOAD', field: 'asOf' });
    const format = await get('/api/v1/content/report?format=xml').set('X-Agent-Key', AGENT_KEY).expect(400);
    expect(format.body.error.code).toBe('UNSUPPORTED_FORMAT');
  });
});
