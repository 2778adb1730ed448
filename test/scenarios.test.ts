import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ProcedureRegistry } from '../src/procedures/registry';
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
        amounts: z.record(z.string(), z.object({ maxEur: z.number(), per: z.string().optional() })).optional(),
        figures: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
        nextSteps: z.array(z.string()).optional(),
        notices: z.array(z.string()).optional(),
      }),
    }),
  ),
});

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
    for (const [id, want] of Object.entries(e.amounts ?? {}))
      expect(d.amounts.find((a) => a.id === id)).toMatchObject(want);
    for (const [id, want] of Object.entries(e.figures ?? {}))
      expect({ id, figures: d.conditions.find((c) => c.id === id)?.figures }).toMatchObject({ id, figures: want });
    if (e.nextSteps) expect(d.nextSteps.map((n) => n.id)).toEqual(expect.arrayContaining(e.nextSteps));
    if (e.notices) expect(d.notices.map((n) => n.id)).toEqual(expect.arrayContaining(e.notices));
    // Every decision names whom to see when it refers, and every reference it cites exists.
    if (d.status === 'refer') expect(d.referral).toBeDefined();
    for (const c of [...d.conditions, ...d.deadlines, ...d.amounts])
      expect(content().references.has(c.reference)).toBe(true);
  });
});
