import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type { Application } from '../src/app';
import type { ClientToServerEvents, ServerToClientEvents } from '../src/realtime/events';
import { RedisStore } from '../src/store/redis';
import { SqliteStore } from '../src/store/sqlite';
import type { SessionStore } from '../src/store/types';
import { REDIS_URL, tempDir, testApp } from './helpers';

/** Socket.IO /chat with real clients against a real server on a free port. */

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
// Results are checked field by field below; the typed contract is exercised by the server's own types.
type AnyResult = {
  ok: boolean;
  error?: { code: string; message: string; field?: string };
  messages?: { type: string; node: string; [k: string]: unknown }[];
  session?: { id: string; token: string; [k: string]: unknown };
};

const apps: Application[] = [];
const clients: Client[] = [];

async function server(settings: Record<string, string> = {}, store?: SessionStore) {
  const app = testApp(settings, store ? { store } : {});
  apps.push(app);
  const port = await app.listen();
  return { app, url: `http://127.0.0.1:${port}/chat` };
}

function client(url: string): Client {
  const c: Client = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  clients.push(c);
  return c;
}

const send = (c: Client, event: string, ...args: unknown[]): Promise<AnyResult> =>
  (c as unknown as { emitWithAck: (e: string, ...a: unknown[]) => Promise<AnyResult> }).emitWithAck(event, ...args);

afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  for (const a of apps.splice(0)) await a.close();
});

test('a whole conversation over /chat reaches the outcome with the right deadline', async () => {
  const { url } = await server();
  const c = client(url);
  const started = await send(c, 'session:start', { lang: 'fr' });
  expect(started).toMatchObject({ ok: true, session: { procedure: 'triage', lang: 'fr' } });
  expect(started.messages![0]).toMatchObject({ type: 'question', node: 'need' });

  const asked = await send(c, 'answer', { text: "je demande l'asile" });
  expect(asked.messages![0]).toMatchObject({
    node: 'need',
    input: { kind: 'confirm' },
    understood: { value: 'asylum-filing' },
  });
  expect((await send(c, 'answer', { value: true })).messages!.map((m) => m.node)).toEqual([
    'need',
    'handover',
    'location',
  ]);
  await send(c, 'answer', { value: 'france' });
  await send(c, 'answer', { value: 'incomplete-letter' });
  const done = await send(c, 'answer', { text: '20 novembre 2026' });
  expect(done.ok).toBe(true);
  expect(done.messages![0]).toMatchObject({ type: 'understood', text: 'Compris : vendredi 20 novembre 2026' });
  const outcome = done.messages![1]!;
  expect(outcome).toMatchObject({ type: 'outcome', node: 'incomplete-file' });
  expect((outcome.decision as { deadlines: unknown[] }).deadlines[0]).toMatchObject({
    id: 'complete-file',
    date: '2026-11-28',
    daysLeft: 5,
    lastDayKind: 'saturday',
    actBefore: '2026-11-27',
  });

  expect(await send(c, 'feedback', { helpful: true, comment: 'merci' })).toEqual({ ok: true });
});

test('a client that reconnects resumes the session where it was, on another server sharing the store', async () => {
  const file = path.join(tempDir('chat-'), 'sessions.db');
  const a = await server({}, new SqliteStore(file));
  const first = client(a.url);
  const { session } = await send(first, 'session:start', { procedure: 'asylum-filing', lang: 'en' });
  await send(first, 'answer', { value: 'france' });
  first.disconnect();

  const b = await server({}, new SqliteStore(file));
  const second = client(b.url);
  const resumed = await send(second, 'session:resume', { id: session!.id, token: session!.token });
  expect(resumed).toMatchObject({ ok: true, session: { id: session!.id, procedure: 'asylum-filing' } });
  expect(resumed.messages![0]).toMatchObject({ node: 'stage', canGoBack: true });
  expect((await send(second, 'answer', { value: 'abroad' })).ok).toBe(false);
  expect((await send(second, 'answer', { value: 'file-sent' })).messages![0]).toMatchObject({
    type: 'outcome',
    node: 'file-sent',
  });

  const wrong = await send(client(b.url), 'session:resume', { id: session!.id, token: 'guess' });
  expect(wrong).toMatchObject({ ok: false, error: { code: 'SESSION_NOT_FOUND' } });
});

test('two server processes sharing Redis: a session started on one is answered on the other', async () => {
  const prefix = `guidance-test:${Date.now()}-${Math.random()}:`;
  const a = await server({}, new RedisStore(REDIS_URL, prefix));
  const b = await server({}, new RedisStore(REDIS_URL, prefix));
  const first = client(a.url);
  const { session } = await send(first, 'session:start', { procedure: 'elderly-migrant-aid', lang: 'fr' });
  await send(first, 'answer', { text: 'Algérie' });
  const second = client(b.url);
  const resumed = await send(second, 'session:resume', { id: session!.id, token: session!.token });
  expect(resumed.messages![0]).toMatchObject({ node: 'age' });
  expect((await send(second, 'answer', { value: 70 })).messages![0]).toMatchObject({ node: 'residence-years' });
  // and back on the first process, which sees the answer given on the second
  expect((await send(first, 'back')).messages![0]).toMatchObject({ node: 'age' });
});

test('back, restart and language over /chat', async () => {
  const { url } = await server();
  const c = client(url);
  await send(c, 'session:start', { procedure: 'asylum-filing', lang: 'fr' });
  await send(c, 'answer', { value: 'france' });
  expect((await send(c, 'back')).messages![0]).toMatchObject({ node: 'location' });
  expect((await send(c, 'lang:set', { lang: 'en' })).messages![0]).toMatchObject({
    node: 'location',
    lang: 'en',
    text: 'Where are you now?',
  });
  await send(c, 'answer', { text: 'in france' });
  expect((await send(c, 'restart')).messages![0]).toMatchObject({ node: 'location', canGoBack: false });
});

test('bad events get their code and the question again; the session is intact', async () => {
  const { url } = await server();
  const c = client(url);
  expect(await send(c, 'answer', { value: 'france' })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
  expect(await send(c, 'session:start', { procedure: 'nope' })).toMatchObject({
    ok: false,
    error: { code: 'UNKNOWN_PROCEDURE' },
  });
  expect(await send(c, 'session:start', 'not an object')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_PAYLOAD' },
  });

  await send(c, 'session:start', { procedure: 'asylum-filing', lang: 'en' });
  const invalid = await send(c, 'answer', { value: 'moon' });
  expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_ANSWER', field: 'location' } });
  expect(invalid.messages![0]).toMatchObject({ node: 'location' });
  const malformed = await send(c, 'answer', { value: 'france', extra: 1 });
  expect(malformed).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  expect(malformed.messages![0]).toMatchObject({ node: 'location' });
  expect(await send(c, 'lang:set', { lang: 'tlh' })).toMatchObject({
    ok: false,
    error: { code: 'UNSUPPORTED_LANGUAGE' },
  });
  expect((await send(c, 'answer', { value: 'france' })).messages![0]).toMatchObject({ node: 'stage' });
});

test('a flood of events is refused with RATE_LIMITED, and the server goes on', async () => {
  const { url } = await server({ SOCKET_EVENTS_PER_10S: '5' });
  const c = client(url);
  await send(c, 'session:start', { procedure: 'asylum-filing' });
  const results = await Promise.all(Array.from({ length: 20 }, () => send(c, 'answer', { value: 'nowhere' })));
  expect(results.filter((r) => r.error?.code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(15);
  // another connection is not affected
  const other = client(url);
  expect((await send(other, 'session:start', {})).ok).toBe(true);
});

test('a message over the size limit closes that connection only', async () => {
  const { url } = await server({ MAX_BODY_BYTES: '2048' });
  const c = client(url);
  await send(c, 'session:start', {});
  const closed = new Promise((resolve) => c.on('disconnect', resolve));
  c.emit('answer', { text: 'x'.repeat(10_000) }, () => undefined);
  await closed;
  const other = client(url);
  expect((await send(other, 'session:start', {})).ok).toBe(true);
});

test('kiosk: after inactivity a warning, then the session is erased and the terminal told', async () => {
  const { app, url } = await server({ KIOSK_IDLE_SECONDS: '2', KIOSK_WARNING_SECONDS: '1' });
  const c = client(url);
  const warned = new Promise<{ secondsLeft: number }>((resolve) => c.on('session:expiring', resolve));
  const ended = new Promise<{ reason: string }>((resolve) => c.on('session:ended', resolve));
  const { session } = await send(c, 'session:start', { channel: 'kiosk' });
  expect(await warned).toEqual({ secondsLeft: 1 });
  expect(await ended).toEqual({ reason: 'inactivity' });
  expect(await app.services.store.get(session!.id)).toBeUndefined();
  expect(await send(c, 'answer', { value: 'other' })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
});
