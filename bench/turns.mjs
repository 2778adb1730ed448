// Turn latency and memory over the real HTTP API, on loopback: N conversations of the return-aid
// procedure, each answer a request. Prints percentiles; no threshold is asserted (see bench/README.md).
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createApplication } = require('../dist/src/app.js');
const { configWith } = require('../dist/src/config.js');

const sessions = Number(process.env.SESSIONS ?? 200);
const store = process.env.STORE_URL ?? 'memory:';
const app = createApplication(
  configWith({ STORE_URL: store, LOG_LEVEL: 'silent', PORT: '0', RATE_LIMIT_PER_MINUTE: '1000000' }),
);
const port = await app.listen();
const base = `http://127.0.0.1:${port}/api/v1`;
const answers = [
  { value: 'mainland' },
  { text: 'Algérie' },
  { value: false },
  { value: true },
  { value: '2026-10-01' },
  { text: "aujourd'hui" },
  { value: true },
  { value: 'none' },
  { value: 2 },
  { value: 1 },
  { value: true },
];

const times = [];
const started = performance.now();
for (let i = 0; i < sessions; i++) {
  const s = await (
    await fetch(`${base}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ procedure: 'return-aid', lang: 'fr' }),
    })
  ).json();
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${s.session.token}` };
  for (const a of answers) {
    const t0 = performance.now();
    const r = await fetch(`${base}/sessions/${s.session.id}/answers`, {
      method: 'POST',
      headers,
      body: JSON.stringify(a),
    });
    await r.json();
    if (!r.ok) throw new Error(`answer refused: ${r.status}`);
    times.push(performance.now() - t0);
  }
}
const elapsed = (performance.now() - started) / 1000;
times.sort((a, b) => a - b);
const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(2);
console.log(
  JSON.stringify({
    store,
    sessions,
    turns: times.length,
    seconds: elapsed.toFixed(1),
    turnsPerSecond: Math.round(times.length / elapsed),
    p50ms: pct(50),
    p95ms: pct(95),
    p99ms: pct(99),
    rssMb: Math.round(process.memoryUsage().rss / 1e6),
  }),
);
await app.close();
