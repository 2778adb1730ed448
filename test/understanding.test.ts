import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Understanding } from '../src/dialogue/understand';
import { understandAt } from './helpers';

/**
 * The understanding corpora (test/understanding/*.json, each file one language's, several files a language):
 * what people type, at a question, and what the bot must make of it. Any silent wrong reading fails the build;
 * so does understanding fewer than a language's declared share of the reasonable inputs (recorded right, or
 * confirmed right, or asked which with the right one among them). The rates per language and kind are printed.
 */

const expectation = z.union([
  z.strictObject({ record: z.unknown() }),
  z.strictObject({ confirm: z.unknown() }),
  z.strictObject({ choose: z.array(z.unknown()).min(2) }),
  z.strictObject({ urgent: z.string() }),
  z.literal('unknown'),
  z.literal('refuse'),
]);
const corpusFile = z.strictObject({
  lang: z.string(),
  $comment: z.string().optional(),
  /** the share of reasonable inputs the language must understand (0.9 once its corpus is held) */
  minimum: z.number().min(0).max(1).optional(),
  cases: z.array(
    z.strictObject({
      at: z.string().regex(/^[a-z-]+\/[a-z-]+$/),
      text: z.string().min(1),
      facts: z.record(z.string(), z.unknown()).optional(),
      expect: expectation,
      /** a note on why (a trap, a dialect, a typo) */
      note: z.string().optional(),
    }),
  ),
});
type Case = z.infer<typeof corpusFile>['cases'][number];
type Verdict = 'right' | 'confirmed' | 'asked' | 'refused' | 'doubtful' | 'wrong';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const valueOf = (u: Understanding) => (u.kind === 'record' || u.kind === 'confirm' ? u.value : undefined);

/** How the bot's understanding compares with what was expected. */
function verdict(c: Case, u: Understanding): Verdict {
  const e = c.expect;
  if (typeof e === 'object' && 'urgent' in e)
    return u.kind === 'urgent' && u.situations.includes(e.urgent as never) ? 'right' : 'wrong';
  if (e === 'refuse') return u.kind === 'refuse' ? 'right' : u.kind === 'record' ? 'wrong' : 'doubtful';
  if (e === 'unknown')
    return u.kind === 'unknown' ? 'right' : u.kind === 'record' || u.kind === 'confirm' ? 'wrong' : 'refused';
  if (u.kind === 'refuse' || u.kind === 'unknown' || u.kind === 'urgent') return 'refused';
  if ('choose' in e) {
    if (u.kind === 'choose') return e.choose.every((v) => u.candidates.some((x) => same(x, v))) ? 'right' : 'wrong';
    return 'wrong';
  }
  const wanted = 'record' in e ? e.record : e.confirm;
  if (u.kind === 'choose') return u.candidates.some((x) => same(x, wanted)) ? 'asked' : 'wrong';
  if (!same(valueOf(u), wanted)) return 'wrong';
  if ('confirm' in e) return u.kind === 'confirm' ? 'right' : 'wrong';
  return u.kind === 'record' ? 'right' : 'confirmed';
}

const dir = path.join(__dirname, 'understanding');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => corpusFile.parse(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))));
/** One corpus per language: its files' cases together, held to the highest minimum any of them declares. */
const corpora = [...new Set(files.map((f) => f.lang))].map((lang) => {
  const mine = files.filter((f) => f.lang === lang);
  return { lang, cases: mine.flatMap((f) => f.cases), minimum: Math.max(0, ...mine.map((f) => f.minimum ?? 0)) };
});

describe.each(corpora.map((c) => [c.lang, c] as const))('%s corpus', (lang, corpus) => {
  const results = corpus.cases
    .map((c) => ({ c, u: understandAt(lang, c.at, c.text, c.facts ?? {}) }))
    .map((r) => ({ ...r, v: verdict(r.c, r.u) }));

  test('no silent wrong reading', () => {
    const wrong = results
      .filter((r) => r.v === 'wrong')
      .map((r) => ({ at: r.c.at, text: r.c.text, expected: r.c.expect, got: r.u }));
    expect(wrong).toEqual([]);
  });

  test(`the rates, printed; at least ${corpus.minimum * 100} % of reasonable inputs understood`, () => {
    const kindOf = (c: Case) =>
      typeof c.expect === 'object' && 'urgent' in c.expect
        ? 'urgent'
        : c.at.split('/')[1]!.replace(/^.*-(on|date)$/, 'date');
    const table = new Map<string, Record<Verdict, number>>();
    for (const r of results) {
      const k = kindOf(r.c);
      const row = table.get(k) ?? { right: 0, confirmed: 0, asked: 0, refused: 0, doubtful: 0, wrong: 0 };
      row[r.v]++;
      table.set(k, row);
    }
    const understood = results.filter(
      (r) => r.c.expect !== 'refuse' && ['right', 'confirmed', 'asked'].includes(r.v),
    ).length;
    const reasonable = results.filter((r) => r.c.expect !== 'refuse').length;
    const rate = reasonable ? understood / reasonable : 1;
    console.log(
      `${lang}: ${results.length} inputs, ${(rate * 100).toFixed(1)} % of ${reasonable} reasonable ones understood\n` +
        [...table.entries()]
          .map(
            ([k, row]) =>
              `  ${k.padEnd(26)} ${Object.entries(row)
                .map(([v, n]) => `${v} ${n}`)
                .join(', ')}`,
          )
          .join('\n'),
    );
    expect(rate).toBeGreaterThanOrEqual(corpus.minimum);
  });
});
