import type { Commune, Communes } from '../content/communes';
import { refuse, sure, unsure, type Reading } from './reading';

/**
 * The departments a number written beside a town's name points to: a department ("93", "974", "2A"), or
 * a postcode, whose first two digits are the department's (three overseas; Corsica's 20 is 2A or 2B).
 */
function departmentsOf(code: string): string[] {
  const c = code.toUpperCase();
  if (!/^\d{5}$/.test(c)) return [c];
  if (c.startsWith('20')) return ['2A', '2B'];
  return [c.startsWith('97') || c.startsWith('98') ? c.slice(0, 3) : c.slice(0, 2)];
}

/** The name and the department written with it: "Montreuil 93", "Saint-Denis (93)", "Montreuil 93100", "93100 X". */
function split(text: string): { name: string; departments?: string[] } {
  const after = text.match(/^(.*?\D)[\s,(]+(\d{5}|\d{2,3}|2[AaBb])\)?[\s.]*$/);
  if (after) return { name: after[1]!, departments: departmentsOf(after[2]!) };
  const before = text.match(/^(\d{5}|\d{2,3})[\s,]+(\D.*)$/);
  if (before) return { name: before[2]!, departments: departmentsOf(before[1]!) };
  return { name: text };
}

/** Towns of this name, in the department given when any of them is there ("Montreuil 94" asks among all Montreuils). */
function lookUp(communes: Communes, name: string, departments?: string[]): Commune[] {
  const inDepartment = departments ? communes.named(name, departments) : [];
  return inDepartment.length > 0 ? inDepartment : communes.named(name);
}

/** A town named at the end or the start of a sentence ("I live in Montreuil 93", "Montreuil, near Paris"). */
function inSentence(communes: Communes, name: string, departments?: string[]): Commune[] {
  const words = name.split(/[\s,;:!?]+/).filter(Boolean);
  for (let k = Math.min(6, words.length - 1); k >= 1; k--)
    for (const part of [words.slice(-k), words.slice(0, k)]) {
      const candidate = part.join(' ');
      if (candidate.replace(/[^\p{L}]/gu, '').length < 3) continue;
      const found = lookUp(communes, candidate, departments);
      if (found.length > 0) return found;
    }
  return [];
}

const reading = (found: Commune[], sureOfIt: boolean): Reading =>
  found.length === 1
    ? sureOfIt
      ? sure(found[0]!.code)
      : unsure(found[0]!.code, 'partial')
    : { kind: 'choose', candidates: found.map((c) => c.code) };

/** Letters of a script other than the Latin one: the towns' names are not read in it. */
const otherScript = (s: string) => [...s].some((ch) => /\p{L}/u.test(ch) && !/\p{Script=Latin}/u.test(ch));

/**
 * A town by its INSEE code or its name, with its department or postcode beside it when several towns
 * share the name (those are asked about); a name found inside a sentence is confirmed. A name written in
 * another script (Arabic: "مونتروي") is refused with a hint to write it in Latin letters: no kept
 * transliteration library brings back the vowels Arabic does not write (docs/understanding.md).
 */
export function readCommune(text: string, communes: Communes): Reading {
  const raw = text.trim();
  const byCode = communes.byInsee(raw);
  if (byCode) return sure(byCode.code);
  const { name, departments } = split(raw);
  const whole = lookUp(communes, name, departments);
  if (whole.length > 0) return reading(whole, true);
  const within = inSentence(communes, name, departments);
  if (within.length > 0) return reading(within, false);
  return refuse(otherScript(raw) ? 'commune-latin-letters' : 'invalid-commune');
}
