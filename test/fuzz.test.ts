import fc from 'fast-check';
import request from 'supertest';
import { io as connect, type Socket } from 'socket.io-client';
import type { Application } from '../src/app';
import { errorCodes, errorStatus } from '../src/errors';
import { testApp } from './helpers';

/**
 * Property-based fuzzing of the HTTP API and the /chat events (issue 9): whatever a client sends, the
 * answer has a code from the closed list (docs/errors.md), never a 5xx, never a stack. Bounded in runs
 * to keep CI quick; fast-check prints the seed of any failure so it can be replayed.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const generous = {
  RATE_LIMIT_PER_MINUTE: '100000',
  SESSION_STARTS_PER_MINUTE: '100000',
  SOCKET_EVENTS_PER_10S: '100000',
  SOCKET_CONNECTIONS_PER_MINUTE: '100000',
};

let app: Application;
let session: { id: string; token: string };
beforeAll(async () => {
  app = testApp(generous);
  const r = await request(app.app).post('/api/v1/sessions').send({ procedure: 'return-aid' }).expect(201);
  session = r.body.session;
});
afterAll(() => app.close());

const known = new Set<string>(errorCodes);

/** What every error answer must be. */
function checkError(status: number, body: unknown, where: string) {
  expect({ where, serverError: status >= 500 }).toEqual({ where, serverError: false });
  if (status < 400) return;
  const error = (body as { error?: { code?: string; message?: unknown } }).error;
  expect({ where, code: error?.code, known: known.has(String(error?.code)), message: typeof error?.message }).toEqual({
    where,
    code: error?.code,
    known: true,
    message: 'string',
  });
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |node_modules|Error:/);
}

const segment = fc.oneof(
  fc.constantFrom(
    'sessions',
    'procedures',
    'answers',
    'summary',
    'back',
    'restart',
    'evaluate',
    'facts',
    'script',
    'return-aid',
    'triage',
    '0',
    '999',
    '%ZZ',
    '%',
    '%E0%A4%A',
    '..',
    '%2F',
    'ا',
    '😀',
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ text: fc.string({ maxLength: 600 }) }),
  fc.record(
    { text: fc.string(), node: fc.string(), turn: fc.oneof(fc.integer(), fc.double(), fc.string()) },
    { requiredKeys: [] },
  ),
  fc.record({ procedure: fc.string(), lang: fc.string(), channel: fc.string() }, { requiredKeys: [] }),
  fc.record(
    { facts: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), asOf: fc.string(), lang: fc.string() },
    { requiredKeys: [] },
  ),
);

test('HTTP: any method, path, headers and body get a coded answer, never a 5xx or a stack', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('get', 'post', 'put', 'patch', 'delete'),
      fc.oneof(
        fc.array(segment, { maxLength: 5 }).map((parts) => `/api/v1/${parts.join('/')}`),
        // every route with a parameter, with anything in it
        fc
          .tuple(
            fc.constantFrom(
              '/sessions/$',
              '/sessions/$/answers',
              '/sessions/$/answers/$',
              '/sessions/$/summary',
              '/procedures/$',
              '/procedures/$/facts',
              '/procedures/$/evaluate',
              '/procedures/$/script',
            ),
            segment,
            segment,
          )
          .map(([template, a, b]) => `/api/v1${template.replace('$', a).replace('$', b)}`),
        fc
          .tuple(
            fc.constantFrom(
              '',
              '/answers',
              '/answers/0',
              '/answers/-1',
              '/back',
              '/restart',
              '/summary?format=ics',
              '/summary?format=x',
            ),
            fc.boolean(),
          )
          .map(([tail, real]) => `/api/v1/sessions/${real ? session.id : 'x'}${tail}`),
      ),
      fc.oneof(
        jsonish.map((b) => JSON.stringify(b)),
        fc.string({ maxLength: 300 }),
        fc.constant('{"text":'),
        fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a).toString('latin1')),
      ),
      fc.constantFrom(undefined, 'application/json', 'text/plain', 'application/json; charset=ebcdic'),
      fc.constantFrom(undefined, 'gzip', 'deflate', 'br', 'x-unknown'),
      fc.boolean(),
      async (method, url, body, contentType, encoding, auth) => {
        let req = request(app.app)[method](url);
        if (contentType) req = req.set('Content-Type', contentType);
        if (encoding) req = req.set('Content-Encoding', encoding);
        if (auth) req = req.set('Authorization', `Bearer ${session.token}`);
        const res = method === 'get' ? await req : await req.send(body);
        checkError(res.status, res.body, `${method} ${url}`);
      },
    ),
    { numRuns: RUNS },
  );
});

describe('Socket.IO', () => {
  let socket: Socket;
  beforeAll(async () => {
    const port = await app.listen();
    socket = connect(`http://127.0.0.1:${port}/chat`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  });
  afterAll(() => socket.disconnect());

  test('any event and payload get an acknowledgement with a known code, and the connection stays', async () => {
    const events = [
      'session:start',
      'session:resume',
      'answer',
      'answer:change',
      'back',
      'restart',
      'lang:set',
      'feedback',
      'unknown:event',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...events),
        fc.oneof(
          jsonish,
          fc.constant(undefined),
          fc.record({ id: fc.constant(session.id), token: fc.constantFrom(session.token, 'x') }),
          fc.record({ index: fc.integer({ min: -2, max: 5 }), text: fc.string() }),
        ),
        async (event, payload) => {
          const ack = await Promise.race([
            (payload === undefined ? socket.emitWithAck(event) : socket.emitWithAck(event, payload)) as Promise<{
              ok: boolean;
              error?: { code: string };
            }>,
            // an unknown event has no handler, so no acknowledgement: that is the only silence allowed
            new Promise<'silence'>((resolve) =>
              setTimeout(() => resolve('silence'), event === 'unknown:event' ? 50 : 5000),
            ),
          ]);
          if (ack === 'silence') {
            expect(event).toBe('unknown:event');
            return;
          }
          if (!ack.ok)
            checkError(
              errorStatus[ack.error?.code as keyof typeof errorStatus] ?? 500,
              ack,
              `${event} ${JSON.stringify(payload)?.slice(0, 80)}`,
            );
          expect(socket.connected).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
