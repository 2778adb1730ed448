import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadCommunes, type Communes } from './communes';
import { ContentError } from './errors';
import {
  answersLexiconSchema,
  countriesFileSchema,
  countriesLexiconSchema,
  datesLexiconSchema,
  numbersLexiconSchema,
  urgentFileSchema,
  urgentLexiconSchema,
  holidaysFileSchema,
  languageFileSchema,
  localeTreeSchema,
  parametersFileSchema,
  procedureLexiconSchema,
  referencesFileSchema,
  type AnswersLexicon,
  type CountriesLexicon,
  type DatesLexicon,
  type NumbersLexicon,
  type UrgentFile,
  type UrgentLexicon,
  type CountryList,
  type Holidays,
  type LanguageFile,
  type LocaleTree,
  type ParameterFamily,
  type ParameterPeriod,
  type ProcedureLexicon,
  type Reference,
} from './schemas';

/** The words of one language: shared lists, and each procedure's. */
export interface Lexicon {
  answers: AnswersLexicon;
  numbers: NumbersLexicon;
  dates: DatesLexicon;
  countries: CountriesLexicon;
  urgent: UrgentLexicon;
  procedures: Record<string, ProcedureLexicon>;
}

export interface Content {
  references: ReadonlyMap<string, Reference>;
  /** parameter id -> dated periods, every procedure's file merged into one map */
  parameters: ReadonlyMap<string, readonly ParameterPeriod[]>;
  /** families of parameters revised together, with their review horizon */
  families: ReadonlyMap<string, Family>;
  /** parameter id -> its family's id */
  familyOf: ReadonlyMap<string, string>;
  holidays: Holidays;
  /** dated lists of countries (EU, visa-exempt, ...) */
  countryLists: ReadonlyMap<string, CountryList>;
  /** the housing zone of every commune */
  communes: Communes;
  /** lang -> namespace -> tree: `common`, `ui`, and one namespace per procedure (its id) */
  locales: Record<string, Record<string, LocaleTree>>;
  /** lang -> the words people use */
  lexicons: Record<string, Lexicon>;
  /** the languages offered: the folders of content/locales */
  languages: readonly string[];
  /** each language's card: its name in its own script, its direction, its digits, its translation status */
  languageInfo: Record<string, LanguageFile>;
  /** the procedures that have a content folder (content/procedures/<id>) */
  procedureIds: readonly string[];
  /** urgent situations and whom to call */
  urgent: UrgentFile;
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

const folders = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];

/** A family of parameters, with its id. */
export type Family = ParameterFamily & { id: string };

interface Parameters {
  parameters: Map<string, ParameterPeriod[]>;
  families: Map<string, Family>;
  familyOf: Map<string, string>;
}

/** One procedure's parameters.json into the shared maps: each parameter in one family, each reference known. */
function readParameters(file: string, into: Parameters, cites: (where: string, id: string) => void) {
  const { parameters, families } = readJson(file, parametersFileSchema);
  for (const [pid, periods] of Object.entries(parameters)) {
    if (into.parameters.has(pid)) throw new ContentError(`${file}: parameter ${pid} is defined twice`);
    for (const p of periods) cites(`${file}: ${pid}`, p.reference);
    into.parameters.set(pid, periods);
  }
  for (const [id, family] of Object.entries(families)) {
    if (into.families.has(id)) throw new ContentError(`${file}: family ${id} is defined twice`);
    into.families.set(id, { id, ...family });
    for (const pid of family.parameters) {
      if (!(pid in parameters)) throw new ContentError(`${file}: family ${id} lists unknown parameter ${pid}`);
      if (into.familyOf.has(pid)) throw new ContentError(`${file}: parameter ${pid} is in two families`);
      into.familyOf.set(pid, id);
    }
  }
  const orphan = Object.keys(parameters).find((pid) => !into.familyOf.has(pid));
  if (orphan) throw new ContentError(`${file}: parameter ${orphan} belongs to no family (no review horizon)`);
}

/** Every language's shared texts and words. */
function readLanguages(dir: string, languages: readonly string[]) {
  const locales: Record<string, Record<string, LocaleTree>> = {};
  const lexicons: Record<string, Lexicon> = {};
  const languageInfo: Record<string, LanguageFile> = {};
  for (const lang of languages) {
    locales[lang] = {};
    languageInfo[lang] = readJson(path.join(dir, 'locales', lang, 'language.json'), languageFileSchema);
    for (const name of readdirSync(path.join(dir, 'locales', lang)).filter(
      (f) => f.endsWith('.json') && f !== 'language.json',
    )) {
      locales[lang][name.replace(/\.json$/, '')] = readJson(path.join(dir, 'locales', lang, name), localeTreeSchema);
    }
    const lexiconDir = path.join(dir, 'lexicon', lang);
    lexicons[lang] = {
      answers: readJson(path.join(lexiconDir, 'answers.json'), answersLexiconSchema),
      numbers: readJson(path.join(lexiconDir, 'numbers.json'), numbersLexiconSchema),
      dates: readJson(path.join(lexiconDir, 'dates.json'), datesLexiconSchema),
      countries: readJson(path.join(lexiconDir, 'countries.json'), countriesLexiconSchema),
      urgent: readJson(path.join(lexiconDir, 'urgent.json'), urgentLexiconSchema),
      procedures: {},
    };
  }
  return { locales, lexicons, languageInfo };
}

/** The urgent situations and whom to call, each contact checked to exist. */
function readUrgent(dir: string) {
  const urgent = readJson(path.join(dir, 'urgent.json'), urgentFileSchema);
  for (const [situation, u] of Object.entries(urgent.situations)) {
    for (const c of u.contacts)
      if (!urgent.contacts[c]) throw new ContentError(`urgent.json: ${situation} names unknown contact ${c}`);
  }
  return urgent;
}

/**
 * Reads and checks everything in content/: the shared files, then one folder per procedure
 * (content/procedures/<id>/: parameters.json, locales/<lang>.json, lexicon/<lang>.json). Folders given
 * in `extraProcedureDirs` are read as procedures too (a procedure kept outside content/, as the tests do).
 * Cross-checks that every cited reference exists.
 */
export function loadContent(dir = defaultContentDir(), extraProcedureDirs: readonly string[] = []): Content {
  const refs = readJson(path.join(dir, 'references.json'), referencesFileSchema).references;
  const references = new Map(refs.map((r) => [r.id, r]));
  if (references.size !== refs.length) throw new ContentError('references.json: duplicate ids');
  const cites = (where: string, id: string) => {
    if (!references.has(id)) throw new ContentError(`${where} cites unknown reference ${id}`);
  };

  const holidays = readJson(path.join(dir, 'holidays.json'), holidaysFileSchema);
  for (const set of [holidays.national, ...Object.values(holidays.regions)]) cites('holidays.json', set.reference);

  const lists = readJson(path.join(dir, 'lists', 'countries.json'), countriesFileSchema).lists;
  for (const [id, list] of Object.entries(lists)) cites(`lists/countries.json: ${id}`, list.reference);

  const languages = folders(path.join(dir, 'locales'));
  if (!languages.includes('fr')) throw new ContentError('locales/fr is missing: French is the reference language');
  const { locales, lexicons, languageInfo } = readLanguages(dir, languages);

  const params: Parameters = { parameters: new Map(), families: new Map(), familyOf: new Map() };
  const procedureDirs = [
    ...folders(path.join(dir, 'procedures')).map((id) => path.join(dir, 'procedures', id)),
    ...extraProcedureDirs,
  ];
  for (const procedureDir of procedureDirs) {
    const id = path.basename(procedureDir);
    const parametersFile = path.join(procedureDir, 'parameters.json');
    if (existsSync(parametersFile)) readParameters(parametersFile, params, cites);
    for (const lang of languages) {
      const texts = path.join(procedureDir, 'locales', `${lang}.json`);
      if (existsSync(texts)) locales[lang]![id] = readJson(texts, localeTreeSchema);
      const words = path.join(procedureDir, 'lexicon', `${lang}.json`);
      lexicons[lang]!.procedures[id] = existsSync(words) ? readJson(words, procedureLexiconSchema) : { options: {} };
    }
  }

  return {
    urgent: readUrgent(dir),
    references,
    ...params,
    holidays,
    countryLists: new Map(Object.entries(lists)),
    communes: loadCommunes(dir),
    locales,
    lexicons,
    languages,
    languageInfo,
    procedureIds: procedureDirs.map((d) => path.basename(d)),
  };
}
