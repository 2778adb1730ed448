import { distance } from 'fastest-levenshtein';
import { countryNames, isCountryCode } from './country-names';
import { findPhrase, tokens } from './fold';
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

/**
 * A country as people name it: a name in their language (or French or English), a demonym ("marocain",
 * "سوري"), a phrase around it ("je viens du Maroc"). A name that fits several countries (Congo, Guinea)
 * asks which; an ordinary word is never an ISO code ("no", "de"); a code is taken only typed as one (DZ)
 * and confirmed; a near spelling is confirmed.
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
  // a country named inside a longer sentence ("je suis né au Maroc en 1980")
  for (let len = Math.min(4, rest.length - 1); len >= 1; len--) {
    for (let i = 0; i + len <= rest.length; i++) {
      const part = rest.slice(i, i + len).join(' ');
      if (w.countries.ambiguous.has(part)) return { kind: 'choose', candidates: w.countries.ambiguous.get(part)! };
      const inside = part.length >= 3 ? lookup(part, w, lang) : undefined;
      if (inside) return unsure(inside, 'partial');
    }
  }
  const near = nearest(name, w, lang);
  return near ? unsure(near, 'fuzzy') : refuse('invalid-country');
}
