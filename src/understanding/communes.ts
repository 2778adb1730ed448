import type { Communes } from '../content/communes';
import { refuse, sure, type Reading } from './reading';

/** A town by name (with its department when several share it: those are asked about) or INSEE code. */
export function readCommune(text: string, communes: Communes): Reading {
  const found = communes.search(text);
  if (found.length === 1) return sure(found[0]!.code);
  if (found.length === 0) return refuse('invalid-commune');
  return { kind: 'choose', candidates: found.map((c) => c.code) };
}
