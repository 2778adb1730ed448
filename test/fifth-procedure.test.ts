import path from 'node:path';
import request from 'supertest';
import { defaultContentDir, loadContent } from '../src/content/load';
import { guidedProcedures, procedure } from '../src/procedures/registry';
import { createAdultCheckFlow } from './fixtures/fifth-procedure/flow';
import * as adultCheck from './fixtures/fifth-procedure/rules';
import { testApp } from './helpers';

/**
 * docs/adding-a-procedure.md, followed: a flow file, a rules module, a content folder, and one registry
 * line; nothing else changed. Triage offers it and hands over to it, the catalogue lists it, the walker
 * writes its script, evaluate decides, a conversation reaches its outcome, in every language.
 */
const fixtures = path.join(__dirname, 'fixtures', 'fifth-procedure');
const content = loadContent(defaultContentDir(), [path.join(fixtures, 'content', 'procedures', 'adult-check')]);
// the one registry line
const procedures = [
  ...guidedProcedures,
  procedure({ id: 'adult-check', rules: adultCheck, flow: createAdultCheckFlow, body: 'point-justice' }),
];

const app = testApp({}, { content, procedures });
afterAll(() => app.close());
const api = () => request(app.app);

test('the catalogue lists it, with its facts and its script', async () => {
  const list = await api().get('/api/v1/procedures?lang=en').expect(200);
  expect(list.body).toContainEqual({
    id: 'adult-check',
    title: 'Check being of age',
    summary: 'An example procedure.',
  });
  const facts = await api().get('/api/v1/procedures/adult-check/facts').expect(200);
  expect(facts.body.properties.age).toMatchObject({ type: 'integer', minimum: 0, maximum: 130 });
  const script = await api().get('/api/v1/procedures/adult-check/script?lang=fr').expect(200);
  expect(script.body.questions.map((q: { node: string }) => q.node)).toEqual(['age']);
  expect(script.body.outcomes.map((o: { node: string }) => o.node)).toEqual(['decision']);
});

test('evaluate decides from its dated parameter', async () => {
  const r = await api()
    .post('/api/v1/procedures/adult-check/evaluate')
    .send({ facts: { age: 17 }, lang: 'en' })
    .expect(200);
  expect(r.body.decision).toMatchObject({
    status: 'ineligible',
    conditions: [{ id: 'adult', status: 'not-met', explanation: 'You are under 18.' }],
  });
});

test.each(['fr', 'en', 'ar'])('triage offers it and hands over from plain words, in %s', async (lang) => {
  const start = await api().post('/api/v1/sessions').send({ lang }).expect(201);
  expect(start.body.messages[0].input.options.map((o: { value: string }) => o.value)).toContain('adult-check');
  const auth = { Authorization: `Bearer ${start.body.session.token}` };
  const at = `/api/v1/sessions/${start.body.session.id}/answers`;
  const words = { fr: 'je veux savoir si je suis majeur', en: 'am I an adult', ar: 'هل أنا راشد' }[lang]!;
  const asked = await api().post(at).set(auth).send({ text: words }).expect(200);
  expect(asked.body.messages[0]).toMatchObject({ input: { kind: 'confirm' }, understood: { value: 'adult-check' } });
  const handed = await api().post(at).set(auth).send({ value: true }).expect(200);
  expect(handed.body.messages.at(-1)).toMatchObject({ procedure: 'adult-check', node: 'age' });
  const done = await api().post(at).set(auth).send({ value: 30 }).expect(200);
  expect(done.body.messages.at(-1)).toMatchObject({ type: 'outcome', decision: { status: 'eligible' } });
});
