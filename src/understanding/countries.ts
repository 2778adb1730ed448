import { distance } from 'fastest-levenshtein';
import { countryNames, isCountryCode } from './country-names';
import { said, type Said } from './clauses';
import { bare, findPhrase, tokens } from './fold';
import type { Words } from './lexicon';
import { isOneOf } from './yes-no';
import { refuse, sure, unsure, type Reading } from './reading';

/** Drops the words before a country that add nothing ("je viens du", "I'm from", "انا من"), as often as they come. */
function withoutLeadIns(t: string[], w: Words): string[] {
  let rest = t;
  for (let changed = true; changed && rest.length > 1;) {
    changed = false;
    for (const p of w.countries.leadIns) {
      if (p.length < rest.length && findPhrase(rest.slice(0, p.length), p) === 0) {
        rest = rest.slice(p.length);
        changed = true;
        break;
      }
    }
  }
  return rest;
}

/** The names a language knows: the ISO names in it (and in French and English), its aliases and demonyms. */
function lookup(name: string, w: Words, lang: string): string | undefined {
  return (
    w.countries.names.get(name) ??
    countryNames(lang).get(name) ??
    countryNames('fr').get(name) ??
    countryNames('en').get(name)
  );
}

/** A near spelling of one name only ("Marok", "Algerie"): the allowed distance grows with the word. */
function nearest(name: string, w: Words, lang: string): string | undefined {
  const allowed = name.length >= 9 ? 2 : name.length >= 5 ? 1 : 0;
  if (allowed === 0) return undefined;
  const found = new Set<string>();
  let best = allowed + 1;
  for (const map of [w.countries.names, countryNames(lang), countryNames('fr'), countryNames('en')]) {
    for (const [candidate, code] of map) {
      if (Math.abs(candidate.length - name.length) > allowed) continue;
      const d = distance(candidate, name);
      if (d < best) {
        best = d;
        found.clear();
      }
      if (d === best) found.add(code);
    }
  }
  return best <= allowed && found.size === 1 ? [...found][0] : undefined;
}

/** Ge'ez script writes a syllable a letter: a name of two ("ማሊ", "ቻድ") is as long as "mali". */
const ETHIOPIC = /^\p{Script=Ethiopic}+$/u;

/** A country named inside a sentence: its code (several for an ambiguous name), where, and whether as a nationality. */
interface Named {
  codes: string[];
  at: number;
  demonym: boolean;
}

/**
 * The countries named inside a sentence (from word `from` on), longest names first, each word read once ("ivory
 * coast" is not also "coast"). Words of two letters or fewer are never names inside a sentence ("no", "de", "la"),
 * except two Ge'ez syllables.
 */
function namedIn(words: readonly string[], from: number, w: Words, lang: string): Named[] {
  const used = new Set<number>();
  const found: Named[] = [];
  for (let len = Math.min(4, words.length - from); len >= 1; len--) {
    for (let at = from; at + len <= words.length; at++) {
      if (Array.from({ length: len }, (_, k) => at + k).some((k) => used.has(k))) continue;
      const part = words.slice(at, at + len).join(' ');
      const ambiguous = w.countries.ambiguous.get(part);
      // a single word may carry Arabic clitics ("وجزائري": and Algerian)
      const code = ambiguous
        ? undefined
        : part.length >= 3 || (part.length === 2 && ETHIOPIC.test(part))
          ? (lookup(part, w, lang) ?? (len === 1 ? lookup(bare(part), w, lang) : undefined))
          : undefined;
      if (!ambiguous && !code) continue;
      const demonym = !!code && [part, bare(part)].some((p) => w.countries.demonyms.get(p) === code);
      found.push({ codes: ambiguous ?? [code!], at, demonym });
      for (let k = at; k < at + len; k++) used.add(k);
    }
  }
  return found;
}

/** The distinct codes of what was named. */
const codesOf = (named: readonly Named[]) => [...new Set(named.flatMap((n) => n.codes))];

/** The distinct countries a sentence names (for a choice that a country answers: "je suis au Maroc" is abroad). */
export function countriesNamed(text: string, w: Words, lang: string): string[] {
  const t = tokens(text);
  return codesOf(namedIn(t, t.length - withoutLeadIns(t, w).length, w, lang));
}

/**
 * Of several countries in a sentence, the one named as a nationality, confirmed: a demonym after a lead-in ("je
 * suis algérien", "وانا جزائري") or in a clause without a place ("Malian, but born in Ivory Coast"). An ambiguous
 * name that one of the others settles counts as that one ("Sudan darfur"). Two nationalities ("franco-algérienne"),
 * places only, or a demonym beside a place ("kosovo albanian") ask which.
 */
function oneOf(named: readonly Named[], s: Said, w: Words): Reading {
  const single = new Set(named.filter((n) => n.codes.length === 1).flatMap((n) => n.codes));
  const kept = named.filter((n) => n.codes.length === 1 || !n.codes.some((c) => single.has(c)));
  const all = codesOf(kept);
  if (all.length === 1) return unsure(all[0], 'partial');
  if (kept.length === 1) return { kind: 'choose', candidates: all };
  const places = kept.filter((n) => !n.demonym);
  const said = (n: Named) =>
    w.countries.leadIns.some((p) => n.at >= p.length && findPhrase(s.words.slice(n.at - p.length, n.at), p) === 0) ||
    !places.some((p) => s.clause[p.at] === s.clause[n.at]);
  const demonyms = codesOf(kept.filter((n) => n.demonym));
  const nationalities = codesOf(kept.filter((n) => n.demonym && said(n)));
  return demonyms.length === 1 && nationalities.length === 1
    ? unsure(nationalities[0], 'partial')
    : { kind: 'choose', candidates: all };
}

/**
 * A country as people name it: a name in their language (or French or English), a demonym ("marocain",
 * "سوري"), a phrase around it ("je viens du Maroc"). A name that fits several countries (Congo, Guinea)
 * asks which; an ordinary word is never an ISO code ("no", "de"); a code is taken only typed as one (DZ)
 * and confirmed; a near spelling is confirmed; several countries in a sentence are read by oneOf.
 */
export function readCountry(text: string, w: Words, lang: string): Reading {
  const typed = text.trim();
  const t = tokens(text);
  if (/^[A-Z]{2}$/.test(typed) && isCountryCode(typed) && ![w.yes, w.no, w.dontKnow].some((l) => isOneOf(t, l))) {
    return unsure(typed, 'code');
  }
  const rest = withoutLeadIns(t, w);
  const name = rest.join(' ');
  const ambiguous = w.countries.ambiguous.get(name);
  if (ambiguous) return { kind: 'choose', candidates: ambiguous };
  const code = lookup(name, w, lang);
  if (code) return sure(code);
  const s = said(text, w);
  const named = namedIn(s.words, s.words.length - rest.length, w, lang);
  if (named.length > 0) return oneOf(named, s, w);
  const near = nearest(name, w, lang);
  return near ? unsure(near, 'fuzzy') : refuse('invalid-country');
}
