import { isValid, parse } from 'date-fns';
import { ar, enGB, fr, type Locale } from 'date-fns/locale';
import type { QuestionInput } from '../../flows/types';
import { isIsoDate, plusDays, toIso } from '../dates/calendar';
import type { Translate } from '../i18n';
import { asciiDigits, normalize } from '../text';
import type { Communes } from '../content/communes';
import type { Lexicon } from '../content/load';
import { countryFromText, isCountryCode } from './countries';

/**
 * An answer as a client sends it (checked at the edge, src/edge/schemas.ts): a typed value, or free text
 * to read in the session's language; optionally the node and turn of the question it answers.
 */
export type Answer = ({ value: unknown } | { text: string }) & { node?: string; turn?: number };

export type Parsed =
  { ok: true; value: unknown } | { ok: false; reason: string; values?: Record<string, string | number> };

const fail = (reason: string, values?: Record<string, string | number>): Parsed => ({
  ok: false,
  reason: `common:answer.${reason}`,
  ...(values ? { values } : {}),
});

const words = (list: readonly string[] | undefined) => (list ?? []).map(normalize).filter(Boolean);

/** Whether `phrase` stands in `text` as whole words. */
const containsPhrase = (text: string, phrase: string) => ` ${text} `.includes(` ${phrase} `);

export interface ParseContext {
  t: Translate;
  lang: string;
  today: string;
  /** the words of the session's language */
  lexicon: Lexicon;
  procedure: string;
  node: string;
  /** the facts given so far, for answers that depend on them (a date not before another) */
  facts: Record<string, unknown>;
  /** the communes and their housing zones, for a town named as people write it */
  communes?: Communes;
}

export function parseAnswer(input: QuestionInput, given: Answer, ctx: ParseContext): Parsed {
  const answer: Answer = 'text' in given ? { text: asciiDigits(given.text) } : { value: given.value };
  const fromText = 'text' in answer;
  switch (input.kind) {
    case 'choice':
      return fromText
        ? choiceFromText(input, answer.text, ctx)
        : input.options.includes(answer.value as string)
          ? { ok: true, value: answer.value }
          : fail('invalid-choice');
    case 'yesno':
      return fromText
        ? yesNoFromText(answer.text, ctx)
        : typeof answer.value === 'boolean'
          ? { ok: true, value: answer.value }
          : fail('invalid-yesno');
    case 'date': {
      const date = fromText
        ? dateFromText(answer.text, ctx)
        : typeof answer.value === 'string' && isIsoDate(answer.value)
          ? answer.value
          : undefined;
      if (!date) return fail('invalid-date');
      if (input.notAfter === 'today' && date > ctx.today) return fail('date-in-future');
      if (input.notBefore === 'today' && date < ctx.today) return fail('date-in-past');
      const earliest = input.notBeforeFact ? ctx.facts[input.notBeforeFact] : undefined;
      if (typeof earliest === 'string' && date < earliest) return fail('date-before-fact');
      return { ok: true, value: date };
    }
    case 'number': {
      const n = fromText
        ? numberFromText(answer.text)
        : typeof answer.value === 'number' && Number.isFinite(answer.value)
          ? answer.value
          : undefined;
      if (n === undefined) return fail('invalid-number');
      if (input.integer && !Number.isInteger(n)) return fail('not-integer');
      const min = input.min ?? -Infinity;
      const max = input.max ?? Infinity;
      if (n < min || n > max) return fail('number-out-of-range', { min: input.min ?? '-', max: input.max ?? '-' });
      return { ok: true, value: n };
    }
    case 'country': {
      const code = fromText
        ? (countryFromAlias(answer.text, ctx) ?? countryFromText(answer.text))
        : typeof answer.value === 'string' && isCountryCode(answer.value)
          ? answer.value
          : undefined;
      return code ? { ok: true, value: code } : fail('invalid-country');
    }
    case 'numbers':
      return numbersAnswer(input, answer, ctx);
    case 'commune':
      return communeAnswer(answer, ctx);
    case 'text': {
      const s = fromText ? answer.text.trim() : answer.value;
      return typeof s === 'string' && s.trim().length > 0 && s.length <= input.maxLength
        ? { ok: true, value: s.trim() }
        : fail('invalid-text');
    }
  }
}

/** An option by its value, its label, its number in the list, or one of its keywords (when only one option has it). */
function choiceFromText(input: Extract<QuestionInput, { kind: 'choice' }>, text: string, ctx: ParseContext): Parsed {
  const { options } = input;
  const said = normalize(text);
  if (!said) return fail('invalid-choice');
  const label = (o: string) => normalize(ctx.t(optionLabelKey(input, ctx.procedure, ctx.node, o)));
  const exact = options.find((o) => normalize(o) === said || label(o) === said);
  if (exact) return { ok: true, value: exact };
  if (/^\d+$/.test(said) && Number(said) >= 1 && Number(said) <= options.length)
    return { ok: true, value: options[Number(said) - 1] };
  const matching = options.filter((o) => {
    const keywords =
      input.procedures && o !== 'other'
        ? ctx.lexicon.procedures[o]?.triage
        : ctx.lexicon.procedures[ctx.procedure]?.options[ctx.node]?.[o];
    return words(keywords).some((k) => containsPhrase(said, k)) || containsPhrase(label(o), said);
  });
  if (matching.length === 1) return { ok: true, value: matching[0] };
  return fail(matching.length > 1 ? 'ambiguous-choice' : 'invalid-choice');
}

function yesNoFromText(text: string, ctx: ParseContext): Parsed {
  const said = normalize(text);
  const yes = words(ctx.lexicon.answers.yes);
  const no = words(ctx.lexicon.answers.no);
  // The whole answer first ("pas encore"), then its first word ("oui, je crois").
  if (yes.includes(said)) return { ok: true, value: true };
  if (no.includes(said)) return { ok: true, value: false };
  const first = said.split(' ')[0] ?? '';
  if (no.some((w) => containsPhrase(said, w) && w.includes(' '))) return { ok: true, value: false };
  if (yes.includes(first)) return { ok: true, value: true };
  if (no.includes(first)) return { ok: true, value: false };
  return fail('invalid-yesno');
}

/** A list of whole numbers (children's ages): "3, 7 et 12", or none at all ("aucun"). */
function numbersAnswer(input: Extract<QuestionInput, { kind: 'numbers' }>, answer: Answer, ctx: ParseContext): Parsed {
  let list: number[] | undefined;
  if ('text' in answer) {
    const said = normalize(answer.text);
    const none = words(ctx.lexicon.answers.none);
    list = none.includes(said) ? [] : (answer.text.match(/\d+/g) ?? []).map(Number);
    if (list.length === 0 && !none.includes(said)) return fail('invalid-numbers');
  } else if (Array.isArray(answer.value) && answer.value.every((n) => typeof n === 'number' && Number.isInteger(n))) {
    list = answer.value as number[];
  }
  if (!list) return fail('invalid-numbers');
  const { min = 0, max = Infinity, maxItems = Infinity } = input;
  if (list.length > maxItems || list.some((n) => n < min || n > max)) return fail('number-out-of-range', { min, max });
  return { ok: true, value: list };
}

/** A town by name (with its department when several share it) or INSEE code; or "I don't know". */
function communeAnswer(answer: Answer, ctx: ParseContext): Parsed {
  if (!ctx.communes) throw new Error('communes not loaded');
  if ('value' in answer) {
    if (answer.value === 'unknown') return { ok: true, value: 'unknown' };
    return typeof answer.value === 'string' && ctx.communes.byInsee(answer.value)
      ? { ok: true, value: answer.value.toUpperCase() }
      : fail('invalid-commune');
  }
  if (words(ctx.lexicon.answers.dontKnow).includes(normalize(answer.text))) return { ok: true, value: 'unknown' };
  const found = ctx.communes.search(answer.text);
  if (found.length === 1) return { ok: true, value: found[0]!.code };
  if (found.length === 0) return fail('invalid-commune');
  const candidates = found.map((c) => `${c.name} (${c.department})`).join(', ');
  return fail('ambiguous-commune', { candidates, example: `${found[0]!.name} ${found[0]!.department}` });
}

/** Names people use that the ISO lists lack ("RDC", "algérien"), per language in the countries lexicon. */
function countryFromAlias(text: string, ctx: ParseContext): string | undefined {
  const said = normalize(text);
  return Object.entries(ctx.lexicon.countries.aliases).find(([, list]) => words(list).includes(said))?.[0];
}

const locales: Record<string, Locale> = { fr, en: enGB, ar };

/** Numeric forms read day first, as in France: 12/03/2026 is 12 March. */
const numericFormats = ['yyyy-MM-dd', 'd/M/yyyy', 'd-M-yyyy', 'd.M.yyyy', 'd/M/yy', 'd M yyyy'];
const wordFormats = ['d MMMM yyyy', 'd MMM yyyy', 'MMMM d yyyy', 'MMM d yyyy', 'EEEE d MMMM yyyy'];

function dateFromText(text: string, ctx: ParseContext): string | undefined {
  const said = text
    .trim()
    .toLowerCase()
    .replace(/\b(le|the|on)\s+/g, '')
    .replace(/(\d+)\s*(er|st|nd|rd|th)\b/g, '$1')
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const relative = relativeDay(normalize(text), ctx);
  if (relative) return relative;
  const reference = new Date(2000, 0, 1);
  const langs = [locales[ctx.lang] ?? enGB, ...Object.values(locales)];
  for (const f of numericFormats) {
    const d = parse(said, f, reference);
    if (isValid(d) && d.getFullYear() > 1900) return toIso(d);
  }
  for (const locale of langs) {
    for (const f of wordFormats) {
      const d = parse(said, f, reference, { locale });
      if (isValid(d) && d.getFullYear() > 1900) return toIso(d);
    }
  }
  return undefined;
}

function relativeDay(said: string, ctx: ParseContext): string | undefined {
  if (words(ctx.lexicon.answers.today).includes(said)) return ctx.today;
  if (words(ctx.lexicon.answers.yesterday).includes(said)) return plusDays(ctx.today, -1);
  return undefined;
}

function numberFromText(text: string): number | undefined {
  const m = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .match(/^-?\d+(?:[.,]\d+)?/);
  if (!m) return undefined;
  const n = Number(m[0].replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The text key of an option's label: its own question's, or, when the options are procedures (triage), each
 * procedure's.
 */
export const optionLabelKey = (
  input: Extract<QuestionInput, { kind: 'choice' }>,
  procedure: string,
  node: string,
  option: string,
): string =>
  input.procedures && option !== 'other'
    ? `${option}:triage.option`
    : `${procedure}:questions.${node}.options.${option}`;
