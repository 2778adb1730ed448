import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { Application } from '../src/app';
import type { Clock } from '../src/clock';
import { hashToken } from '../src/dialogue/tokens';
import { foreignConnection } from './foreign-sqlite';
import { NOW, tempDir, testApp } from './helpers';

/** Erasure is real on disk: after DELETE or expiry, no file of the SQLite store holds the session's bytes. */

const HOUR = 3_600_000;

/** The server's clock, moved by the test. */
const movableClock = (at: string) => {
  let now = Date.parse(at);
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => (now += ms) };
};

interface Conversation {
  id: string;
  token: string;
  /** what the files must not (or must) hold: the id, the token's hash, and the distinctive answers as stored */
  traces: string[];
}

/** An AVFS conversation to its end, with a distinctive number typed as a value and another read from free text. */
async function converse(
  app: Application,
  resources: number,
  residenceText: string,
  residenceRead: number,
): Promise<Conversation> {
  const start = await request(app.app)
    .post('/api/v1/sessions')
    .send({ procedure: 'elderly-migrant-aid', lang: 'fr' })
    .expect(201);
  const { id, token } = start.body.session;
  const auth = { Authorization: `Bearer ${token}` };
  for (const answer of [
    { value: 'DZ' },
    { value: 70 },
    { text: residenceText },
    { value: true },
    { value: false },
    { value: true },
    { value: resources },
  ]) {
    const r = await request(app.app).post(`/api/v1/sessions/${id}/answers`).set(auth).send(answer);
    expect({ answer, status: r.status, error: r.body.error }).toEqual({ answer, status: 200, error: undefined });
  }
  const { facts } = (await request(app.app).get(`/api/v1/sessions/${id}`).set(auth).expect(200)).body;
  expect(facts).toMatchObject({ regularResidenceYears: residenceRead, annualResources: resources });
  return { id, token, traces: [id, hashToken(token), String(resources), String(residenceRead)] };
}

/** Every file of the database (main, -wal, -shm) that exists, with the traces it holds. */
function tracesOnDisk(file: string, traces: string[]) {
  const found: Record<string, string[]> = {};
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (!existsSync(f)) continue;
    const bytes = readFileSync(f);
    const held = traces.filter((t) => bytes.includes(Buffer.from(t, 'utf8')));
    if (held.length) found[path.basename(f)] = held;
  }
  return found;
}

test('an erased session and an expired, swept one leave no trace in the database files; a live one stays', async () => {
  const file = path.join(tempDir('erasure-'), 'sessions.db');
  const { clock, advance } = movableClock(NOW);
  const app = testApp({ STORE_URL: `sqlite:${file}` }, { clock });

  const erased = await converse(app, 987654, '31,625 ans', 31.625);
  const expired = await converse(app, 876543, '32,875 ans', 32.875);
  await request(app.app)
    .delete(`/api/v1/sessions/${erased.id}`)
    .set({ Authorization: `Bearer ${erased.token}` })
    .expect(204);

  // A day and an hour later: the expired one was last written a day ago (web TTL); the live one is new.
  advance(23 * HOUR);
  const live = await converse(app, 765432, '33,375 ans', 33.375);
  advance(2 * HOUR);
  expect(await app.services.dialogue.sweep()).toBe(1);

  // While the server runs (what a crash or a copy of the disk would leave), then after a clean stop.
  expect(tracesOnDisk(file, [...erased.traces, ...expired.traces])).toEqual({});
  expect(Object.values(tracesOnDisk(file, live.traces)).flat()).toEqual(expect.arrayContaining(live.traces));
  await app.close();
  expect(tracesOnDisk(file, [...erased.traces, ...expired.traces])).toEqual({});
  expect(Object.values(tracesOnDisk(file, live.traces)).flat()).toEqual(expect.arrayContaining(live.traces));

  const again = testApp({ STORE_URL: `sqlite:${file}` }, { clock });
  const state = await request(again.app)
    .get(`/api/v1/sessions/${live.id}`)
    .set({ Authorization: `Bearer ${live.token}` })
    .expect(200);
  expect(state.body.facts).toMatchObject({ regularResidenceYears: 33.375, annualResources: 765432 });
  await request(again.app)
    .get(`/api/v1/sessions/${erased.id}`)
    .set({ Authorization: `Bearer ${erased.token}` })
    .expect(404);
  await again.close();
});

test('a reader in another process delays the WAL truncation: the erase still succeeds, and the next sweep finishes it', async () => {
  const file = path.join(tempDir('erasure-'), 'sessions.db');
  const app = testApp({ STORE_URL: `sqlite:${file}` });
  const erased = await converse(app, 987654, '31,625 ans', 31.625);
  const live = await converse(app, 765432, '33,375 ans', 33.375);

  // It keeps its connection open throughout, so that its own close (which would checkpoint) does not do the work.
  const reader = await foreignConnection(file, 'BEGIN; SELECT count(*) FROM sessions;');
  try {
    await request(app.app)
      .delete(`/api/v1/sessions/${erased.id}`)
      .set({ Authorization: `Bearer ${erased.token}` })
      .expect(204);
    // The reader's snapshot needs the WAL's frames: they could not be dropped yet.
    expect(tracesOnDisk(file, erased.traces)['sessions.db-wal']).toEqual(expect.arrayContaining(erased.traces));
    await reader.commit();

    expect(await app.services.dialogue.sweep()).toBe(0);
    expect(tracesOnDisk(file, erased.traces)).toEqual({});
    await request(app.app)
      .get(`/api/v1/sessions/${live.id}`)
      .set({ Authorization: `Bearer ${live.token}` })
      .expect(200);
  } finally {
    await reader.close();
    await app.close();
  }
});
