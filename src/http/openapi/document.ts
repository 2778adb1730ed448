import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import * as input from '../../edge/schemas';
import { errorCodes, errorStatus, type ErrorCode } from '../../errors';
import * as out from './responses';

/**
 * The OpenAPI 3.1 description of the HTTP API, generated from the zod schemas the server itself uses for
 * requests (src/edge/schemas.ts) and from the response schemas beside this file. Served at
 * /api/v1/openapi.json; test/openapi.test.ts checks it is valid, that it and the routes agree, and that
 * real responses fit it.
 */
const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

const retryAfterHeader = {
  'Retry-After': {
    description: 'with SERVER_BUSY: seconds to wait before trying again',
    schema: { type: 'integer' as const },
  },
};

/** Every error a status can carry, by its codes in the closed list (docs/errors.md). */
function errors(...statuses: number[]): ZodOpenApiResponsesObject {
  return Object.fromEntries(
    statuses.map((status) => [String(status), errorResponse(errorCodes.filter((c) => errorStatus[c] === status))]),
  );
}

/** An error response with these codes (of one status). */
function errorResponse(codes: ErrorCode[]) {
  const busy = codes.includes('SERVER_BUSY');
  const schema = out.errorResponse.extend({
    error: z.looseObject({
      code: z.enum(codes as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      field: z.string().optional(),
      ...(busy ? { retryAfter: z.number().int().optional() } : {}),
    }),
  });
  const response = json(schema, codes.join(', '));
  // SERVER_BUSY says when to try again
  return busy ? { ...response, headers: retryAfterHeader } : response;
}

const sessionId = z.object({ id: z.string().meta({ description: 'the session id' }) });
const procedureId = z.object({ id: z.string().meta({ description: 'a procedure id (GET /procedures)' }) });
const langQuery = z.object({
  lang: z.string().optional().meta({ description: 'a language offered (GET /languages); French by default' }),
});
const bearer = [{ session: [] }];
/** Every call: rate limited (429); a broken address (400); the store unavailable or the server overloaded (503). */
const always = errors(400, 429, 503);

function op(o: ZodOpenApiOperationObject & { errors?: number[] }): ZodOpenApiOperationObject {
  const { errors: statuses = [], ...rest } = o;
  return { ...rest, responses: { ...rest.responses, ...always, ...errors(...statuses) } };
}

const sessionPaths = {
  '/api/v1/sessions': {
    post: op({
      summary: 'Start a session',
      requestBody: { content: { 'application/json': { schema: input.startSession } } },
      responses: { '201': json(out.started, 'the session and the first question') },
      errors: [401, 404, 413],
    }),
  },
  '/api/v1/sessions/{id}': {
    get: op({
      summary: 'Where a session stands',
      security: bearer,
      requestParams: { path: sessionId },
      responses: { '200': json(out.current, 'the facts and the current question') },
      errors: [404, 410],
    }),
    patch: op({
      summary: 'Change the language',
      security: bearer,
      requestParams: { path: sessionId },
      requestBody: { content: { 'application/json': { schema: input.setLanguage } } },
      responses: { '200': json(out.messages, 'the current question in the new language') },
      errors: [404, 409, 410, 413],
    }),
    delete: op({
      summary: 'Erase a session',
      security: bearer,
      requestParams: { path: sessionId },
      responses: { '204': { description: 'erased' } },
      errors: [404, 410],
    }),
  },
  '/api/v1/sessions/{id}/answers': {
    post: op({
      summary: 'Answer the current question',
      security: bearer,
      requestParams: { path: sessionId },
      requestBody: { content: { 'application/json': { schema: input.answer } } },
      responses: { '200': json(out.messages, 'what the bot says next') },
      errors: [404, 409, 410, 413, 422],
    }),
  },
  '/api/v1/sessions/{id}/answers/{index}': {
    put: op({
      summary: 'Change an earlier answer',
      security: bearer,
      requestParams: {
        path: sessionId.extend({ index: z.string().meta({ description: '0-based, in the order given' }) }),
      },
      requestBody: { content: { 'application/json': { schema: input.answer } } },
      responses: { '200': json(out.messages, 'where the conversation now stands') },
      errors: [404, 409, 410, 413, 422],
    }),
  },
  '/api/v1/sessions/{id}/back': {
    post: op({
      summary: 'Back one question',
      security: bearer,
      requestParams: { path: sessionId },
      requestBody: { content: { 'application/json': { schema: input.back } } },
      responses: { '200': json(out.messages, 'the previous question') },
      errors: [404, 409, 410, 413],
    }),
  },
  '/api/v1/sessions/{id}/restart': {
    post: op({
      summary: 'Start again',
      security: bearer,
      requestParams: { path: sessionId },
      responses: { '200': json(out.messages, 'the first question') },
      errors: [404, 409, 410],
    }),
  },
  '/api/v1/sessions/{id}/handover': {
    post: op({
      summary: 'Hand the conversation over to an adviser (with the person\u2019s consent): a code',
      security: bearer,
      requestParams: { path: sessionId },
      responses: { '201': json(out.handoverCreated, 'the code') },
      errors: [404, 410],
    }),
  },
  '/api/v1/handovers': {
    post: op({
      summary: 'Open a handed-over conversation with its code (an agent\u2019s key)',
      security: [{ agentKey: [] }],
      requestBody: { content: { 'application/json': { schema: input.handoverCode } } },
      responses: { '201': json(out.handoverOpened, 'the conversation, now the agent\u2019s session') },
      errors: [401, 404, 410, 413],
    }),
  },
  '/api/v1/sessions/{id}/summary': {
    get: op({
      summary: 'The answers and the decision (json, html, text, ics)',
      security: bearer,
      requestParams: {
        path: sessionId,
        query: z.object({
          format: z.enum(['json', 'html', 'text', 'ics']).optional(),
          bilingual: z.enum(['1']).optional(),
          lang: z
            .string()
            .optional()
            .meta({ description: 'another language than the session\u2019s (an agent\u2019s French summary)' }),
        }),
      },
      responses: {
        '200': {
          description: 'the summary',
          content: {
            'application/json': { schema: out.summary },
            'text/html': { schema: z.string() },
            'text/plain': { schema: z.string() },
            'text/calendar': { schema: z.string() },
          },
        },
      },
      errors: [404, 410],
    }),
  },
};

const catalogPaths = {
  '/api/v1/procedures': {
    get: op({
      summary: 'The procedures',
      requestParams: { query: langQuery },
      responses: { '200': json(out.procedures, 'every procedure with its title and summary') },
    }),
  },
  '/api/v1/procedures/{id}/facts': {
    get: op({
      summary: 'The facts of a procedure, as JSON Schema',
      requestParams: { path: procedureId },
      responses: { '200': json(out.factsSchema, 'JSON Schema') },
      errors: [404],
    }),
  },
  '/api/v1/procedures/{id}/evaluate': {
    post: op({
      summary: 'Decide from facts',
      requestParams: { path: procedureId },
      requestBody: { content: { 'application/json': { schema: input.evaluate } } },
      responses: { '200': json(z.object({ decision: out.decision }), 'the decision') },
      errors: [404, 413],
    }),
  },
  '/api/v1/procedures/{id}/script': {
    get: op({
      summary: 'The agents\u2019 script',
      requestParams: { path: procedureId, query: langQuery.extend({ format: z.enum(['json', 'html']).optional() }) },
      responses: {
        '200': {
          description: 'the script',
          content: { 'application/json': { schema: out.script }, 'text/html': { schema: z.string() } },
        },
      },
      errors: [404],
    }),
  },
  '/api/v1/languages': {
    get: op({
      summary: 'The languages offered',
      responses: { '200': json(out.languages, 'each named in its own script') },
    }),
  },
  '/api/v1/texts/ui': {
    get: op({
      summary: 'The pages\u2019 interface texts',
      requestParams: { query: langQuery },
      responses: { '200': json(out.uiTexts, 'texts') },
    }),
  },
  '/api/v1/openapi.json': {
    get: op({
      summary: 'This document',
      responses: { '200': json(z.looseObject({ openapi: z.string() }), 'OpenAPI 3.1') },
    }),
  },
  '/api/v1/content/report': {
    get: op({
      summary: 'The content report for service owners (an agent\u2019s key)',
      security: [{ agentKey: [] }],
      requestParams: {
        query: langQuery.extend({ asOf: z.iso.date().optional(), format: z.enum(['json', 'text']).optional() }),
      },
      responses: {
        '200': {
          description: 'the report',
          content: { 'application/json': { schema: out.contentReport }, 'text/plain': { schema: z.string() } },
        },
      },
      errors: [401, 404],
    }),
  },
  '/healthz': { get: { summary: 'Liveness', responses: { '200': json(out.health, 'alive') } } },
  '/readyz': {
    get: {
      summary: 'Readiness: the store answers',
      // never refused for overload: only the store decides
      responses: { '200': json(out.health, 'ready'), '503': errorResponse(['STORE_UNAVAILABLE']) },
    },
  },
};

export function openApiDocument() {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Guidance bot',
      version: '1',
      description:
        'The public contract is docs/PROTOCOL.md, with docs/protocol-additions.md; error codes in docs/errors.md.',
    },
    components: {
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', description: 'the session token given at start' },
        agentKey: { type: 'apiKey', in: 'header', name: 'X-Agent-Key', description: 'an agent terminal\u2019s key' },
      },
    },
    paths: { ...catalogPaths, ...sessionPaths },
  });
}
