// `npm run bench`: the /chat benchmark. For each server (the bare socket.io baseline, then the real
// server on each store) and each phase (closed loop at each client count, paced, idle sessions), a
// fresh server is started on its own core, a fresh load generator on the other, and the figures are
// collected; then the tables are printed and everything is written to bench-output/.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { REDIS_PREFIX, cleanRedis, redisInfo } from './redis.mjs';
import { derive, fullReport } from './report.mjs';
import { RAISED_LIMITS, REAL_SERVER, fileLimits, pinning, runLoad, startServer } from './processes.mjs';
import { cpuSeconds, machineBusySeconds } from './procstat.mjs';
import { SettingError, readSettings } from './settings.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => process.stderr.write(`${line}\n`);

let settings;
try {
  settings = readSettings();
} catch (err) {
  if (!(err instanceof SettingError)) throw err;
  log(`bench: ${err.message}`);
  process.exit(2);
}
if (!existsSync(REAL_SERVER)) {
  log('bench: dist/src/server.js is missing: run `npm run build` (npm run bench does it)');
  process.exit(2);
}

const pins = pinning();
const maxSockets = Math.max(...settings.clients, settings.pacedClients, settings.idleSessions);
const files = fileLimits();
// Node raises its soft limit on open files to the hard one; beyond the hard one, connections would be refused.
if (files.hard < maxSockets + 256) {
  log(
    `bench: ${maxSockets} sockets need an open-file limit above ${maxSockets + 256}; the hard limit is ${files.hard}: raise it (ulimit -Hn, as root) or ask for fewer clients`,
  );
  process.exit(2);
}
const redisUrl = `${settings.redisUrl.replace(/\/$/, '')}/${settings.redisDb}`;
const date = new Date().toISOString().slice(0, 10);
const machine = {
  short: `${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  description: `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}`,
};
const notes = [
  `Server and load generator: ${pins.why}. Each phase starts a fresh server and a fresh load generator.`,
  `Real server: node dist/src/server.js, NODE_ENV=production, LOG_LEVEL=silent, per-address limits raised for the benchmark (every client is 127.0.0.1): ${Object.entries(
    RAISED_LIMITS,
  )
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')}.`,
  `Closed loop: each client answers as soon as the previous answer is acknowledged. Paced: ${settings.pacedClients} clients, one answer every ${settings.pacedPeriodMs} ms each; latency from the answer's sending. Warm-up: until the clients have finished as many conversations as there are clients (${settings.warmupS} s at least, ${settings.warmupMaxS} s at most), so that the window sees the steady mix of questions and outcomes; then ${settings.measureS} s measured (paced: ${settings.pacedS} s).`,
  `Conversations: ${settings.procedures.join(', ')} in turn, free text from bench/conversations.mjs, French; a turn is one acknowledged answer (session starts are not counted).`,
  `Memory: ${settings.idleSessions} connections each with a started session and nothing more, measured after a full GC in the server (bench/memory-probe.cjs).`,
  `Redis: ${redisUrl} (the benchmark's own database); its sessions are deleted afterwards with SCAN + DEL on ${REDIS_PREFIX}*. Redis is not pinned, and its CPU counts whatever else uses it.`,
  `Open files: hard limit ${files.hard} (Node raises its soft limit to it); ${maxSockets} sockets per process at most.`,
];

const results = {
  date,
  machine,
  settings,
  notes,
  limits: RAISED_LIMITS,
  pinning: pins,
  loadavgAtStart: loadavg(),
  targets: {},
};

/** How a target is served: the bare server, or the real one on a store, in one or two processes. */
function targetSpec(name) {
  switch (name) {
    case 'bare':
      return { kind: 'bare', processes: 1 };
    case 'memory':
      return { kind: 'real', processes: 1, store: () => 'memory:' };
    case 'sqlite':
      return { kind: 'real', processes: 1, store: (dir) => `sqlite:${join(dir, 'sessions.db')}` };
    case 'redis':
      return { kind: 'real', processes: 1, redis: true, store: () => redisUrl };
    case 'redis-2':
      return { kind: 'real', processes: 2, redis: true, store: () => redisUrl };
  }
}

/** Starts the target's servers on the servers' core; stops them and removes their files in `finally` of the caller. */
async function startTarget(spec) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const servers = [];
  try {
    for (let i = 0; i < spec.processes; i++) {
      servers.push(await startServer({ kind: spec.kind, storeUrl: spec.store?.(dir), cpu: pins.server }));
    }
  } catch (err) {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    servers,
    ports: servers.map((s) => s.port),
    async stop() {
      const exits = await Promise.all(servers.map((s) => s.stop()));
      rmSync(dir, { recursive: true, force: true });
      return exits;
    },
  };
}

/** The processes whose CPU is read at the window's edges: the servers, and Redis when it can be read. */
async function cpuPids(spec, servers) {
  const pids = Object.fromEntries(servers.map((s, i) => [`server${i}`, s.pid]));
  if (spec.redis) {
    const { pid } = await redisInfo(redisUrl);
    if (cpuSeconds(pid) !== undefined) pids.redis = pid;
  }
  return pids;
}

/**
 * How many cores other processes keep busy, over one second before a phase (nothing of ours runs then).
 * On a shared machine, waits up to BENCH_QUIET_WAIT_S for it to fall under BENCH_QUIET_CORES.
 */
async function busyElsewhere() {
  const deadline = Date.now() + settings.quietWaitS * 1000;
  for (;;) {
    const before = machineBusySeconds();
    await sleep(1000);
    const busy = machineBusySeconds() - before;
    if (!(busy > settings.quietCores) || Date.now() >= deadline) {
      if (busy > settings.quietCores)
        log(
          `bench: warning: other processes keep ${busy.toFixed(2)} cores busy; the figures of this phase will be low`,
        );
      return busy;
    }
    log(`bench: other processes keep ${busy.toFixed(2)} cores busy: waiting for a quieter moment`);
  }
}

const baseJob = () => ({
  procedures: settings.procedures,
  ackTimeoutMs: settings.ackTimeoutS * 1000,
  rampConcurrency: settings.rampConcurrency,
});

/**
 * A closed or paced run. On a shared machine, a run during which other processes kept more than
 * BENCH_QUIET_CORES busy is done again, up to BENCH_BUSY_RETRIES times; the least disturbed one is kept.
 */
async function closedOrPaced(spec, options) {
  let best;
  for (let attempt = 0; attempt <= settings.busyRetries; attempt++) {
    const run = { ...(await closedOrPacedOnce(spec, options)), attempt };
    if (!best || (run.othersCpuUtil ?? 0) < (best.othersCpuUtil ?? 0)) best = run;
    if (!((run.othersCpuUtil ?? 0) > settings.quietCores)) break;
    if (attempt < settings.busyRetries)
      log(`bench: other processes took ${run.othersCpuUtil.toFixed(2)} cores during the run: running it again`);
  }
  return best;
}

async function closedOrPacedOnce(spec, { clients, paced }) {
  const busyBefore = await busyElsewhere();
  const target = await startTarget(spec);
  try {
    const job = {
      ...baseJob(),
      mode: paced ? 'paced' : 'closed',
      ports: target.ports,
      clients,
      warmupMs: settings.warmupS * 1000,
      warmupMaxMs: Math.max(settings.warmupS, settings.warmupMaxS) * 1000,
      measureMs: (paced ? settings.pacedS : settings.measureS) * 1000,
      ...(paced ? { periodMs: settings.pacedPeriodMs } : {}),
      cpuPids: await cpuPids(spec, target.servers),
    };
    const run = { ...derive(await runLoad(job, { cpu: pins.client })), busyBefore };
    const dead = target.servers.filter((s) => !s.alive);
    if (dead.length) throw new Error(`a server stopped during the run: ${dead[0].stderrTail()}`);
    return run;
  } finally {
    await target.stop();
  }
}

/** Idle sessions: memory of the server (and of Redis) before and after opening them, each after a full GC. */
async function idle(spec) {
  const busyBefore = await busyElsewhere();
  const target = await startTarget(spec);
  const [server] = target.servers;
  let before;
  let after;
  let redisBefore;
  let redisAfter;
  try {
    // A light warm-up (a conversation or two per procedure) loads what is loaded lazily without growing the heap's
    // high-water mark, under which the idle sessions would then hide.
    const job = {
      ...baseJob(),
      mode: 'idle',
      ports: target.ports,
      sessions: settings.idleSessions,
      warmupClients: settings.procedures.length,
      warmupMs: 1000,
    };
    const result = await runLoad(job, {
      cpu: pins.client,
      onStep: async (message, reply) => {
        // Let the closing sockets and the last writes finish before measuring.
        await sleep(1000);
        if (message.type === 'warmed') {
          before = await server.memory();
          if (spec.redis) redisBefore = (await redisInfo(redisUrl)).usedMemory;
          reply({ type: 'open' });
        } else if (message.type === 'opened') {
          after = await server.memory();
          if (spec.redis) redisAfter = (await redisInfo(redisUrl)).usedMemory;
          reply({ type: 'close' });
        }
      },
    });
    const n = result.started || 1;
    return {
      ...result,
      busyBefore,
      before,
      after,
      rssPerSession: (after.rss - before.rss) / n,
      // The JS heap and the buffers outside it, after a full GC: steadier than RSS, which reuses pages freed earlier.
      heapPerSession: (after.heapUsed + after.external - before.heapUsed - before.external) / n,
      ...(spec.redis ? { redisPerSession: (redisAfter - redisBefore) / n } : {}),
    };
  } finally {
    await target.stop();
  }
}

const n1 = (x, digits = 1) => (x === undefined || Number.isNaN(x) ? '?' : x.toFixed(digits));
/** One line per phase while the run goes on. */
const describe = (r) =>
  r.mode === 'idle'
    ? `${r.started} idle sessions: ${n1(r.rssPerSession / 1024)} KiB RSS, ${n1(r.heapPerSession / 1024)} KiB heap each, ${r.errorCount} errors`
    : `${Math.round(r.turnsPerS)} turns/s, p50 ${n1(r.latencyMs.p50)} ms, p99 ${n1(r.latencyMs.p99)} ms, server CPU ${n1(r.serverCpuUtil * 100, 0)} %, ${n1(r.cpuPerTurnMs, 3)} ms/turn, client CPU ${n1(r.clientCpuUtil * 100, 0)} %, ${n1(r.refusedPerS ?? 0, 0)}/s refused, ${r.errorCount} errors`;

async function main() {
  log(`bench: ${settings.targets.join(', ')}; phases ${settings.phases.join(', ')}; ${pins.why}`);
  let redisUsable = false;
  if (settings.targets.some((t) => targetSpec(t).redis)) {
    try {
      const stale = await cleanRedis(redisUrl);
      if (stale) log(`bench: removed ${stale} keys left in ${redisUrl} by an earlier run`);
      redisUsable = true;
    } catch (err) {
      log(`bench: Redis at ${redisUrl} is not reachable (${err.message}): the Redis targets are skipped`);
      notes.push(`Redis was not reachable: its targets were skipped.`);
    }
  }

  for (const name of settings.targets) {
    const spec = targetSpec(name);
    if (spec.redis && !redisUsable) continue;
    const t = (results.targets[name] = {});
    try {
      if (settings.phases.includes('closed')) {
        t.closed = {};
        for (const clients of settings.clients) {
          t.closed[clients] = await closedOrPaced(spec, { clients });
          log(`${name} closed ${clients}: ${describe(t.closed[clients])}`);
        }
      }
      if (settings.phases.includes('paced')) {
        t.paced = await closedOrPaced(spec, { clients: settings.pacedClients, paced: true });
        log(
          `${name} paced ${settings.pacedClients}: ${describe(t.paced)} (offered ${Math.round(t.paced.offeredPerS)}/s)`,
        );
      }
      // Two processes hold the same sessions as one: their memory per session is not measured again.
      if (settings.phases.includes('idle') && spec.processes === 1) {
        t.idle = await idle(spec);
        log(`${name} idle: ${describe(t.idle)}`);
      }
    } finally {
      if (spec.redis) log(`bench: ${await cleanRedis(redisUrl)} Redis keys of the benchmark deleted`);
    }
  }

  results.finishedAt = new Date().toISOString();
  mkdirSync(settings.output, { recursive: true });
  const stamp = results.finishedAt.replace(/[:.]/g, '-');
  const file = join(settings.output, `bench-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  const report = fullReport(results);
  writeFileSync(join(settings.output, `bench-${stamp}.md`), report);
  process.stdout.write(`\n${report}\n`);
  log(`bench: results in ${file}`);
  const errors = Object.values(results.targets)
    .flatMap((t) => [...Object.values(t.closed ?? {}), t.paced, t.idle])
    .filter(Boolean)
    .reduce((n, r) => n + r.errorCount, 0);
  if (errors) log(`bench: ${errors} errors (see the table): expected none`);
}

main().catch((err) => {
  log(`bench: ${err.stack ?? err}`);
  process.exit(1);
});
