import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics, one registry per application so tests can run several side by side. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    sessionsStarted: new Counter({
      name: 'guidance_sessions_started_total',
      help: 'Sessions started',
      labelNames: ['procedure', 'channel'],
      registers: [registry],
    }),
    sessionsFinished: new Counter({
      name: 'guidance_sessions_finished_total',
      help: 'Sessions that reached an outcome',
      labelNames: ['procedure', 'outcome', 'status'],
      registers: [registry],
    }),
    turnDuration: new Histogram({
      name: 'guidance_turn_duration_seconds',
      help: 'Time to handle one turn (HTTP request or Socket.IO event)',
      labelNames: ['transport', 'action'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'guidance_errors_total',
      help: 'Errors answered, by code',
      labelNames: ['code', 'transport'],
      registers: [registry],
    }),
    feedback: new Counter({
      name: 'guidance_feedback_total',
      help: 'Was this useful? answers',
      labelNames: ['helpful'],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
