import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { QuestionMeta } from '../flows/types';
import { ContentError, defaultContentDir, loadContent } from '../src/content/load';
import type { LocaleTree } from '../src/content/schemas';
import { explore } from '../src/dialogue/explore';
import { decisionAt } from '../src/dialogue/messages';
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

/** i18next's plural forms (`days_one`, `days_other`...): one key per plural category of the language. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const singular = (key: string) => key.replace(PLURAL, '');
const categories = (lang: string) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

describe.each(languages.filter((l) => l !== 'fr'))('%s has exactly the keys of fr', (lang) => {
  test.each(Object.keys(c.locales.fr!))('namespace %s', (ns) => {
    const keys = (l: string) => [...new Set(flatten(c.locales[l]?.[ns] ?? {}).map(singular))].sort();
    expect(keys(lang)).toEqual(keys('fr'));
  });
});

test('a text with plural forms has every form its language needs', () => {
  for (const lang of languages)
    for (const ns of Object.keys(c.locales.fr!)) {
      const keys = flatten(c.locales[lang]![ns]!);
      for (const base of new Set(keys.filter((k) => PLURAL.test(k)).map(singular)))
        for (const category of categories(lang))
          expect({ lang, key: `${ns}:${base}_${category}`, present: keys.includes(`${base}_${category}`) }).toEqual({
            lang,
            key: `${ns}:${base}_${category}`,
            present: true,
          });
    }
});

test('interpolation placeholders match between languages', () => {
  // A plural form may say its number in words ("يومان", two days): `count` may be left out of a form.
  const placeholders = (s: string, plural: boolean) =>
    (s.match(/{{\s*\w+/g) ?? [])
      .map((p) => p.replace(/[{\s]/g, ''))
      .filter((p) => !plural || p !== 'count')
      .sort();
  for (const ns of Object.keys(c.locales.fr!)) {
    for (const lang of languages) {
      for (const key of flatten(c.locales[lang]![ns]!)) {
        const plural = PLURAL.test(key);
        const frKey = plural ? `${singular(key)}_other` : key;
        const get = (l: string, k: string) =>
          k
            .split('.')
            .reduce<LocaleTree | string | undefined>(
              (t, part) => (typeof t === 'object' ? t[part] : undefined),
              c.locales[l]![ns],
            ) as string;
        expect({ key: `${ns}:${key}`, lang, p: placeholders(get(lang, key), plural) }).toEqual({
          key: `${ns}:${key}`,
          lang,
          p: placeholders(get('fr', frKey), plural),
        });
      }
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
        const meta = (state.meta ?? {}) as Partial<QuestionMeta> & { outcome?: { id: string; handover?: string } };
        if (meta.question) {
          has(`${procedure}:questions.${node}.text`);
          const input = meta.question.input;
          if (input.kind === 'choice') for (const o of input.options) has(optionLabelKey(input, procedure, node, o));
        }
        if (meta.outcome && !meta.outcome.handover) has(`${procedure}:outcomes.${meta.outcome.id}.text`);
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

test('every reference cited by a parameter or the holidays exists, with a title in French', () => {
  for (const periods of c.parameters.values())
    for (const p of periods) expect(c.references.get(p.reference)?.title.fr).toBeTruthy();
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
