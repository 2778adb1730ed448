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
      paths: ['req.headers.authorization', 'req.body', 'body', 'facts', 'answers', 'value', 'text', 'token', 'ip', 'remoteAddress', '*.token', '*.value', '*.text'],
      censor: '[redacted]',
    },
  });
}
