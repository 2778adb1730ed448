import { z } from 'zod';

/** Every setting, read once from the environment and checked; a wrong one stops the start with its name and why. */
const csv = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);

const seconds = (def: number) => z.coerce.number().int().positive().default(def);

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  STORE_URL: z
    .string()
    .regex(/^(memory:|sqlite:.+|rediss?:\/\/.+)$/, 'use memory:, sqlite:<path> or redis://host:port')
    .default('sqlite:data/sessions.db'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** origins allowed to embed the chat widget (CORS and Socket.IO), comma-separated; none by default */
  CORS_ORIGINS: csv.default([]),
  /** requests per minute per client on the HTTP API */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
  /** Socket.IO events per 10 seconds per connection */
  SOCKET_EVENTS_PER_10S: z.coerce.number().int().positive().default(30),
  /** sessions started per minute from one client address, over HTTP and Socket.IO together */
  SESSION_STARTS_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** sessions started per minute by one authenticated kiosk terminal or agent (many share one address) */
  SESSION_STARTS_PER_MINUTE_PER_TERMINAL: z.coerce.number().int().positive().default(60),
  /** Socket.IO connections opened per minute from one client address (authenticated terminals: per terminal) */
  SOCKET_CONNECTIONS_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** wrong agent or kiosk credentials per hour from one client address before that address is refused */
  CREDENTIAL_FAILURES_PER_HOUR: z.coerce.number().int().positive().default(10),
  /**
   * event-loop delay, in ms, above which session starts and turns are refused at once (503 SERVER_BUSY) instead of
   * queued; 0 = never refused
   */
  OVERLOAD_LAG_MS: z.coerce.number().int().min(0).default(200),
  /** session starts and turns in progress at once, per process, above which new ones are refused; 0 = no cap */
  OVERLOAD_MAX_IN_PROGRESS: z.coerce.number().int().min(0).default(256),
  /** largest request body or Socket.IO message, in bytes */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(1_048_576).default(16_384),
  SESSION_TTL_WEB_SECONDS: seconds(24 * 3600),
  SESSION_TTL_KIOSK_SECONDS: seconds(15 * 60),
  /** a kiosk session ends this long after it started, however active it is */
  SESSION_MAX_AGE_KIOSK_SECONDS: seconds(15 * 60),
  SESSION_TTL_AGENT_SECONDS: seconds(10 * 3600),
  /** kiosk inactivity before the session is erased; a warning comes KIOSK_WARNING_SECONDS before */
  KIOSK_IDLE_SECONDS: seconds(90),
  KIOSK_WARNING_SECONDS: seconds(20),
  SWEEP_INTERVAL_SECONDS: seconds(60),
  /** how long a hand-over code works; a conversation handed over and not opened by an agent is erased after it */
  HANDOVER_TTL_SECONDS: seconds(30 * 60),
  /** the helpdesk agents' credential (16 characters or more); without it the agent console is closed */
  AGENT_KEY: z.string().min(16, 'AGENT_KEY must be 16 characters or more').optional(),
  /** a JSON file listing each agent's and each kiosk terminal's own key, hashed; read again when it changes */
  TERMINALS_FILE: z.string().min(1).optional(),
  /** number of proxies in front of the server, for client addresses used in rate limiting */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  /** serve /metrics on this port (on METRICS_HOST) instead of the service port; 0 = not on a separate port */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * without METRICS_PORT, /metrics on the service port needs `Authorization: Bearer <METRICS_TOKEN>`; neither: no
   * /metrics
   */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be 16 characters or more').optional(),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`invalid settings:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The defaults with a few settings changed, for tests and benchmarks. */
export const configWith = (overrides: Partial<Record<keyof Config, string>>): Config => loadConfig({ ...overrides });
