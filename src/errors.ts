/**
 * The closed list of error codes, each with its HTTP status. Every code has a message in every language
 * (common:errors).
 */
export const errorStatus = {
  MALFORMED_JSON: 400,
  MALFORMED_URL: 400,
  INVALID_PAYLOAD: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNKNOWN_PROCEDURE: 404,
  UNSUPPORTED_LANGUAGE: 400,
  SESSION_NOT_FOUND: 404,
  SESSION_EXPIRED: 410,
  INVALID_ANSWER: 422,
  INVALID_FACTS: 400,
  NO_QUESTION_PENDING: 409,
  NOTHING_TO_UNDO: 409,
  CONCURRENT_UPDATE: 409,
  STALE_ANSWER: 409,
  RATE_LIMITED: 429,
  AGENT_CREDENTIAL_REQUIRED: 401,
  KIOSK_CREDENTIAL_REFUSED: 401,
  HANDOVER_CODE_UNKNOWN: 404,
  NO_SESSION: 400,
  NOT_FOUND: 404,
  UNSUPPORTED_FORMAT: 400,
  STORE_UNAVAILABLE: 503,
  SERVER_BUSY: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  /** UNSUPPORTED_LANGUAGE: the languages offered, each named in its own script */
  languages?: { code: string; name: string }[];
  /** SERVER_BUSY: seconds to wait before trying again (over HTTP, also the Retry-After header) */
  retryAfter?: number;
}

/** An error the client caused or may see. `reason` is a more precise message key (e.g. common:answer.invalid-date). */
export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly options: {
      field?: string;
      reason?: string;
      values?: Record<string, string | number>;
      /** the question again, so the client can ask it without a second call */
      messages?: unknown[];
      /** the session's language, for the message */
      lang?: string;
      languages?: { code: string; name: string }[];
      /** seconds to wait before trying again */
      retryAfter?: number;
    } = {},
  ) {
    super(code);
    this.status = errorStatus[code];
  }
}
