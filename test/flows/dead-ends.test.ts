import { boundedKey, explore, sampleAnswers } from '../../src/dialogue/explore';
import type { Position } from '../../src/dialogue/engine';
import { numberOn } from '../../src/content/parameters';
import type { RawDecision } from '../../src/rules/decision';
import { content, engine, i18n, TODAY } from '../helpers';

/**
 * Every dead end names a body and a way to reach it (DESIGN.md; issue 12 #4): whatever final state a
 * person reaches in any flow, the decision has a referral or a next step that sends them to a body,
 * and that body has a name and a contact in every language.
 */

const e = engine();
const c = content();
const procedures = e.procedures.all.map((p) => p.id);

/** Every final position the walker reaches (a bounded sample of contexts per state, as explore() keeps). */
function finalPositions(procedure: string): Position[] {
  const seen = new Set<string>();
  const finals: Position[] = [];
  const queue: Position[] = [e.start(procedure)];
  while (queue.length > 0) {
    const pos = queue.shift()!;
    const key = boundedKey(pos.state.value, pos.state.context);
    if (seen.has(key)) continue;
    seen.add(key);
    const q = e.question(pos);
    if (!q) {
      finals.push(pos);
      continue;
    }
    const thresholds = (q.thresholds ?? []).flatMap((id) => numberOn(c, id, TODAY)?.value ?? []);
    for (const answer of sampleAnswers(q.input, TODAY, thresholds, e.procedure(pos.procedure).samples)) {
      const next = e.advance(pos, q.field, answer, TODAY);
      if (!next.handedOverFrom) queue.push(next);
    }
  }
  return finals;
}

const decisionAt = (pos: Position): RawDecision =>
  e.procedure(pos.procedure).evaluate(pos.state.context, { asOf: TODAY, content: c });

/** The bodies a decision sends the person to: its referral, and the steps that send somewhere. */
const bodiesOf = (d: RawDecision) =>
  [d.referral?.to, ...d.nextSteps.map((s) => s.body)].filter((b): b is string => b !== undefined);

function expectABodyToReach(where: string, d: RawDecision) {
  expect({ where, status: d.status, bodies: bodiesOf(d).length > 0 }).toEqual({
    where,
    status: d.status,
    bodies: true,
  });
}

test("every procedure's referral body is a body with a name and a contact in every language", () => {
  const instance = i18n();
  for (const p of e.procedures.all)
    for (const lang of c.languages)
      for (const part of ['name', 'contact'])
        expect({
          body: p.body,
          lang,
          part,
          ok: instance.exists(`common:bodies.${p.body}.${part}`, { lng: lang, fallbackLng: false }),
        }).toEqual({ body: p.body, lang, part, ok: true });
});

describe.each(procedures)('%s', (procedure) => {
  test('each outcome explore() samples names a body and a way to reach it', () => {
    const map = explore(e, procedure, TODAY, c);
    expect(map.samples.size).toBeGreaterThan(0);
    for (const [state, pos] of map.samples) expectABodyToReach(state, decisionAt(pos));
  });

  test('every final position the walk reaches does too, and each body named is known in every language', () => {
    const instance = i18n();
    const finals = finalPositions(procedure);
    for (const pos of finals) {
      const d = decisionAt(pos);
      expectABodyToReach(`${pos.state.value} ${JSON.stringify(pos.state.context)}`, d);
      for (const body of bodiesOf(d))
        for (const lang of c.languages)
          expect({
            body,
            lang,
            contact: instance.exists(`common:bodies.${body}.contact`, { lng: lang, fallbackLng: false }),
          }).toEqual({
            body,
            lang,
            contact: true,
          });
    }
  });
});
