// Translators' workflow: a language's texts to XLIFF 2.0 and back, checked.
//   npm run translations -- export <lang>            writes translations/<lang>.xlf (French source, target, context
// notes)
//   npm run translations -- import <lang> <file> [--reviewed-by "Name" --on YYYY-MM-DD]
// XLIFF is what translation tools (OmegaT, Trados, Weblate, memoQ…) read. The import refuses a file whose keys,
// placeholders or plural forms do not match the French, and writes the language's files in content/.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import xliff from 'xliff';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
// TRANSLATIONS_CONTENT: another content folder (the tests work on a copy)
const content = process.env.TRANSLATIONS_CONTENT ?? path.join(root, 'content');
const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (s) => [...new Set((s.match(/{{\s*\w+\s*}}/g) ?? []).map((p) => p.replace(/\s/g, '')))].sort();

/** The files of a language: shared namespaces, and each procedure's own. */
function files(lang) {
  const shared = path.join(content, 'locales', lang);
  const out = {};
  for (const f of readdirSync(path.join(content, 'locales', 'fr')).filter(
    (f) => f.endsWith('.json') && f !== 'language.json',
  )) {
    out[f.replace(/\.json$/, '')] = path.join(shared, f);
  }
  for (const id of readdirSync(path.join(content, 'procedures')))
    out[id] = path.join(content, 'procedures', id, 'locales', `${lang}.json`);
  return out;
}

const flatten = (tree, prefix = '') =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v]] : flatten(v, `${prefix}${k}.`),
  );
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {});

/** The French form a plural form of the language translates: the same form, or French's "other". */
function frenchFormOf(base, form, fr) {
  return fr.get(`${base}_${form}`) ?? fr.get(`${base}_other`);
}

function unitsOf(lang) {
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const glossary = JSON.parse(readFileSync(path.join(content, 'glossary.json'), 'utf8')).terms;
  const frFiles = files('fr');
  const target = files(lang);
  const resources = {};
  for (const [ns, frFile] of Object.entries(frFiles)) {
    const fr = new Map(flatten(read(frFile)));
    const tr = new Map(flatten(read(target[ns])));
    const keys = [];
    for (const key of fr.keys()) {
      if (!PLURAL.test(key)) keys.push([key, fr.get(key)]);
      else if (key.endsWith('_other'))
        for (const form of categories)
          keys.push([key.replace(PLURAL, `_${form}`), frenchFormOf(key.replace(PLURAL, ''), form, fr)]);
    }
    resources[ns] = Object.fromEntries(
      keys.map(([key, source]) => {
        const notes = [`${ns} › ${key.replace(/\./g, ' › ')}`];
        const kept = placeholders(source);
        if (kept.length) notes.push(`keep ${kept.join(' ')} as they are: they are replaced by values`);
        const terms = glossary.filter((t) => source.includes(t));
        if (terms.length) notes.push(`keep in French: ${terms.join(', ')} (explained in the glossary)`);
        if (PLURAL.test(key)) notes.push(`plural form "${key.match(PLURAL)[1]}" of ${lang}`);
        return [key, { source, target: tr.get(key) ?? '', note: notes.join('; ') }];
      }),
    );
  }
  return resources;
}

async function exportLanguage(lang) {
  const out = process.env.TRANSLATIONS_OUT ?? path.join(root, 'translations');
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `${lang}.xlf`);
  writeFileSync(file, await xliff.js2xliff({ sourceLanguage: 'fr', targetLanguage: lang, resources: unitsOf(lang) }));
  console.log(`wrote ${path.relative(root, file)}`);
}

/** The import's checks: every unit known and translated, the same placeholders as the French. */
function problems(expected, given) {
  const out = [];
  for (const [ns, units] of Object.entries(expected)) {
    for (const [key, unit] of Object.entries(units)) {
      const got = given[ns]?.[key]?.target;
      if (!got || !String(got).trim()) out.push(`${ns}:${key}: not translated`);
      else {
        const want = placeholders(unit.source).filter((p) => !(PLURAL.test(key) && p === '{{count}}'));
        const have = placeholders(String(got)).filter((p) => !(PLURAL.test(key) && p === '{{count}}'));
        if (want.join() !== have.join())
          out.push(`${ns}:${key}: placeholders ${have.join(' ') || 'none'} instead of ${want.join(' ')}`);
      }
    }
  }
  for (const [ns, units] of Object.entries(given))
    for (const key of Object.keys(units)) if (!expected[ns]?.[key]) out.push(`${ns}:${key}: not a text of the service`);
  return out;
}

function unflatten(pairs) {
  const tree = {};
  for (const [key, value] of pairs) {
    const parts = key.split('.');
    let node = tree;
    for (const p of parts.slice(0, -1)) node = node[p] ??= {};
    node[parts.at(-1)] = value;
  }
  return tree;
}

async function importLanguage(lang, file, reviewedBy, on) {
  const parsed = await xliff.xliff2js(readFileSync(file, 'utf8'));
  if (parsed.targetLanguage !== lang) throw new Error(`${file} is for ${parsed.targetLanguage}, not ${lang}`);
  const expected = unitsOf(lang);
  const found = problems(expected, parsed.resources);
  if (found.length) {
    console.error(`refused: ${found.length} problem(s)\n${found.slice(0, 50).join('\n')}`);
    process.exit(1);
  }
  const target = files(lang);
  for (const [ns, units] of Object.entries(expected)) {
    const pairs = Object.keys(units).map((key) => [key, String(parsed.resources[ns][key].target)]);
    mkdirSync(path.dirname(target[ns]), { recursive: true });
    writeFileSync(target[ns], `${JSON.stringify(unflatten(pairs), null, 2)}\n`);
  }
  if (reviewedBy) {
    const metaFile = path.join(content, 'locales', lang, 'language.json');
    const meta = read(metaFile);
    meta.translation = { status: 'reviewed', by: reviewedBy, on };
    writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  }
  console.log(`imported ${lang}: ${Object.values(expected).reduce((n, u) => n + Object.keys(u).length, 0)} texts`);
}

const [verb, lang, file, ...rest] = process.argv.slice(2);
const option = (name) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
if (verb === 'export' && lang) await exportLanguage(lang);
else if (verb === 'import' && lang && file) await importLanguage(lang, file, option('--reviewed-by'), option('--on'));
else {
  console.error(
    'usage: npm run translations -- export <lang> | import <lang> <file.xlf> [--reviewed-by "Name" --on YYYY-MM-DD]',
  );
  process.exit(1);
}
