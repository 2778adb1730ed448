import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApplication, type Application, type Overrides } from '../src/app';
import { fixedClock } from '../src/clock';
import { configWith, type Config } from '../src/config';
import { loadContent, type Content } from '../src/content/load';
import type { Answer } from '../src/dialogue/answers';
import { understand, type Understanding } from '../src/dialogue/understand';
import { FlowEngine, type Position } from '../src/dialogue/engine';
import { createI18n, translator } from '../src/i18n';
import { ProcedureRegistry } from '../src/procedures/registry';
import type { StoredAnswer } from '../src/store/types';

/** Content is read once per test file, as the server reads it once at start-up. */
let cached: Content | undefined;
export const content = (): Content => (cached ??= loadContent());

export const engine = () => new FlowEngine(new ProcedureRegistry(), { content: content() });
export const i18n = () => createI18n(content());

type Step = [field: string, value: unknown];

/** Node by node: where a procedure's flow stands after these answers (field, value), on TODAY. */
export function flowAt(procedure: string, answers: Step[], e: FlowEngine = engine()): Position {
  return e.replay(
    procedure,
    answers.map(([field, value]): StoredAnswer => ({ procedure, node: '', field, value })),
    TODAY,
  );
}

/** A procedure's node-by-node helper: the node reached after these answers. */
export const nodesOf = (procedure: string) => {
  const e = engine();
  return (answers: Step[]) => flowAt(procedure, answers, e).state.value;
};

/**
 * How an answer is understood at a question ("procedure/node"), in a language, on TODAY, with the facts
 * given so far: the path a conversation takes, without a session.
 */
export function understandAt(
  lang: string,
  at: string,
  answer: Answer | string,
  facts: Record<string, unknown> = {},
  e: FlowEngine = sharedEngine(),
): Understanding {
  const [procedure, node] = at.split('/') as [string, string];
  const pos: Position = { procedure, state: { value: node, context: facts } };
  const q = e.question(pos);
  if (!q) throw new Error(`no question at ${at}`);
  const given = typeof answer === 'string' ? { text: answer } : answer;
  const ctx = {
    engine: e,
    lexicon: content().lexicons[lang]!,
    otherLexicons: Object.entries(content().lexicons)
      .filter(([l]) => l !== lang)
      .map(([, lexicon]) => lexicon),
    lang,
    t: translator(i18nShared(), lang),
    today: TODAY,
    facts,
    communes: content().communes,
  };
  const u = understand(given, q, pos, ctx);
  // where recording it leads (`next`, kept so that the step does not compute it again) is not what was understood
  if (u.kind !== 'record' || !u.next) return u;
  const { next: _next, ...understood } = u;
  return understood;
}

let engineCache: FlowEngine | undefined;
let i18nCache: ReturnType<typeof createI18n> | undefined;
const sharedEngine = () => (engineCache ??= engine());
const i18nShared = () => (i18nCache ??= i18n());

/** The tests' "now": Monday 23 November 2026, 10:00 in Paris. */
export const NOW = '2026-11-23T09:00:00Z';
export const TODAY = '2026-11-23';

/** A clock the test moves forward (expiry, timers on the server's side). */
export function movableClock(at: string = NOW) {
  let now = new Date(at).getTime();
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

/**
 * A server in the test's process. Admission control is off unless a test sets OVERLOAD_LAG_MS: the event loop is the
 * test runner's too (compiling, other servers), and its delays there are not the server's load.
 */
export function testApp(settings: Partial<Record<keyof Config, string>> = {}, overrides: Overrides = {}): Application {
  const defaults = { STORE_URL: 'memory:', LOG_LEVEL: 'silent', PORT: '0', OVERLOAD_LAG_MS: '0' };
  return createApplication(configWith({ ...defaults, ...settings }), {
    clock: fixedClock(NOW),
    content: content(),
    ...overrides,
  });
}

/** The real Redis of these machines (.ci/run starts one when none answers); tests use a key prefix of their own. */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export const tempDir = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));

/**
 * A conversation through the HTTP API with free text, each answer checked to be accepted; a reading the
 * bot asks to confirm is confirmed (the answer to "Did you mean …?" is yes in the conversation's words),
 * and every free-text answer recorded is said back. Returns the last message and the session's facts,
 * and the decision the evaluate endpoint gives for those facts.
 */
export async function converseAndEvaluate(app: Application, o: { procedure?: string; lang: string; texts: string[] }) {
  const request = (await import('supertest')).default;
  const start = await request(app.app)
    .post('/api/v1/sessions')
    .send({ ...(o.procedure ? { procedure: o.procedure } : {}), lang: o.lang })
    .expect(201);
  const { id, token } = start.body.session;
  const auth = { Authorization: `Bearer ${token}` };
  let last: { type: string; node: string; procedure: string; decision?: { notices: { id: string }[] } } | undefined;
  for (const text of o.texts) {
    let r = await request(app.app).post(`/api/v1/sessions/${id}/answers`).set(auth).send({ text });
    expect({ text, status: r.status, error: r.body.error }).toEqual({ text, status: 200, error: undefined });
    if (r.body.messages.at(-1)?.input?.kind === 'confirm') {
      r = await request(app.app).post(`/api/v1/sessions/${id}/answers`).set(auth).send({ value: true });
      expect({ text, confirmed: r.status }).toEqual({ text, confirmed: 200 });
    }
    expect({ text, said: r.body.messages[0]?.type }).toEqual({ text, said: 'understood' });
    last = r.body.messages.at(-1);
  }
  const { facts, session } = (await request(app.app).get(`/api/v1/sessions/${id}`).set(auth).expect(200)).body;
  const evaluated = await request(app.app)
    .post(`/api/v1/procedures/${session.procedure}/evaluate`)
    .send({ facts, lang: o.lang })
    .expect(200);
  return { last: last!, facts, evaluated: evaluated.body.decision };
}
