/** Arabic-Indic and Persian digits as ASCII digits: "١٢/٠٣/٢٠٢٦" reads as "12/03/2026". */
export const asciiDigits = (s: string): string =>
  s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));

/** Lower case, no accents, no punctuation at the ends, single spaces: what people type is compared in this form. */
export function normalize(s: string): string {
  return (
    asciiDigits(s)
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
