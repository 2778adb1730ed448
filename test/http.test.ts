import { TODAY } from './helpers';
import { useHttpApi } from './support/http-api';

/** The HTTP API of PROTOCOL.md, through supertest on the real express app. */

const { api, startSession, answer, application } = useHttpApi();

describe('procedures', () => {
  test('list in the requested language', async () => {
    const res = await api().get('/api/v1/procedures?lang=en').expect(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'asylum-filing', title: expect.stringContaining('asylum') }),
      ]),
    );
  });

  test('facts as JSON Schema, generated from the zod schema', async () => {
    const res = await api().get('/api/v1/procedures/asylum-filing/facts').expect(200);
    expect(res.body.type).toBe('object');
    expect(res.body.properties.location.enum).toEqual(['france', 'abroad']);
    expect(res.body.properties.stage.enum).toContain('incomplete-letter');
    expect(res.body.properties.attestationIssuedOn).toMatchObject({ type: 'string', format: 'date' });
    expect(res.body.additionalProperties).toBe(false);
  });

  test('evaluate: a deadline with its date, days left, reference and explanation', async () => {
    const res = await api()
      .post('/api/v1/procedures/asylum-filing/evaluate')
      .send({ facts: { location: 'france', stage: 'registered', attestationIssuedOn: '2026-11-10' }, lang: 'en' })
      .expect(200);
    const d = res.body.decision;
    expect(d).toMatchObject({ procedure: 'asylum-filing', status: 'eligible', asOf: TODAY, lang: 'en' });
    expect(d.deadlines[0]).toMatchObject({
      id: 'ofpra-filing',
      date: '2026-12-01',
      daysLeft: 8,
      reference: 'ceseda-r531-2',
    });
    expect(d.deadlines[0].explanation).toMatch(/21 days/);
    expect(d.references.map((r: { id: string }) => r.id)).toContain('ceseda-r531-2');
    expect(d.translationNotice).toMatch(/French/);
  });

  test('evaluate with asOf applies that date', async () => {
    const res = await api()
      .post('/api/v1/procedures/asylum-filing/evaluate')
      .send({
        facts: { location: 'france', stage: 'registered', attestationIssuedOn: '2026-02-02' },
        asOf: '2026-02-02',
      })
      .expect(200);
    expect(res.body.decision.deadlines[0]).toMatchObject({ date: '2026-02-23', daysLeft: 21 });
    expect(res.body.decision.translationNotice).toBeUndefined();
  });

  test.each([
    [{ facts: { location: 'moon' } }, 'INVALID_FACTS', 400],
    [{ facts: { location: 'france', nickname: 'x' } }, 'INVALID_FACTS', 400],
    [{ facts: { attestationIssuedOn: '2026-13-01' } }, 'INVALID_FACTS', 400],
    [{ facts: 'france' }, 'INVALID_PAYLOAD', 400],
    [{ facts: {}, asOf: 'tomorrow' }, 'INVALID_PAYLOAD', 400],
    [{ facts: {}, lang: 'tlh' }, 'UNSUPPORTED_LANGUAGE', 400],
  ])('evaluate refuses %j with %s', async (body, code, status) => {
    const res = await api().post('/api/v1/procedures/asylum-filing/evaluate').send(body).expect(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toEqual(expect.any(String));
  });

  test('unknown procedure', async () => {
    for (const req of [
      api().get('/api/v1/procedures/tax-return/facts'),
      api().post('/api/v1/procedures/tax-return/evaluate').send({ facts: {} }),
    ]) {
      const res = await req.expect(404);
      expect(res.body.error.code).toBe('UNKNOWN_PROCEDURE');
    }
  });

  test('script: every question, its options and where they lead, the outcomes and their references', async () => {
    const res = await api().get('/api/v1/procedures/asylum-filing/script?lang=fr').expect(200);
    const script = res.body;
    expect(script.start).toBe('location');
    const stage = script.questions.find((q: { node: string }) => q.node === 'stage');
    expect(stage.leadsTo).toEqual(
      expect.arrayContaining([{ answer: "L'OFPRA a clôturé ma demande", to: 'closure-decided-on' }]),
    );
    const closure = script.questions.find((q: { node: string }) => q.node === 'closure-decided-on');
    expect([...new Set(closure.leadsTo.map((l: { to: string }) => l.to))].sort()).toEqual([
      'closure',
      'reopened-before',
    ]);
    expect(script.outcomes.map((o: { node: string }) => o.node).sort()).toEqual([
      'abroad',
      'closure',
      'file-sent',
      'filing-deadline',
      'incomplete-file',
      'missing',
      'not-registered',
    ]);
    const deadline = script.outcomes.find((o: { node: string }) => o.node === 'filing-deadline');
    expect(deadline.references.map((r: { id: string }) => r.id)).toContain('ceseda-r531-2');
  });
});

describe('a conversation', () => {
  test('from triage to a deadline, with free text and values, and the summary in three formats', async () => {
    const { id, auth, res } = await startSession({ lang: 'en' });
    expect(res.body.session).toMatchObject({ procedure: 'triage', lang: 'en', channel: 'web' });
    expect(res.body.session.token.length).toBeGreaterThanOrEqual(43); // 256 bits in base64url
    expect(res.body.messages[0]).toMatchObject({
      type: 'question',
      node: 'need',
      field: 'need',
      dir: 'ltr',
      canGoBack: false,
    });

    // a hand-over chosen from free text is confirmed first, then said back
    let r = await answer(id, auth, { text: 'I need asylum' }).expect(200);
    expect(r.body.messages).toEqual([
      expect.objectContaining({
        type: 'question',
        node: 'need',
        input: {
          kind: 'confirm',
          options: [
            { value: true, label: 'Yes' },
            { value: false, label: 'No' },
          ],
        },
        understood: { field: 'need', value: 'asylum-filing', text: expect.stringMatching(/asylum/i) },
        text: expect.stringMatching(/^Did you mean: .*asylum.*\?$/i),
      }),
    ]);
    r = await answer(id, auth, { text: 'yes' }).expect(200);
    expect(r.body.messages.map((m: { type: string }) => m.type)).toEqual(['understood', 'info', 'question']);
    expect(r.body.messages[0]).toMatchObject({
      field: 'need',
      value: 'asylum-filing',
      text: expect.stringMatching(/^Understood: /),
    });
    expect(r.body.messages[2]).toMatchObject({ procedure: 'asylum-filing', node: 'location', canGoBack: true });

    r = await answer(id, auth, { value: 'france' }).expect(200);
    expect(r.body.messages.map((m: { type: string }) => m.type)).toEqual(['question']);
    r = await answer(id, auth, { text: 'registered' }).expect(200);
    expect(r.body.messages[1]).toMatchObject({
      node: 'attestation-issued-on',
      input: { kind: 'date', maxDate: TODAY },
    });
    r = await answer(id, auth, { text: '14/11/2026' }).expect(200);
    expect(r.body.messages[0]).toMatchObject({
      type: 'understood',
      value: '2026-11-14',
      text: expect.stringMatching(/^Understood: Saturday,? 14 November 2026$/),
    });
    const outcome = r.body.messages[1];
    expect(outcome).toMatchObject({ type: 'outcome', node: 'filing-deadline' });
    expect(outcome.decision.deadlines[0]).toMatchObject({
      date: '2026-12-05',
      daysLeft: 12,
      lastDayKind: 'saturday',
      actBefore: '2026-12-04',
    });
    expect(outcome.decision.deadlines[0].warning).toMatch(/Saturday/);

    const state = await api().get(`/api/v1/sessions/${id}`).set(auth).expect(200);
    expect(state.body.facts).toEqual({ location: 'france', stage: 'registered', attestationIssuedOn: '2026-11-14' });
    expect(state.body.session.procedure).toBe('asylum-filing');

    const summary = await api().get(`/api/v1/sessions/${id}/summary`).set(auth).expect(200);
    expect(summary.body.answers.map((a: { field: string }) => a.field)).toEqual([
      'need',
      'location',
      'stage',
      'attestationIssuedOn',
    ]);
    expect(summary.body.decision.status).toBe('eligible');

    const html = await api().get(`/api/v1/sessions/${id}/summary?format=html`).set(auth).expect(200);
    expect(html.type).toBe('text/html');
    expect(html.text).toContain('<html lang="en" dir="ltr">');
    expect(html.text).toContain('201 rue Carnot');

    const ics = await api().get(`/api/v1/sessions/${id}/summary?format=ics`).set(auth).expect(200);
    expect(ics.type).toBe('text/calendar');
    expect(ics.text).toMatch(/BEGIN:VEVENT/);
    // The last day is Saturday 5 December: the event is on the Friday to act by, the legal last day said (issue 12).
    expect(ics.text).toMatch(/DTSTART;VALUE=DATE:20261204/);
    expect(ics.text).toMatch(/DTEND;VALUE=DATE:20261205/);
    expect(ics.text.replace(/\r\n[ \t]/g, '')).toMatch(/Last day of the time limit: Saturday\\, 5 December 2026/);
    expect(ics.text).toMatch(/SUMMARY:Send the complete file to OFPRA/);
    expect(ics.text).toMatch(/TRIGGER:-PT48H/);
  });

  test('in Arabic: laid out right to left, said to be a translation, dates and country names understood', async () => {
    const { id, auth, res } = await startSession({ lang: 'ar' });
    expect(res.body.messages[0]).toMatchObject({ lang: 'ar', dir: 'rtl', text: 'في أي شيء تحتاج المساعدة؟' });
    await answer(id, auth, { text: 'أريد طلب اللجوء' }).expect(200);
    await answer(id, auth, { text: 'نعم' }).expect(200);
    await answer(id, auth, { text: 'في فرنسا' }).expect(200);
    await answer(id, auth, { value: 'registered' }).expect(200);
    const r = await answer(id, auth, { text: '١٤/١١/٢٠٢٦' }).expect(200);
    expect(r.body.messages[0]).toMatchObject({ type: 'understood', dir: 'rtl' });
    const outcome = r.body.messages[1];
    expect(outcome).toMatchObject({ type: 'outcome', dir: 'rtl' });
    expect(outcome.decision.deadlines[0]).toMatchObject({ date: '2026-12-05', lastDayKind: 'saturday' });
    // Arabic is machine-made, not reviewed: the outcome says so, in Arabic, with the French reference beside it
    expect(outcome.decision.translationNotice).toMatch(/^هذه الترجمة آلية/);
    expect(outcome.french.text).toMatch(/OFPRA/);
    expect(outcome.french.decision.lang).toBe('fr');
    expect(outcome.french.decision.translationNotice).toBeUndefined();
    expect(outcome.french.decision.deadlines[0].date).toBe('2026-12-05');
    // and so does the printable summary, without being asked
    const html = await api().get(`/api/v1/sessions/${id}/summary?format=html`).set(auth).expect(200);
    expect(html.text).toContain('<html lang="ar" dir="rtl">');
    expect(html.text).toContain('<section class="col" lang="fr" dir="ltr">');
    const text = await api().get(`/api/v1/sessions/${id}/summary?format=text`).set(auth).expect(200);
    expect(text.text).toContain('----- Texte de référence en français -----');
  });

  test('back forgets the last answer; restart goes back to the start; nothing to undo at the start', async () => {
    const { id, auth } = await startSession({ procedure: 'asylum-filing' });
    await answer(id, auth, { value: 'france' }).expect(200);
    await answer(id, auth, { value: 'closed' }).expect(200);
    let r = await api().post(`/api/v1/sessions/${id}/back`).set(auth).expect(200);
    expect(r.body.messages[0]).toMatchObject({ node: 'stage' });
    expect((await api().get(`/api/v1/sessions/${id}`).set(auth)).body.facts).toEqual({ location: 'france' });
    r = await api().post(`/api/v1/sessions/${id}/restart`).set(auth).expect(200);
    expect(r.body.messages[0]).toMatchObject({ node: 'location', canGoBack: false });
    r = await api().post(`/api/v1/sessions/${id}/back`).set(auth).expect(409);
    expect(r.body.error.code).toBe('NOTHING_TO_UNDO');
    expect(r.body.messages[0]).toMatchObject({ node: 'location' });
  });

  test('back across a hand-over returns to triage', async () => {
    const { id, auth } = await startSession();
    await answer(id, auth, { value: 'asylum-filing' }).expect(200);
    const r = await api().post(`/api/v1/sessions/${id}/back`).set(auth).expect(200);
    expect(r.body.messages[0]).toMatchObject({ procedure: 'triage', node: 'need' });
  });

  test('changing language re-renders the current question', async () => {
    const { id, auth } = await startSession({ procedure: 'asylum-filing', lang: 'fr' });
    const r = await api().patch(`/api/v1/sessions/${id}`).set(auth).send({ lang: 'en-GB' }).expect(200);
    expect(r.body.messages[0]).toMatchObject({ node: 'location', lang: 'en', text: 'Where are you now?' });
    const bad = await api().patch(`/api/v1/sessions/${id}`).set(auth).send({ lang: 'xx' }).expect(400);
    expect(bad.body.error.code).toBe('UNSUPPORTED_LANGUAGE');
  });

  test('an answer after the outcome is refused with the outcome again', async () => {
    const { id, auth } = await startSession({ procedure: 'asylum-filing' });
    await answer(id, auth, { value: 'abroad' }).expect(200);
    const r = await answer(id, auth, { value: 'france' }).expect(409);
    expect(r.body.error.code).toBe('NO_QUESTION_PENDING');
    expect(r.body.messages[0].type).toBe('outcome');
  });

  test('DELETE erases the session', async () => {
    const { id, auth } = await startSession();
    await api().delete(`/api/v1/sessions/${id}`).set(auth).expect(204);
    const r = await api().get(`/api/v1/sessions/${id}`).set(auth).expect(404);
    expect(r.body.error.code).toBe('SESSION_NOT_FOUND');
    expect(await application().services.store.get(id)).toBeUndefined();
  });
});
