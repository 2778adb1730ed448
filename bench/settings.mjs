// The benchmark's settings, from the environment (see bench/README.md). Every one has a default that
// makes `npm run bench` the full run; BENCH_QUICK=1 changes the defaults to a run of about two minutes.
import { PROCEDURES } from './conversations.mjs';

export const TARGETS = ['bare', 'memory', 'sqlite', 'redis', 'redis-2'];
export const PHASES = ['closed', 'paced', 'idle'];

const FULL = {
  clients: '1000,5000',
  warmupS: 5,
  warmupMaxS: 30,
  measureS: 10,
  pacedClients: 5000,
  pacedS: 20,
  idleSessions: 5000,
};
const QUICK = {
  clients: '200',
  warmupS: 2,
  warmupMaxS: 10,
  measureS: 4,
  pacedClients: 500,
  pacedS: 5,
  idleSessions: 500,
};

class SettingError extends Error {}

function list(env, name, fallback, allowed) {
  const items = (env[name] ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const wrong = allowed ? items.filter((s) => !allowed.includes(s)) : [];
  if (items.length === 0 || wrong.length)
    throw new SettingError(`${name}: ${wrong.join(', ') || 'empty'} (allowed: ${allowed?.join(', ') ?? 'a list'})`);
  return items;
}

function number(env, name, fallback, { min = 0, integer = false } = {}) {
  const raw = env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n)))
    throw new SettingError(`${name} must be ${integer ? 'a whole number' : 'a number'} >= ${min}, not ${raw}`);
  return n;
}

export function readSettings(env = process.env) {
  const d = env.BENCH_QUICK === '1' ? QUICK : FULL;
  const settings = {
    quick: env.BENCH_QUICK === '1',
    targets: list(env, 'BENCH_TARGETS', TARGETS.join(','), TARGETS),
    phases: list(env, 'BENCH_PHASES', PHASES.join(','), PHASES),
    clients: list(env, 'BENCH_CLIENTS', d.clients).map((s) =>
      number({ BENCH_CLIENTS: s }, 'BENCH_CLIENTS', 0, { min: 1, integer: true }),
    ),
    warmupS: number(env, 'BENCH_WARMUP_S', d.warmupS),
    warmupMaxS: number(env, 'BENCH_WARMUP_MAX_S', d.warmupMaxS),
    measureS: number(env, 'BENCH_MEASURE_S', d.measureS, { min: 1 }),
    pacedClients: number(env, 'BENCH_PACED_CLIENTS', d.pacedClients, { min: 1, integer: true }),
    pacedS: number(env, 'BENCH_PACED_S', d.pacedS, { min: 1 }),
    pacedPeriodMs: number(env, 'BENCH_PACED_PERIOD_MS', 1000, { min: 10 }),
    idleSessions: number(env, 'BENCH_IDLE_SESSIONS', d.idleSessions, { min: 1, integer: true }),
    procedures: list(env, 'BENCH_PROCEDURES', PROCEDURES.join(','), PROCEDURES),
    ackTimeoutS: number(env, 'BENCH_ACK_TIMEOUT_S', 30, { min: 1 }),
    rampConcurrency: number(env, 'BENCH_RAMP_CONCURRENCY', 100, { min: 1, integer: true }),
    redisUrl: env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisDb: number(env, 'BENCH_REDIS_DB', 13, { min: 0, integer: true }),
    quietWaitS: number(env, 'BENCH_QUIET_WAIT_S', 0),
    quietCores: number(env, 'BENCH_QUIET_CORES', 0.3),
    busyRetries: number(env, 'BENCH_BUSY_RETRIES', 0, { integer: true }),
    output: env.BENCH_OUTPUT ?? 'bench-output',
  };
  if (!/^redis:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(settings.redisUrl))
    throw new SettingError(
      'BENCH_REDIS_URL must be a Redis on loopback, without a database (BENCH_REDIS_DB chooses it)',
    );
  return settings;
}

export { SettingError };
