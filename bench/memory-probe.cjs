// Preloaded (--require, with --expose-gc) into every server the benchmark starts, the real one and the
// bare one alike: on SIGUSR2, a full collection, then the process's memory figures on stderr. Memory
// compared before and after opening sessions is then what they hold, not garbage not yet collected.
// It changes nothing else in the process.
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
  process.stderr.write(`bench-memory ${JSON.stringify(process.memoryUsage())}\n`);
});
