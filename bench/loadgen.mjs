// The load generator: a process of its own (pinned to its own core by the runner), holding every
// virtual client of a run, one WebSocket each. The runner sends it one job over IPC and gets the
// figures back; the measuring (CPU of the servers, latencies) happens here, at the window's edges.
import { performance } from 'node:perf_hooks';
import { Recorder, VirtualClient, percentile } from './driver.mjs';
import { cpuSeconds, machineBusySeconds } from './procstat.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs fn over items with at most `limit` at a time: opening thousands of sockets at once overflows the listen backlog.
 */
async function eachLimited(items, limit, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The virtual clients of a job, spread over the servers' ports and the procedures. */
function makeClients(job, recorder, count) {
  return Array.from({ length: count }, (_, i) => {
    return new VirtualClient({
      port: job.ports[i % job.ports.length],
      procedures: job.procedures,
      offset: i,
      recorder,
      periodMs: job.periodMs,
      phaseMs: job.periodMs ? Math.random() * job.periodMs : 0,
    });
  });
}

/** Opens every client's connection, a few at a time; failures are counted and the client retries in its loop. */
async function connectAll(clients, job, recorder) {
  const t0 = performance.now();
  await eachLimited(clients, job.rampConcurrency, (c) =>
    c.connect().catch((err) => recorder.error(`connect: ${err.code ?? err.message}`)),
  );
  return (performance.now() - t0) / 1000;
}

const cpuOf = (pids) => Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));

/** A closed-loop or paced run: ramp, warm-up, measured window; returns the figures. */
async function run(job) {
  const recorder = new Recorder();
  const clients = makeClients(job, recorder, job.clients);
  const rampS = await connectAll(clients, job, recorder);
  const sweeper = setInterval(() => {
    const now = performance.now();
    for (const c of clients) c.checkTimeout(now, job.ackTimeoutMs);
  }, 250);
  const warmupStart = performance.now();
  for (const c of clients) void c.run();

  // Every client begins at the start of a conversation, and the first questions cost less than the
  // outcomes: a window opened before the clients have drifted apart would measure a cheaper mix than
  // the steady one. So the warm-up lasts until, on average, every client has finished a conversation
  // (at least warmupMs, at most warmupMaxMs).
  await sleep(job.warmupMs);
  while (recorder.outcomesTotal < job.clients && performance.now() - warmupStart < job.warmupMaxMs) await sleep(100);
  const warmupS = (performance.now() - warmupStart) / 1000;
  const cpuBefore = cpuOf(job.cpuPids);
  const machineBefore = machineBusySeconds();
  const clientCpuBefore = process.cpuUsage();
  const eluBefore = performance.eventLoopUtilization();
  recorder.windowStart = performance.now();
  recorder.windowEnd = recorder.windowStart + job.measureMs;
  await sleep(job.measureMs);
  const windowS = (performance.now() - recorder.windowStart) / 1000;
  const cpuAfter = cpuOf(job.cpuPids);
  const machineAfter = machineBusySeconds();
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const elu = performance.eventLoopUtilization(eluBefore);

  clearInterval(sweeper);
  for (const c of clients) c.close();
  return figures(job, recorder, {
    rampS,
    warmupS,
    windowS,
    cpuBefore,
    cpuAfter,
    machineBefore,
    machineAfter,
    clientCpu,
    elu,
  });
}

/** The figures of a closed-loop or paced run: its recorder, and what was read at the window's edges. */
function figures(job, recorder, r) {
  const { rampS, warmupS, windowS, cpuBefore, cpuAfter, machineBefore, machineAfter, clientCpu, elu } = r;
  const sorted = Float64Array.from(recorder.latencies).sort();
  const cpu = Object.fromEntries(
    Object.keys(job.cpuPids).map((name) => [
      name,
      cpuAfter[name] !== undefined && cpuBefore[name] !== undefined ? cpuAfter[name] - cpuBefore[name] : undefined,
    ]),
  );
  const clientCpuS = (clientCpu.user + clientCpu.system) / 1e6;
  // What else ran on the machine meanwhile (other people's work on a shared machine): it competes for the cores.
  const ours = clientCpuS + Object.values(cpu).reduce((a, b) => a + (b ?? 0), 0);
  const othersCpuS =
    machineBefore !== undefined && machineAfter !== undefined
      ? Math.max(0, machineAfter - machineBefore - ours)
      : undefined;
  return {
    mode: job.periodMs ? 'paced' : 'closed',
    clients: job.clients,
    servers: job.ports.length,
    rampS,
    warmupS,
    windowS,
    turns: recorder.turns,
    turnsPerS: recorder.turns / windowS,
    offeredPerS: job.periodMs ? (job.clients * 1000) / job.periodMs : undefined,
    conversations: recorder.conversations,
    late: job.periodMs ? recorder.late : undefined,
    refusedPerS: recorder.refusedInWindow / windowS,
    refused: recorder.refused,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: percentile(sorted, 100),
    },
    ackBytesMean: recorder.turns ? recorder.ackBytes / recorder.turns : undefined,
    cpuS: cpu,
    clientCpuUtil: clientCpuS / windowS,
    othersCpuUtil: othersCpuS !== undefined ? othersCpuS / windowS : undefined,
    clientEventLoopUtil: elu.utilization,
    errors: recorder.errors,
    errorCount: Object.values(recorder.errors).reduce((a, b) => a + b, 0),
  };
}

/**
 * Idle sessions, for memory: a short warm-up (so what is loaded lazily is loaded), then, when the
 * runner has measured, `sessions` connections that each start a session and say nothing more.
 * The runner measures again and tells us to close.
 */
async function idle(job, next) {
  const recorder = new Recorder();
  const warmers = makeClients(job, recorder, job.warmupClients);
  await connectAll(warmers, job, recorder);
  for (const c of warmers) void c.run();
  await sleep(job.warmupMs);
  for (const c of warmers) c.close();
  process.send({ type: 'warmed' });
  await next('open');

  const clients = makeClients(job, recorder, job.sessions);
  const rampS = await connectAll(clients, job, recorder);
  let started = 0;
  await eachLimited(clients, job.rampConcurrency, async (c) => {
    if (!c.conn?.connected) return;
    const reply = await c.sendAdmitted('session:start', {
      procedure: job.procedures[started % job.procedures.length],
      lang: 'fr',
    });
    if (c.usable(reply) && reply.result.ok) started++;
  });
  process.send({ type: 'opened', started });
  await next('close');
  for (const c of clients) c.close();
  return {
    mode: 'idle',
    sessions: job.sessions,
    started,
    rampS,
    errors: recorder.errors,
    errorCount: Object.values(recorder.errors).reduce((a, b) => a + b, 0),
  };
}

// Messages from the runner: one job, then (idle) the steps.
const waiters = new Map();
const next = (type) => new Promise((resolve) => waiters.set(type, resolve));
process.on('message', async (message) => {
  if (waiters.has(message.type)) {
    waiters.get(message.type)(message);
    waiters.delete(message.type);
    return;
  }
  if (message.type !== 'job') return;
  try {
    const result = message.job.mode === 'idle' ? await idle(message.job, next) : await run(message.job);
    process.send({ type: 'result', result }, () => process.exit(0));
  } catch (err) {
    process.send({ type: 'failed', message: err.stack ?? String(err) }, () => process.exit(1));
  }
});
