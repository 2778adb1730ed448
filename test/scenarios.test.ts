import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ProcedureRegistry } from '../src/procedures/registry';
import type { RawDecision } from '../src/rules/decision';
import { content } from './helpers';

/** One driver for every scenario table in test/scenarios: facts + date in, the listed parts of the decision out. */

const scenarioFile = z.object({
  procedure: z.string(),
  $comment: z.string().optional(),
  scenarios: z.array(
    z.object({
      name: z.string(),
      asOf: z.iso.date(),
      facts: z.record(z.string(), z.unknown()),
      expect: z.strictObject({
        status: z.string().optional(),
        referral: z.string().optional(),
        conditions: z.record(z.string(), z.enum(['met', 'not-met', 'unknown'])).optional(),
        deadlines: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
        amounts: z
          .record(
            z.string(),
            z.object({
              maxEur: z.number(),
              per: z.string().optional(),
              // false: a maximum that holds as it is; true: only if `condition` (unknown) is met
              conditional: z.boolean().optional(),
              condition: z.string().optional(),
            }),
          )
          .optional(),
        figures: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
        nextSteps: z.array(z.string()).optional(),
        notices: z.array(z.string()).optional(),
        /** ids that must not be in the decision */
        absent: z
          .strictObject({
            conditions: z.array(z.string()).optional(),
            amounts: z.array(z.string()).optional(),
            deadlines: z.array(z.string()).optional(),
            nextSteps: z.array(z.string()).optional(),
            notices: z.array(z.string()).optional(),
          })
          .optional(),
      }),
    }),
  ),
});

/** A decision that ends the conversation names a body and a way to reach it: a referral, or a step that sends there. */
function expectEveryOutcomeNamesABody(d: RawDecision) {
  if (d.status === 'incomplete') return;
  const bodies = [d.referral?.to, ...d.nextSteps.map((s) => s.body)].filter((b): b is string => !!b);
  expect({ status: d.status, namesABody: bodies.length > 0 }).toEqual({ status: d.status, namesABody: true });
  for (const b of bodies) expect({ body: b, known: !!bodyContact(b) }).toEqual({ body: b, known: true });
}

const bodyContact = (body: string) => {
  const bodies = content().locales.fr!.common!.bodies as Record<string, { contact?: string }>;
  return bodies[body]?.contact;
};

/** No sentence is given a missing figure: '?' (or nothing) in place of a parameter's value. */
function expectNoMissingFigure(d: RawDecision) {
  const texts = [
    ...d.conditions.map((c) => c.explain),
    ...d.amounts.map((a) => a.explain),
    ...d.deadlines.map((x) => x.explain),
    ...[...d.nextSteps, ...d.notices].map((s) => s.text),
    ...(d.referral ? [d.referral.reason] : []),
  ];
  for (const text of texts)
    for (const [name, value] of Object.entries(text.values ?? {}))
      expect({ key: text.key, name, missing: value === undefined || ['?', '—', ''].includes(value as string) }).toEqual(
        {
          key: text.key,
          name,
          missing: false,
        },
      );
}

const dir = path.join(__dirname, 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

test('there are scenario tables', () => {
  expect(files.length).toBeGreaterThan(0);
});

describe.each(files)('%s', (file) => {
  const table = scenarioFile.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
  const rules = new ProcedureRegistry().get(table.procedure)!;

  test('names a known procedure', () => expect(rules).toBeDefined());

  test.each(table.scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const d = rules.evaluate(s.facts, { asOf: s.asOf, content: content() });
    const e = s.expect;
    if (e.status) expect(d.status).toBe(e.status);
    if (e.referral) expect(d.referral?.to).toBe(e.referral);
    for (const [id, status] of Object.entries(e.conditions ?? {})) {
      expect({ id, status: d.conditions.find((c) => c.id === id)?.status }).toEqual({ id, status });
    }
    for (const [id, want] of Object.entries(e.deadlines ?? {})) {
      const got = d.deadlines.find((x) => x.id === id);
      expect(got).toBeDefined();
      const flat = {
        ...got,
        lastDayKind: got!.lastDay.kind,
        holiday: got!.lastDay.kind === 'holiday' ? got!.lastDay.holiday : undefined,
      };
      expect(flat).toMatchObject(want);
    }
    for (const [id, want] of Object.entries(e.amounts ?? {})) {
      const got = d.amounts.find((a) => a.id === id);
      expect({ id, ...got, conditional: got?.conditional ?? false }).toMatchObject({ id, ...want });
    }
    for (const [id, want] of Object.entries(e.figures ?? {}))
      expect({ id, figures: d.conditions.find((c) => c.id === id)?.figures }).toMatchObject({ id, figures: want });
    if (e.nextSteps) expect(d.nextSteps.map((n) => n.id)).toEqual(expect.arrayContaining(e.nextSteps));
    if (e.notices) expect(d.notices.map((n) => n.id)).toEqual(expect.arrayContaining(e.notices));
    for (const [part, ids] of Object.entries(e.absent ?? {})) {
      const present = (d[part as keyof typeof e.absent] as { id: string }[]).map((x) => x.id);
      expect({ part, present: ids.filter((id) => present.includes(id)) }).toEqual({ part, present: [] });
    }
    // Every decision names whom to see when it refers, and every reference it cites exists.
    if (d.status === 'refer') expect(d.referral).toBeDefined();
    for (const c of [...d.conditions, ...d.deadlines, ...d.amounts])
      expect(content().references.has(c.reference)).toBe(true);
    expectEveryOutcomeNamesABody(d);
    expectNoMissingFigure(d);
  });
});
