import request from 'supertest';
import type { Application } from '../../src/app';
import { testApp } from '../helpers';

/**
 * A fresh app for each test of a file, through supertest: its API, a session started with its credential, an
 * answer posted to it.
 */
export function useHttpApi() {
  let application: Application;
  beforeEach(() => {
    application = testApp();
  });
  afterEach(() => application.close());

  const api = () => request(application.app);

  async function startSession(body: object = {}) {
    const res = await api().post('/api/v1/sessions').send(body).expect(201);
    const { id, token } = res.body.session as { id: string; token: string };
    return { id, auth: { Authorization: `Bearer ${token}` } as Record<string, string>, res };
  }

  const answer = (id: string, auth: Record<string, string>, body: unknown) =>
    api()
      .post(`/api/v1/sessions/${id}/answers`)
      .set(auth)
      .send(body as object);

  return { api, startSession, answer, application: () => application };
}
