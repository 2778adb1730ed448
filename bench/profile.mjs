// A CPU profile of the real server under a closed-loop load: the server (dist/src/server.js, built) is
// started on its core with --cpu-prof, the load generator on the other, for a short run; then the
// functions with the most self time are printed, and the .cpuprofile is kept for Chrome's DevTools.
//
//   node bench/profile.mjs                                  # memory store, 200 clients, 20 s
//   PROFILE_STORE=sqlite PROFILE_CLIENTS=500 PROFILE_S=30 node bench/profile.mjs
//   node bench/profile.mjs bench-output/profiles/…/CPU….cpuprofile   # only read a profile again
//
// PROFILE_STORE: memory | sqlite | redis (redis://127.0.0.1:6379/13, the benchmark's database; its
// sessions are deleted afterwards). PROFILE_TOP: how many functions to print (40).
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PROCEDURES } from './conversations.mjs';
import { pinning, runLoad, startServer } from './processes.mjs';
import { cleanRedis } from './redis.mjs';

const store = process.env.PROFILE_STORE ?? 'memory';
const clients = Number(process.env.PROFILE_CLIENTS ?? 200);
const seconds = Number(process.env.PROFILE_S ?? 20);
const top = Number(process.env.PROFILE_TOP ?? 40);
const redisUrl = 'redis://127.0.0.1:6379/13';

let file = process.argv[2];
if (!file) file = await profileRun();
report(file);

async function profileRun() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const out = resolve('bench-output', 'profiles', `${store}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(out, { recursive: true });
  const storeUrl = { memory: 'memory:', sqlite: `sqlite:${join(dir, 'sessions.db')}`, redis: redisUrl }[store];
  if (!storeUrl) throw new Error(`PROFILE_STORE: memory, sqlite or redis, not ${store}`);

  const pins = pinning();
  const server = await startServer({
    kind: 'real',
    storeUrl,
    cpu: pins.server,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${out}`, '--cpu-prof-interval=200'],
  });
  let result;
  try {
    result = await runLoad(
      {
        mode: 'closed',
        procedures: PROCEDURES,
        ackTimeoutMs: 30_000,
        rampConcurrency: 100,
        ports: [server.port],
        clients,
        warmupMs: 2000,
        warmupMaxMs: 5000,
        measureMs: seconds * 1000,
        cpuPids: { server: server.pid },
      },
      { cpu: pins.client },
    );
  } finally {
    await server.stop();
    if (store === 'redis') await cleanRedis(redisUrl);
    rmSync(dir, { recursive: true, force: true });
  }

  const cpuMs = (result.cpuS.server * 1000) / result.turns;
  console.log(
    `${store}, ${clients} clients, ${result.windowS.toFixed(1)} s: ${result.turns} turns, ${result.turnsPerS.toFixed(0)}/s, ` +
      `CPU per turn ${cpuMs.toFixed(3)} ms, errors ${result.errorCount}`,
  );
  return join(
    out,
    readdirSync(out).find((f) => f.endsWith('.cpuprofile')),
  );
}

function report(file) {
  // Self time per function (name, file, line), from the profile's samples.
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}`;
    const dt = deltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  console.log(`profile: ${file} (${(total / 1e6).toFixed(1)} s sampled)`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);

  // Total time (self and callees) of the project's own functions: where a turn's time goes, by step.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/dist\//, '')}:${n.callFrame.lineNumber + 1}`;
  const inclusive = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const node = byId.get(n);
      if (!node.callFrame.url.includes('/dist/src/')) continue;
      const key = keyOf(node);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + (deltas[i] ?? 0));
    }
  });
  console.log("\nthe project's functions, total time:");
  for (const [key, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
  if (process.env.PROFILE_FOCUS) focus(profile, process.env.PROFILE_FOCUS.split(','), total);
}

/**
 * PROFILE_FOCUS=name[,name]: under each function of that name, the total time of what it calls, by callee.
 */
function focus(profile, names, total) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfOf = new Map();
  profile.samples.forEach((id, i) => selfOf.set(id, (selfOf.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const subtotal = (n) => (selfOf.get(n.id) ?? 0) + (n.children ?? []).reduce((a, c) => a + subtotal(byId.get(c)), 0);
  const label = (n) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
  for (const name of names) {
    const callees = new Map();
    let own = 0;
    let all = 0;
    const visit = (n, inside) => {
      const hit = n.callFrame.functionName === name && !inside;
      if (hit) {
        all += subtotal(n);
        own += selfOf.get(n.id) ?? 0;
        for (const c of n.children ?? []) {
          const child = byId.get(c);
          callees.set(label(child), (callees.get(label(child)) ?? 0) + subtotal(child));
        }
      }
      for (const c of n.children ?? []) visit(byId.get(c), inside || hit);
    };
    visit(byId.get(profile.nodes[0].id), false);
    console.log(
      `\n${name}: ${((100 * all) / total).toFixed(1)} % in all, ${((100 * own) / total).toFixed(1)} % itself; calls:`,
    );
    for (const [key, us] of [...callees].sort((a, b) => b[1] - a[1]).slice(0, 15))
      console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
}
