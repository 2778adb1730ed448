import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { QuestionMeta } from '../flows/types';
import { ContentError, defaultContentDir, loadContent } from '../src/content/load';
import type { LocaleTree } from '../src/content/schemas';
import { explore } from '../src/dialogue/explore';
import { decisionAt } from '../src/dialogue/messages';
import { renderDecision } from '../src/dialogue/decisions';
import { daysBetween, isIsoDate, plusDays } from '../src/dates/calendar';
import type { RawDecision } from '../src/rules/decision';
import { optionLabelKey } from '../src/dialogue/answers';
import { errorCodes } from '../src/errors';
import { translator } from '../src/i18n';
import { content, engine, i18n, tempDir, TODAY } from './helpers';

/** Everything in content/ is valid, complete in every language, and every id it names exists. */

const flatten = (tree: LocaleTree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flatten(v, `${prefix}${k}.`)));

const c = content();
const languages = c.languages;

test('French and English are there; French is the reference', () => {
  expect(languages).toEqual(expect.arrayContaining(['fr', 'en']));
});

/** i18next plural forms ("days_one", "days_other"): each language has the forms of its own plural rules. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL, '');
const textAt = (lang: string, ns: string, key: string) =>
  key
    .split('.')
    .reduce<LocaleTree | string | undefined>(
      (t, k) => (typeof t === 'object' ? t[k] : undefined),
      c.locales[lang]![ns],
    );

describe.each(languages.filter((l) => l !== 'fr'))('%s has exactly the keys of fr', (lang) => {
  test.each(Object.keys(c.locales.fr!))('namespace %s', (ns) => {
    const fr = [...new Set(flatten(c.locales.fr![ns]!).map(baseKey))].sort();
    const other = [...new Set(flatten(c.locales[lang]?.[ns] ?? {}).map(baseKey))].sort();
    expect(other).toEqual(fr);
  });
});

/**
 * No French or English left in another language's texts (issue 13): a text the same as the French or the English one
 * is an untranslated one, unless nothing is left of it once the terms kept in French on purpose (the glossary),
 * placeholders, numbers, addresses and punctuation are taken out.
 */
test('no text of a translation is left in French or English, glossary terms apart', () => {
  const glossary = (
    JSON.parse(readFileSync(path.join(defaultContentDir(), 'glossary.json'), 'utf8')) as {
      terms: string[];
    }
  ).terms.sort((a, b) => b.length - a.length);
  const bare = (text: string) =>
    glossary
      .reduce((t, term) => t.split(term).join(' '), text)
      .replace(/\{\{[^}]+\}\}|https?:\/\/\S+|\S+@\S+|[\d\p{P}\p{S}\s]+/gu, '');
  // a yes or no the language's own answers lexicon lists is its own word, even spelt as in English ("No" in Spanish)
  const ownAnswer = (lang: string, text: string) =>
    [...c.lexicons[lang]!.answers.yes, ...c.lexicons[lang]!.answers.no].some(
      (word) => word.toLowerCase() === text.toLowerCase(),
    );
  const untranslated: string[] = [];
  for (const lang of languages.filter((l) => !['fr', 'en'].includes(l)))
    for (const ns of Object.keys(c.locales.fr!))
      for (const key of flatten(c.locales[lang]![ns]!)) {
        const text = textAt(lang, ns, key);
        const same = ['fr', 'en'].some((ref) => textAt(ref, ns, key) === text);
        if (typeof text === 'string' && same && bare(text) !== '' && !ownAnswer(lang, text))
          untranslated.push(`${lang} ${ns}:${key}: ${text}`);
      }
  expect(untranslated).toEqual([]);
});

test('a text with plural forms has every form the language needs, and only those', () => {
  for (const lang of languages) {
    const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const ns of Object.keys(c.locales[lang]!)) {
      const keys = flatten(c.locales[lang]![ns]!);
      const plural = [...new Set(keys.filter((k) => PLURAL.test(k)).map(baseKey))];
      for (const base of plural) {
        const forms = keys
          .filter((k) => baseKey(k) === base && PLURAL.test(k))
          .map((k) => k.match(PLURAL)![1])
          .sort();
        expect({ lang, key: `${ns}:${base}`, forms }).toEqual({
          lang,
          key: `${ns}:${base}`,
          forms: [...needed].sort(),
        });
      }
    }
  }
});

test('interpolation placeholders match between languages (over all plural forms of a text)', () => {
  const placeholders = (s: unknown) =>
    typeof s === 'string' ? (s.match(/{{\s*\w+/g) ?? []).map((p) => p.replace(/[{\s]/g, '')) : [];
  for (const ns of Object.keys(c.locales.fr!)) {
    const bases = [...new Set(flatten(c.locales.fr![ns]!).map(baseKey))];
    for (const base of bases) {
      const of = (lang: string) => {
        const keys = flatten(c.locales[lang]![ns]!).filter((k) => baseKey(k) === base);
        // a plural form may leave out the count ("one year"): the count is the plural's, not a missing value
        return [...new Set(keys.flatMap((k) => placeholders(textAt(lang, ns, k))))]
          .filter((p) => keys.length === 1 || p !== 'count')
          .sort();
      };
      for (const lang of languages)
        expect({ key: `${ns}:${base}`, lang, p: of(lang) }).toEqual({ key: `${ns}:${base}`, lang, p: of('fr') });
    }
  }
});

test('every error code has a message in every language', () => {
  const instance = i18n();
  for (const lang of languages)
    for (const code of errorCodes)
      expect(instance.exists(`common:errors.${code}`, { lng: lang, fallbackLng: false })).toBe(true);
});

const e = engine();
const procedureIds = e.procedures.all.map((p) => p.id);

test('every registered procedure has a content folder, and every content folder a procedure', () => {
  expect([...c.procedureIds].sort()).toEqual([...procedureIds].sort());
});

describe.each(procedureIds.map((id) => [id, e.machine(id)] as const))(
  'flow %s: every text in every language',
  (procedure, machine) => {
    test.each(languages)('%s', (lang) => {
      const instance = i18n();
      const has = (key: string) =>
        expect({ key, lang, exists: instance.exists(key, { lng: lang, fallbackLng: false }) }).toEqual({
          key,
          lang,
          exists: true,
        });
      has(`${procedure}:title`);
      has(`${procedure}:summary`);
      for (const [node, state] of Object.entries(machine.root.states as Record<string, { meta?: unknown }>)) {
        const meta = (state.meta ?? {}) as Partial<QuestionMeta> & {
          outcome?: { id: string; handover?: string; shared?: boolean };
        };
        if (meta.question) {
          has(`${procedure}:questions.${node}.text`);
          const input = meta.question.input;
          if (input.kind === 'choice') for (const o of input.options) has(optionLabelKey(input, procedure, node, o));
        }
        if (meta.outcome && !meta.outcome.handover)
          has(`${meta.outcome.shared ? 'common' : procedure}:outcomes.${meta.outcome.id}.text`);
      }
    });
  },
);

describe('every decision a flow can reach renders in every language, with no key left untranslated', () => {
  const instance = i18n();
  test.each(procedureIds)('%s', (procedure) => {
    const map = explore(e, procedure, TODAY, c);
    // a few extra positions beyond the explorer's samples: every scenario's facts are covered by test/scenarios.
    for (const lang of languages) {
      const t = translator(instance, lang);
      for (const pos of map.samples.values()) {
        const text = JSON.stringify(decisionAt(pos, { engine: e, content: c, t, lang, today: TODAY }));
        expect(text).not.toMatch(/"[a-z-]+:[a-z-]+\.[a-z.-]+"/); // an i18next key returned as is
        expect(text).not.toMatch(/{{|undefined|\? (jours|mois|days|months|month)/);
      }
    }
  });
});

/** The dates on which a figure begins, ends, goes missing or goes stale: each period of each parameter, both ends. */
function datesThatMatter(): string[] {
  const dates = new Set<string>();
  for (const periods of c.parameters.values())
    for (const p of periods) {
      dates.add(p.validFrom);
      dates.add(plusDays(p.validFrom, -1));
      if (p.validTo) dates.add(p.validTo).add(plusDays(p.validTo, 1));
    }
  for (const f of c.families.values()) dates.add(plusDays(f.reviewBy, 1));
  return [...dates].sort();
}

/** Facts as given on one day, moved to another: their dates keep the same distance from "today". */
function shifted(facts: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  const by = daysBetween(from, to);
  return Object.fromEntries(
    Object.entries(facts).map(([k, v]) => [k, typeof v === 'string' && isIsoDate(v) ? plusDays(v, by) : v]),
  );
}

/** Every situation worth saying: one per outcome of each flow, and every scenario's facts. */
function situations(): { procedure: string; facts: Record<string, unknown>; asOf: string }[] {
  const out = procedureIds.flatMap((procedure) =>
    [...explore(e, procedure, TODAY, c).samples.values()].map((pos) => ({
      procedure: pos.procedure,
      facts: pos.state.context,
      asOf: TODAY,
    })),
  );
  const dir = path.join(__dirname, 'scenarios');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const table = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
      procedure: string;
      scenarios: { facts: Record<string, unknown>; asOf: string }[];
    };
    for (const s of table.scenarios) out.push({ procedure: table.procedure, facts: s.facts, asOf: s.asOf });
  }
  return out;
}

/** A sentence given a missing figure: '?' (or nothing) where a parameter's value should be. */
const missingValues = (d: RawDecision) =>
  [
    ...d.conditions.map((x) => x.explain),
    ...d.amounts.map((x) => x.explain),
    ...d.deadlines.map((x) => x.explain),
    ...[...d.nextSteps, ...d.notices].map((x) => x.text),
    ...(d.referral ? [d.referral.reason] : []),
  ].flatMap((text) =>
    Object.entries(text.values ?? {})
      .filter(([, v]) => v === undefined || v === '?' || v === '—' || v === '')
      .map(([name]) => `${text.key}:${name}`),
  );

describe('no text in any language shows a missing figure or an unresolved placeholder, on any date a figure changes', () => {
  const instance = i18n();
  const all = situations();
  // The same decision often comes back on many dates: each is rendered once.
  const rendered = new Set<string>();
  test.each(datesThatMatter())('%s', (asOf) => {
    for (const s of all) {
      const procedure = e.procedure(s.procedure);
      const facts = shifted(s.facts, s.asOf, asOf);
      const raw = procedure.evaluate(facts, { asOf, content: c });
      expect({ procedure: s.procedure, facts, missing: missingValues(raw) }).toEqual({
        procedure: s.procedure,
        facts,
        missing: [],
      });
      const key = JSON.stringify({ ...raw, asOf: '' });
      if (rendered.has(key)) continue;
      rendered.add(key);
      for (const lang of languages) {
        const text = JSON.stringify(renderDecision(raw, c, translator(instance, lang), lang));
        expect({ lang, text }).not.toMatchObject({
          text: expect.stringMatching(/{{|\$t\(|undefined|"[a-z-]+:[a-z-]+\.[a-z.-]+"/),
        });
      }
    }
  });
});

test('every reference cited by a parameter or the holidays exists, with a title in French', () => {
  for (const periods of c.parameters.values())
    for (const p of periods) expect(c.references.get(p.reference)?.title.fr).toBeTruthy();
});

test('every family of parameters sends to a body known in every language, for the exact figure', () => {
  const instance = i18n();
  for (const f of c.families.values())
    for (const lang of languages)
      expect({
        family: f.id,
        lang,
        ok: instance.exists(`common:bodies.${f.refer}.name`, { lng: lang, fallbackLng: false }),
      }).toEqual({ family: f.id, lang, ok: true });
});

test('a reference is dated only when its reading is recorded; the others say they were not checked', () => {
  const dated = [...c.references.values()].filter((r) => r.lastChecked).map((r) => r.id);
  // FACTS.md dates these readings: OpenFisca as of 2026-07-23 (the SMIC), the service-public pages by version.
  expect(dated.sort()).toEqual(
    [
      'arrete-2026-05-22-smic',
      'decret-2023-12-20-smic',
      'decret-2024-951',
      'decret-2025-1228',
      'reg-2018-1806-annex-ii',
      'service-public-f11166',
      'service-public-f33974',
      'service-public-f36192',
      'solidarites-avfs-2024',
    ].sort(),
  );
});

test('dated parameters do not overlap', () => {
  for (const [id, periods] of c.parameters) {
    const sorted = [...periods].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    for (let i = 1; i < sorted.length; i++)
      expect({ id, ok: !!sorted[i - 1]!.validTo && sorted[i - 1]!.validTo! < sorted[i]!.validFrom }).toEqual({
        id,
        ok: true,
      });
  }
});

describe('a broken content file stops the start, naming the file', () => {
  test('a parameter citing an unknown reference', () => {
    const dir = tempDir('content-');
    cpSync(defaultContentDir(), dir, { recursive: true });
    const file = path.join(dir, 'procedures', 'asylum-filing', 'parameters.json');
    const json = JSON.parse(require('node:fs').readFileSync(file, 'utf8'));
    json.parameters['ofpra-filing-days'][0].reference = 'no-such-text';
    writeFileSync(file, JSON.stringify(json));
    expect(() => loadContent(dir)).toThrow(ContentError);
    expect(() => loadContent(dir)).toThrow(/asylum-filing.parameters\.json.*no-such-text/);
  });

  test('a parameter that belongs to no family has no review horizon: refused', () => {
    const dir = tempDir('content-');
    cpSync(defaultContentDir(), dir, { recursive: true });
    const file = path.join(dir, 'procedures', 'asylum-filing', 'parameters.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.families['asylum-deadlines'].parameters = json.families['asylum-deadlines'].parameters.filter(
      (id: string) => id !== 'ofpra-filing-days',
    );
    writeFileSync(file, JSON.stringify(json));
    expect(() => loadContent(dir)).toThrow(/asylum-filing.parameters\.json.*ofpra-filing-days belongs to no family/);
  });

  test('a value of the wrong type', () => {
    const dir = tempDir('content-');
    cpSync(defaultContentDir(), dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'holidays.json'),
      JSON.stringify({ national: { reference: 'x', days: [{ id: 'a', month: 13, day: 1 }] }, regions: {} }),
    );
    expect(() => loadContent(dir)).toThrow(/holidays\.json/);
  });
});
