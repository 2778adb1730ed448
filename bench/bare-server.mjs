// The baseline: a plain socket.io server speaking the same /chat contract with no store and no logic.
// It acknowledges `session:start` and `answer` with messages of the size and shape the real server
// sends (a question with options; every ANSWERS_PER_CONVERSATION answers an outcome with a decision),
// so the same load generator against it measures what the transport alone costs on this machine.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

/** About the mean length of the benchmark's conversations over the real flows (3 to 13 answers). */
const ANSWERS_PER_CONVERSATION = 9;

const filler = (n) =>
  'Texte de remplissage du serveur nu, de la longueur des phrases du vrai serveur. '.repeat(n).trim();

/** A question like the real ones (~450 bytes): text, help, two options, the turn. */
const question = (turn) => ({
  type: 'question',
  procedure: 'bare',
  node: 'bare-question',
  field: 'bare',
  text: 'Où êtes-vous en ce moment ?',
  help: filler(2),
  input: {
    kind: 'choice',
    options: [
      { value: 'first', label: 'La première réponse possible' },
      { value: 'second', label: 'La seconde réponse possible' },
    ],
  },
  lang: 'fr',
  dir: 'ltr',
  canGoBack: turn > 1,
  turn,
});

/** An outcome like the real ones (~6 KB): a decision with conditions, amounts, steps and references. */
const decision = {
  procedure: 'bare',
  status: 'eligible',
  asOf: '2026-01-01',
  conditions: Array.from({ length: 8 }, (_, i) => ({
    id: `condition-${i}`,
    status: 'met',
    reference: `reference-${i}`,
    explanation: filler(3),
  })),
  amounts: Array.from({ length: 3 }, (_, i) => ({
    id: `amount-${i}`,
    maxEur: 1000 * (i + 1),
    per: 'person',
    reference: `reference-${i}`,
    explanation: filler(1),
  })),
  deadlines: [],
  nextSteps: Array.from({ length: 4 }, (_, i) => ({ id: `step-${i}`, text: filler(2) })),
  references: Array.from({ length: 6 }, (_, i) => ({
    id: `reference-${i}`,
    title: filler(1),
    url: `https://www.legifrance.gouv.fr/bare/${i}`,
    inForceFrom: '2024-01-01',
  })),
};
const outcome = (turn) => ({
  type: 'outcome',
  procedure: 'bare',
  node: 'bare-outcome',
  text: filler(1),
  decision,
  lang: 'fr',
  dir: 'ltr',
  canGoBack: true,
  turn,
});

const http = createServer((req, res) => {
  res.writeHead(req.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' }).end('{"status":"ok"}');
});
// The real server's transport settings that matter here: the same message size limit, no HTTP client served.
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 16_384 });

io.of('/chat').on('connection', (socket) => {
  let turn = 0;
  let answers = 0;
  socket.on('session:start', (payload, ack) => {
    if (typeof ack !== 'function') return;
    answers = 0;
    turn++;
    const session = {
      id: randomBytes(16).toString('base64url'),
      token: randomBytes(24).toString('base64url'),
      procedure: payload?.procedure ?? 'triage',
      lang: 'fr',
      channel: 'web',
      expiresAt: '2026-01-02T00:00:00.000Z',
    };
    ack({ ok: true, session, messages: [question(turn)] });
  });
  socket.on('answer', (_payload, ack) => {
    if (typeof ack !== 'function') return;
    answers++;
    turn++;
    ack({ ok: true, messages: [answers >= ANSWERS_PER_CONVERSATION ? outcome(turn) : question(turn)] });
  });
});

http.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
const stop = () => io.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
