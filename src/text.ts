/** Lower case, no accents, no punctuation at the ends, single spaces: what people type is compared in this form. */
export function normalize(s: string): string {
  return (
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      // elisions split into words, so "l'asile" matches "asile"
      .replace(/[’']/g, ' ')
      .replace(/[^\p{L}\p{N}/.\- ]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[.\-/ ]+|[.\-/ ]+$/g, '')
  );
}
