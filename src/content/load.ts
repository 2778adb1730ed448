import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadCommunes, type Communes } from './communes';
import { ContentError } from './errors';
import {
  countriesFileSchema,
  holidaysFileSchema,
  localeTreeSchema,
  parametersFileSchema,
  referencesFileSchema,
  type CountryList,
  type Holidays,
  type LocaleTree,
  type ParameterPeriod,
  type Reference,
} from './schemas';

export interface Content {
  references: ReadonlyMap<string, Reference>;
  /** parameter id -> dated periods, per procedure file merged into one map */
  parameters: ReadonlyMap<string, readonly ParameterPeriod[]>;
  holidays: Holidays;
  /** dated lists of countries (EU, visa-exempt, ...) */
  countryLists: ReadonlyMap<string, CountryList>;
  /** the housing zone of every commune */
  communes: Communes;
  /** lang -> namespace -> tree */
  locales: Record<string, Record<string, LocaleTree>>;
  languages: readonly string[];
}

export { ContentError };

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ContentError(`${file}: not readable JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ContentError(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The project root: the nearest folder above this file that holds package.json. */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + from);
    dir = up;
  }
  return dir;
}

export const defaultContentDir = (): string => path.join(projectRoot(), 'content');

/** Reads and checks everything in content/. Cross-checks that every cited reference exists. */
export function loadContent(dir = defaultContentDir()): Content {
  const refs = readJson(path.join(dir, 'references.json'), referencesFileSchema).references;
  const references = new Map(refs.map((r) => [r.id, r]));
  if (references.size !== refs.length) throw new ContentError('references.json: duplicate ids');

  const parameters = new Map<string, ParameterPeriod[]>();
  const paramDir = path.join(dir, 'parameters');
  for (const name of readdirSync(paramDir).filter((f) => f.endsWith('.json')).sort()) {
    const file = readJson(path.join(paramDir, name), parametersFileSchema);
    for (const [id, periods] of Object.entries(file.parameters)) {
      if (parameters.has(id)) throw new ContentError(`${name}: parameter ${id} is defined twice`);
      for (const p of periods) {
        if (!references.has(p.reference)) throw new ContentError(`${name}: ${id} cites unknown reference ${p.reference}`);
      }
      parameters.set(id, periods);
    }
  }

  const holidays = readJson(path.join(dir, 'holidays.json'), holidaysFileSchema);
  for (const set of [holidays.national, ...Object.values(holidays.regions)]) {
    if (!references.has(set.reference)) throw new ContentError(`holidays.json cites unknown reference ${set.reference}`);
  }

  const lists = readJson(path.join(dir, 'lists', 'countries.json'), countriesFileSchema).lists;
  for (const [id, list] of Object.entries(lists)) {
    if (!references.has(list.reference)) throw new ContentError(`lists/countries.json: ${id} cites unknown reference ${list.reference}`);
  }

  const localeDir = path.join(dir, 'locales');
  const locales: Record<string, Record<string, LocaleTree>> = {};
  for (const lang of readdirSync(localeDir).sort()) {
    locales[lang] = {};
    for (const name of readdirSync(path.join(localeDir, lang)).filter((f) => f.endsWith('.json'))) {
      locales[lang]![name.replace(/\.json$/, '')] = readJson(path.join(localeDir, lang, name), localeTreeSchema);
    }
  }
  if (!locales.fr) throw new ContentError('locales/fr is missing: French is the reference language');

  const communes = loadCommunes(dir);
  return { references, parameters, holidays, countryLists: new Map(Object.entries(lists)), communes, locales, languages: Object.keys(locales) };
}
