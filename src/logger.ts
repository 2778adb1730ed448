import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs. They never carry answers, facts, tokens or client addresses: only what a request was (method,
 * route pattern, status, duration) and errors' codes. The redaction is a second line of defence.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.body',
        'body',
        'facts',
        'answers',
        'value',
        'text',
        'token',
        'ip',
        'remoteAddress',
        '*.token',
        '*.value',
        '*.text',
      ],
      censor: '[redacted]',
    },
  });
}

/**
 * What of an unexpected error may be logged: its class and where it happened. Never its message, which
 * can quote what a person sent (a URL part, a body), so nothing they typed reaches the logs.
 */
export function loggableError(err: unknown): { name: string; frames?: string } | undefined {
  if (!(err instanceof Error)) return undefined;
  const frames = err.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .join('\n');
  return { name: err.name, ...(frames ? { frames } : {}) };
}
