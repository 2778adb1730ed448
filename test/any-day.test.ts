import path from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { RedisStore } from '../src/store/redis';
import { SqliteStore } from '../src/store/sqlite';
import { MemoryStore } from '../src/store/memory';
import type { SessionStore } from '../src/store/types';
import { movableClock, NOW, REDIS_URL, tempDir, testApp } from './helpers';

/**
 * Green on any day: the server's injected clock decides a session's life, whatever the real date and
 * whatever the store's own clock says (issue 9: the suite went red the day after the tests' fixed date,
 * because Redis expired sessions on its own clock). The date-sensitive path, run with the clock set far
 * from the real date on both sides, on every store.
 */

const YEAR = 365 * 24 * 3600_000;
const offsets: [string, number][] = [
  ['three years before', -3 * YEAR],
  ['on', 0],
  ['a year after', YEAR],
  ['ten years after', 10 * YEAR],
];

const stores: [string, () => SessionStore][] = [
  ['memory', () => new MemoryStore()],
  ['sqlite', () => new SqliteStore(path.join(tempDir('any-day-'), 'sessions.db'))],
  ['redis', () => new RedisStore(REDIS_URL, `guidance-test:${randomUUID()}:`)],
];

describe.each(stores)('%s store', (_name, makeStore) => {
  test.each(offsets)(
    "with the clock %s the tests' date: a conversation lives, expires and is swept by the server's clock",
    async (_label, offset) => {
      const clock = movableClock(new Date(new Date(NOW).getTime() + offset).toISOString());
      const app = testApp({ SESSION_TTL_WEB_SECONDS: '3600' }, { clock, store: makeStore() });
      try {
        const start = await request(app.app)
          .post('/api/v1/sessions')
          .send({ procedure: 'asylum-filing', lang: 'en' })
          .expect(201);
        const { id, token } = start.body.session;
        const auth = { Authorization: `Bearer ${token}` };
        expect(Date.parse(start.body.session.expiresAt) - clock.now().getTime()).toBe(3600_000);
        await request(app.app).post(`/api/v1/sessions/${id}/answers`).set(auth).send({ value: 'france' }).expect(200);
        // a moment later (real time) the session is still there, whatever the real date is
        await new Promise((r) => setTimeout(r, 50));
        clock.advance(59 * 60_000);
        await request(app.app)
          .post(`/api/v1/sessions/${id}/answers`)
          .set(auth)
          .send({ value: 'registered' })
          .expect(200);
        // the deadline is computed from the server's today
        const today = clock.now().toISOString().slice(0, 10);
        const done = await request(app.app)
          .post(`/api/v1/sessions/${id}/answers`)
          .set(auth)
          .send({ value: today })
          .expect(200);
        expect(done.body.messages[0].decision.deadlines[0]).toMatchObject({ daysLeft: 21, passed: false });
        // an hour after the last message, by the server's clock: expired once, then unknown
        clock.advance(3600_000);
        expect((await request(app.app).get(`/api/v1/sessions/${id}`).set(auth).expect(410)).body.error.code).toBe(
          'SESSION_EXPIRED',
        );
        await request(app.app).get(`/api/v1/sessions/${id}`).set(auth).expect(404);
        // and one that nobody reads is swept
        const other = await request(app.app).post('/api/v1/sessions').send({}).expect(201);
        clock.advance(3600_000 + 1);
        expect(await app.services.dialogue.sweep()).toBe(1);
        expect(await app.services.store.get(other.body.session.id)).toBeUndefined();
      } finally {
        await app.close();
      }
    },
  );
});
