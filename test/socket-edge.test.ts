import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { io as connect, type Socket } from 'socket.io-client';
import type { Application } from '../src/app';
import { keyDigest } from '../src/edge/credentials';
import { testApp } from './helpers';

/** Issue 9: the /chat handshake and the limits per client, with real clients on a real server. */

const apps: Application[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const c of sockets.splice(0)) c.disconnect();
  for (const a of apps.splice(0)) await a.close();
});

async function server(settings: Record<string, string> = {}) {
  const app = testApp(settings);
  apps.push(app);
  const port = await app.listen();
  return { app, base: `http://127.0.0.1:${port}`, url: `http://127.0.0.1:${port}/chat` };
}

function open(url: string, o: { origin?: string; auth?: Record<string, string>; forwardedFor?: string } = {}): Socket {
  const headers: Record<string, string> = {};
  if (o.origin) headers.origin = o.origin;
  if (o.forwardedFor) headers['x-forwarded-for'] = o.forwardedFor;
  const c = connect(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: headers,
    auth: o.auth ?? {},
  });
  sockets.push(c);
  return c;
}

/** Resolves with 'connected' or the connect_error's message and data. */
const outcome = (c: Socket) =>
  new Promise<{ connected: true } | { connected: false; code: string; data?: { code: string; message: string } }>(
    (resolve) => {
      c.once('connect', () => resolve({ connected: true }));
      c.once('connect_error', (err: Error & { data?: { code: string; message: string } }) =>
        resolve({ connected: false, code: err.message, ...(err.data ? { data: err.data } : {}) }),
      );
    },
  );

const start = (c: Socket, payload: object = {}) =>
  c.emitWithAck('session:start', payload) as Promise<{ ok: boolean; error?: { code: string } }>;

describe('WebSocket origins', () => {
  test("a page of another origin cannot open /chat; a configured origin and the server's own pages can", async () => {
    const { url, base } = await server({ CORS_ORIGINS: 'https://partner.example' });
    expect(await outcome(open(url, { origin: 'https://evil.example' }))).toMatchObject({ connected: false });
    expect(await outcome(open(url, { origin: 'https://partner.example' }))).toEqual({ connected: true });
    expect(await outcome(open(url, { origin: base }))).toEqual({ connected: true });
    // a client outside a browser sends no Origin
    expect(await outcome(open(url))).toEqual({ connected: true });
  });
});

describe('limits per address, not per connection', () => {
  test('fifty sockets from one address start no more sessions than one would', async () => {
    const { url } = await server({ SESSION_STARTS_PER_MINUTE: '10', SOCKET_CONNECTIONS_PER_MINUTE: '1000' });
    const clients = Array.from({ length: 50 }, () => open(url));
    await Promise.all(clients.map((c) => outcome(c)));
    const results = await Promise.all(clients.flatMap((c) => [start(c), start(c)]));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok).every((r) => r.error?.code === 'RATE_LIMITED')).toBe(true);
  });

  test('session starts over HTTP and Socket.IO count together', async () => {
    const { url, base } = await server({ SESSION_STARTS_PER_MINUTE: '4' });
    for (let i = 0; i < 2; i++) await request(base).post('/api/v1/sessions').send({}).expect(201);
    const c = open(url);
    expect((await start(c)).ok).toBe(true);
    expect((await start(c)).ok).toBe(true);
    expect(await start(c)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect((await request(base).post('/api/v1/sessions').send({}).expect(429)).body.error.code).toBe('RATE_LIMITED');
  });

  test('connections per address are limited', async () => {
    const { url } = await server({ SOCKET_CONNECTIONS_PER_MINUTE: '5' });
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await outcome(open(url)));
    expect(results.filter((r) => r.connected)).toHaveLength(5);
    expect(results.filter((r) => !r.connected).map((r) => !r.connected && r.code)).toEqual([
      'RATE_LIMITED',
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
  });

  test('behind TRUST_PROXY, the address is the forwarded one: two clients behind the proxy have their own limits', async () => {
    const { url } = await server({ TRUST_PROXY: '1', SESSION_STARTS_PER_MINUTE: '2' });
    const a = open(url, { forwardedFor: '203.0.113.7' });
    const b = open(url, { forwardedFor: '203.0.113.8' });
    await Promise.all([outcome(a), outcome(b)]);
    expect([(await start(a)).ok, (await start(a)).ok, (await start(a)).ok]).toEqual([true, true, false]);
    expect((await start(b)).ok).toBe(true);
  });
});

describe('credentials at the handshake', () => {
  const AGENT_KEY = 'the-shared-agent-key-0123456789';

  test('guessing the agent key is refused after a few tries from one address, over the socket and HTTP together', async () => {
    const { url, base } = await server({ AGENT_KEY, CREDENTIAL_FAILURES_PER_HOUR: '5' });
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push(await outcome(open(url, { auth: { agentKey: `guess-number-${i}-xxxxxxxx` } })));
    expect(results.every((r) => !r.connected && r.code === 'AGENT_CREDENTIAL_REQUIRED')).toBe(true);
    await request(base)
      .post('/api/v1/sessions')
      .set('X-Agent-Key', 'another-guess-xxxxxxxxxx')
      .send({ channel: 'agent' })
      .expect(401);
    // the limit is reached: even the right key is refused from this address now
    expect(await outcome(open(url, { auth: { agentKey: AGENT_KEY } }))).toMatchObject({
      connected: false,
      code: 'RATE_LIMITED',
    });
    expect(
      (
        await request(base)
          .post('/api/v1/sessions')
          .set('X-Agent-Key', AGENT_KEY)
          .send({ channel: 'agent' })
          .expect(429)
      ).body.error.code,
    ).toBe('RATE_LIMITED');
  });

  test('kiosks and agents with their own keys are limited per terminal, not per address', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'terminals-'));
    const file = path.join(dir, 'terminals.json');
    const kiosk = (n: number) => `kiosk-key-number-${n}-0123456789abcdef`;
    writeFileSync(
      file,
      JSON.stringify({
        kiosks: [1, 2, 3].map((n) => ({ id: `kiosk-${n}`, keySha256: keyDigest(kiosk(n)).toString('hex') })),
        agents: [{ id: 'agent-1', keySha256: keyDigest('agent-one-key-0123456789abcdef').toString('hex') }],
      }),
    );
    const { url } = await server({
      TERMINALS_FILE: file,
      SESSION_STARTS_PER_MINUTE: '2',
      SESSION_STARTS_PER_MINUTE_PER_TERMINAL: '3',
    });
    // the public at this address has used its two starts
    const visitor = open(url);
    await outcome(visitor);
    expect([(await start(visitor)).ok, (await start(visitor)).ok, (await start(visitor)).ok]).toEqual([
      true,
      true,
      false,
    ]);
    // three kiosks behind the same address each have their own three
    for (const n of [1, 2, 3]) {
      const c = open(url, { auth: { kioskKey: kiosk(n) } });
      expect(await outcome(c)).toEqual({ connected: true });
      const r = [];
      for (let i = 0; i < 4; i++) r.push((await start(c, { channel: 'kiosk' })).ok);
      expect(r).toEqual([true, true, true, false]);
    }
    const agent = open(url, { auth: { agentKey: 'agent-one-key-0123456789abcdef' } });
    expect(await outcome(agent)).toEqual({ connected: true });
    expect((await start(agent, { channel: 'agent' })).ok).toBe(true);
    // a key that is not listed is refused and counted
    expect(await outcome(open(url, { auth: { kioskKey: 'not-a-listed-kiosk-key-xxxxxxxx' } }))).toMatchObject({
      connected: false,
      code: 'KIOSK_CREDENTIAL_REFUSED',
    });
  });

  test('a key removed from the file is refused at once, without a restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'terminals-'));
    const file = path.join(dir, 'terminals.json');
    const key = 'agent-two-key-0123456789abcdef';
    writeFileSync(file, JSON.stringify({ agents: [{ id: 'agent-2', keySha256: keyDigest(key).toString('hex') }] }));
    const { url } = await server({ TERMINALS_FILE: file });
    expect(await outcome(open(url, { auth: { agentKey: key } }))).toEqual({ connected: true });
    writeFileSync(file, JSON.stringify({ agents: [] }));
    await new Promise((r) => setTimeout(r, 1100));
    expect(await outcome(open(url, { auth: { agentKey: key } }))).toMatchObject({
      connected: false,
      code: 'AGENT_CREDENTIAL_REQUIRED',
    });
  });
});
