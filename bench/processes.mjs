// Starting the processes of a run: the servers under test (the real one, built in dist/, or the
// bare one) and the load generator, each pinned to its own core when there are two.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
export const REAL_SERVER = fileURLToPath(new URL('../dist/src/server.js', import.meta.url));

/**
 * The per-address limits of the real server, raised: every virtual client comes from 127.0.0.1, so
 * the limits meant for one person would refuse the benchmark. Printed with the results.
 */
export const RAISED_LIMITS = {
  RATE_LIMIT_PER_MINUTE: '100000000',
  SESSION_STARTS_PER_MINUTE: '100000000',
  SOCKET_CONNECTIONS_PER_MINUTE: '100000000',
  SOCKET_EVENTS_PER_10S: '100000000',
};

/** Which cores the servers and the load generator get: separate ones where there are two and taskset exists. */
export function pinning() {
  if (availableParallelism() < 2)
    return { server: undefined, client: undefined, why: 'one core: server and load generator share it' };
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
  } catch {
    return { server: undefined, client: undefined, why: 'taskset not found: processes are not pinned' };
  }
  return { server: '0', client: '1', why: 'servers on core 0, load generator on core 1 (taskset)' };
}

/**
 * The limits on open files of this process, which its children inherit. Node raises its own soft limit
 * to the hard one when it starts, so the hard limit is the one that bounds the sockets of a process.
 */
export function fileLimits() {
  const m = /Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/.exec(readFileSync('/proc/self/limits', 'utf8'));
  const n = (s) => (s === 'unlimited' ? Infinity : Number(s));
  return m ? { soft: n(m[1]), hard: n(m[2]) } : { soft: Infinity, hard: Infinity };
}

/** The command line for a node script, pinned with taskset when a core is given. */
function command(nodeArgs, { cpu }) {
  const argv = [process.execPath, ...nodeArgs];
  return cpu === undefined ? argv : ['taskset', '-c', cpu, ...argv];
}

/** A port free right now on loopback (the servers are told their port: the real one does not print it when silent). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the server answers on /healthz (bare) or /readyz (real), at most 30 s. */
async function untilReady(kind, port, server) {
  const path = kind === 'bare' ? '/healthz' : '/readyz';
  const deadline = Date.now() + 30_000;
  for (;;) {
    const gone = server.gone();
    if (gone)
      throw new Error(
        `the ${kind} server stopped at start (${JSON.stringify(gone)}): ${server.stderr().trim().slice(-2000)}`,
      );
    try {
      const r = await fetch(`http://127.0.0.1:${port}${path}`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      server.kill();
      throw new Error(`the ${kind} server did not answer ${path} within 30 s: ${server.stderr().trim().slice(-2000)}`);
    }
    await sleep(100);
  }
}

/**
 * Starts a server: `bare` (bench/bare-server.mjs) or `real` (dist/src/server.js with `storeUrl`), and
 * waits until it answers on /healthz (bare) or /readyz (real: its store is reachable). `nodeArgs` go to
 * node before the script (bench/profile.mjs passes --cpu-prof).
 */
export async function startServer({ kind, storeUrl, cpu, nodeArgs = [] }) {
  const port = await freePort();
  const script = kind === 'bare' ? here('./bare-server.mjs') : REAL_SERVER;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...(kind === 'real' ? { STORE_URL: storeUrl, ...RAISED_LIMITS } : {}),
  };
  const [file, ...args] = command(['--expose-gc', '--require', here('./memory-probe.cjs'), ...nodeArgs, script], {
    cpu,
  });
  const child = spawn(file, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const probes = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-8192);
    for (const line of chunk.split('\n')) {
      if (line.startsWith('bench-memory ')) probes.shift()?.(JSON.parse(line.slice('bench-memory '.length)));
    }
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone;
  void exited.then((e) => (gone = e));

  await untilReady(kind, port, {
    gone: () => gone,
    stderr: () => stderr,
    kill: () => child.kill('SIGKILL'),
  });

  return {
    pid: child.pid,
    port,
    get alive() {
      return !gone;
    },
    stderrTail: () => stderr.trim().slice(-2000),
    /** A full GC in the server, then its process.memoryUsage(). */
    memory() {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no memory report from the server')), 10_000);
        probes.push((m) => {
          clearTimeout(timer);
          resolve(m);
        });
        child.kill('SIGUSR2');
      });
    },
    /** SIGTERM (the server closes its sockets and its store), SIGKILL if it has not exited after 10 s. */
    async stop() {
      if (gone) return gone;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const e = await exited;
      clearTimeout(timer);
      return e;
    },
  };
}

/**
 * Runs one job in a fresh load generator process; `onStep(message, reply)` handles the idle job's
 * steps. Resolves with the job's result.
 */
export function runLoad(job, { cpu, onStep = async () => {} }) {
  return new Promise((resolve, reject) => {
    const [file, ...args] = command([here('./loadgen.mjs')], { cpu });
    const child = spawn(file, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    child.on('message', (message) => {
      if (message.type === 'result') {
        settled = true;
        resolve(message.result);
      } else if (message.type === 'failed') {
        settled = true;
        reject(new Error(`load generator failed: ${message.message}`));
      } else {
        onStep(message, (reply) => child.send(reply)).catch((err) => {
          child.kill('SIGKILL');
          settled = true;
          reject(err);
        });
      }
    });
    child.once('exit', (code, signal) => {
      if (!settled) reject(new Error(`load generator exited (${code ?? signal}) without a result`));
    });
    child.send({ type: 'job', job });
  });
}
