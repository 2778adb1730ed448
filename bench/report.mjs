// The figures as people read them: markdown tables to paste into bench/README.md, and the two-process
// prediction. Everything here is computed from the results file, so a past run can be printed again.

export const LABELS = {
  bare: 'bare socket.io, same contract',
  memory: 'project, memory store',
  sqlite: 'project, SQLite (the default)',
  redis: 'project, Redis',
  'redis-2': 'project, Redis, 2 processes',
};

/**
 * Server CPU seconds in a run's window: every server process of the target, not Redis; undefined if one could not be
 * read.
 */
export function serverCpuS(run) {
  const servers = Array.from({ length: run.servers }, (_, i) => run.cpuS?.[`server${i}`]);
  return servers.some((s) => s === undefined) ? undefined : servers.reduce((a, b) => a + b, 0);
}

/** CPU per turn (ms) of the servers, and how busy they and the rest were, for one closed or paced run. */
export function derive(run) {
  const cpu = serverCpuS(run);
  return {
    ...run,
    serverCpuUtil: cpu === undefined ? undefined : cpu / run.windowS,
    cpuPerTurnMs: cpu !== undefined && run.turns ? (cpu / run.turns) * 1000 : undefined,
    redisCpuPerTurnMs: run.cpuS?.redis !== undefined && run.turns ? (run.cpuS.redis / run.turns) * 1000 : undefined,
  };
}

const fmt = {
  int: (n) => (n === undefined || Number.isNaN(n) ? '–' : Math.round(n).toLocaleString('en-US').replace(/,/g, ' ')),
  ms: (n) =>
    n === undefined
      ? '–'
      : n >= 1000
        ? `${(n / 1000).toFixed(1)} s`
        : n >= 100
          ? `${Math.round(n)} ms`
          : `${n.toFixed(n >= 10 ? 0 : 1)} ms`,
  cpu: (n) => (n === undefined ? '–' : n.toFixed(3)),
  ratio: (n) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(2)),
  pct: (n) => (n === undefined ? '–' : `${Math.round(n * 100)} %`),
  kib: (n) => (n === undefined ? '–' : (n / 1024).toFixed(1)),
};

const table = (header, rows) =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

const range = (values, f) => {
  const v = values.filter((x) => x !== undefined);
  if (v.length === 0) return '–';
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  return f(lo) === f(hi) ? f(lo) : `${f(lo)}-${f(hi)}`;
};

const errorsOf = (t) =>
  [...Object.values(t.closed ?? {}), t.paced, t.idle].filter(Boolean).reduce((n, r) => n + (r.errorCount ?? 0), 0);

/** The dated table of bench/README.md: one row per server, with the ratios to the bare server. */
export function summaryTable(results) {
  const { settings, targets } = results;
  const bare = targets.bare;
  const header = ['date', 'machine', 'server'];
  for (const c of settings.clients) header.push(`turns/s, ${fmt.int(c)} clients`, '× bare');
  header.push(`p99, ${fmt.int(settings.clients[0])} clients`);
  header.push(
    `${fmt.int(settings.pacedClients)} people × 1 message/${settings.pacedPeriodMs / 1000} s: served/s, p99`,
    'CPU per turn, ms',
    'idle session, KiB RSS (bare: per connection)',
    'heap + external, KiB',
    'errors',
  );
  const rows = Object.entries(targets).map(([name, t]) => {
    const row = [results.date, results.machine.short, LABELS[name]];
    for (const c of settings.clients) {
      const run = t.closed?.[c];
      const base = bare?.closed?.[c];
      row.push(fmt.int(run?.turnsPerS), run && base ? fmt.ratio(run.turnsPerS / base.turnsPerS) : '–');
    }
    row.push(fmt.ms(t.closed?.[settings.clients[0]]?.latencyMs.p99));
    row.push(
      t.paced
        ? `${fmt.int(t.paced.turnsPerS)} of ${fmt.int(t.paced.offeredPerS)}, p99 ${fmt.ms(t.paced.latencyMs.p99)}` +
            (t.paced.refusedPerS ? `, ${fmt.int(t.paced.refusedPerS)}/s refused (SERVER_BUSY)` : '')
        : '–',
    );
    row.push(
      range(
        Object.values(t.closed ?? {}).map((r) => r.cpuPerTurnMs),
        fmt.cpu,
      ),
    );
    row.push(t.idle ? fmt.kib(t.idle.rssPerSession) : '–', t.idle ? fmt.kib(t.idle.heapPerSession) : '–');
    row.push(String(errorsOf(t)));
    return row;
  });
  return table(header, rows);
}

/** Every closed and paced run with what the processes did during its window. */
export function detailTable(results) {
  const rows = [];
  for (const [name, t] of Object.entries(results.targets)) {
    const runs = [...Object.values(t.closed ?? {}), ...(t.paced ? [t.paced] : [])];
    for (const r of runs) {
      rows.push([
        name,
        r.mode === 'paced' ? `paced ${fmt.int(r.offeredPerS)}/s` : 'closed',
        fmt.int(r.clients),
        r.warmupS === undefined ? '–' : r.warmupS.toFixed(0),
        fmt.int(r.turnsPerS),
        fmt.ms(r.latencyMs.p50),
        fmt.ms(r.latencyMs.p95),
        fmt.ms(r.latencyMs.p99),
        fmt.pct(r.serverCpuUtil),
        fmt.cpu(r.cpuPerTurnMs),
        r.redisCpuPerTurnMs === undefined ? '–' : fmt.cpu(r.redisCpuPerTurnMs),
        `${fmt.pct(r.clientCpuUtil)} / ${fmt.pct(r.clientEventLoopUtil)}`,
        fmt.pct(r.othersCpuUtil),
        fmt.int(r.ackBytesMean),
        r.refusedPerS === undefined ? '–' : fmt.int(r.refusedPerS),
        String(r.errorCount),
      ]);
    }
  }
  return table(
    [
      'server',
      'run',
      'clients',
      'warm-up s',
      'turns/s',
      'p50',
      'p95',
      'p99',
      'server CPU',
      'CPU/turn ms',
      'Redis CPU/turn ms',
      'client CPU / loop busy',
      'rest of machine',
      'bytes/ack',
      'refused/s',
      'errors',
    ],
    rows,
  );
}

/** Memory at rest and per idle session (each connected, its session started, after a full GC in the server). */
export function memoryTable(results) {
  const rows = Object.entries(results.targets)
    .filter(([, t]) => t.idle)
    .map(([name, t]) => {
      const i = t.idle;
      return [
        name,
        fmt.int(i.started),
        (i.before.rss / 2 ** 20).toFixed(0),
        (i.after.rss / 2 ** 20).toFixed(0),
        fmt.kib(i.rssPerSession),
        fmt.kib(i.heapPerSession),
        i.redisPerSession === undefined ? '–' : fmt.kib(i.redisPerSession),
      ];
    });
  return table(
    [
      'server',
      'idle sessions',
      'RSS at rest, MiB',
      'RSS with them, MiB',
      'RSS per session, KiB',
      'JS heap + external per session, KiB',
      'Redis memory per session, KiB',
    ],
    rows,
  );
}

/**
 * Two processes on Redis against one. On a machine where the servers share one core, two processes
 * cannot be faster; what they cost per turn says what more cores would give.
 */
export function scalingNotes(results) {
  const one = results.targets.redis;
  const two = results.targets['redis-2'];
  if (!one?.closed || !two?.closed) return '';
  const lines = [];
  for (const c of results.settings.clients) {
    const a = one.closed[c];
    const b = two.closed[c];
    if (!a || !b) continue;
    // A process with a core to itself serves 1 / (its CPU per turn); the measured one-process rate may be lower
    // when that process did not get a whole core, so the comparison is made on CPU per turn.
    const onePerCore = a.cpuPerTurnMs ? 1000 / a.cpuPerTurnMs : undefined;
    const twoPerCore = b.cpuPerTurnMs ? 1000 / b.cpuPerTurnMs : undefined;
    const redisCap = b.redisCpuPerTurnMs ? 1000 / b.redisCpuPerTurnMs : undefined;
    lines.push(
      `- ${fmt.int(c)} clients: two processes ${fmt.int(b.turnsPerS)} turns/s against one ${fmt.int(a.turnsPerS)} (×${fmt.ratio(b.turnsPerS / a.turnsPerS)}), ` +
        `both on the servers' one core; CPU per turn ${fmt.cpu(b.cpuPerTurnMs)} ms against ${fmt.cpu(a.cpuPerTurnMs)} ms. ` +
        `With a core per process (and the clients and Redis elsewhere), two would serve about ${fmt.int(twoPerCore && 2 * twoPerCore)} turns/s ` +
        `against ${fmt.int(onePerCore)} for one: ×${fmt.ratio(onePerCore && twoPerCore ? (2 * twoPerCore) / onePerCore : undefined)}` +
        (redisCap
          ? `, until Redis (one thread: ${fmt.cpu(b.redisCpuPerTurnMs)} ms per turn here, counting whatever else uses it) tops out near ${fmt.int(redisCap)} turns/s.`
          : '.'),
    );
  }
  return lines.join('\n');
}

export function fullReport(results) {
  const errors = Object.entries(results.targets).flatMap(([name, t]) =>
    [...Object.values(t.closed ?? {}), t.paced, t.idle]
      .filter((r) => r && r.errorCount)
      .map((r) => `- ${name} ${r.mode} ${r.clients ?? r.sessions}: ${JSON.stringify(r.errors)}`),
  );
  return [
    `## Results ${results.date} (${results.machine.description})`,
    '',
    results.notes.map((n) => `- ${n}`).join('\n'),
    '',
    summaryTable(results),
    '',
    '### Each run',
    '',
    detailTable(results),
    '',
    '### Memory',
    '',
    memoryTable(results),
    '',
    ...(scalingNotes(results) ? ['### Two processes on Redis', '', scalingNotes(results), ''] : []),
    '### Errors',
    '',
    errors.length ? errors.join('\n') : 'None: no refused acknowledgement, no timeout, no disconnect.',
    '',
  ].join('\n');
}
