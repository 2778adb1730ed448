import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { normalize } from '../text';
import { ContentError } from './errors';

/**
 * The housing zone of every commune (content/data/zonage-abc-2024-07-05.csv), read once, searched by name or INSEE
 * code.
 */

export const zones = ['Abis', 'A', 'B1', 'B2', 'C'] as const;
export type Zone = (typeof zones)[number];

export interface Commune {
  code: string;
  department: string;
  name: string;
  zone: Zone;
}

const ZONING_FILE = 'zonage-abc-2024-07-05.csv';
/** The date the zoning in the file came into force: said with every zone given. */
export const ZONING_DATE = '2024-07-05';

const row = z.object({
  code: z.string().regex(/^(\d{5}|2[AB]\d{3})$/),
  department: z.string().min(2).max(3),
  name: z.string().min(1),
  zone: z.enum(zones),
});

export class Communes {
  private readonly byCode = new Map<string, Commune>();
  private readonly byName = new Map<string, Commune[]>();

  constructor(rows: Commune[]) {
    for (const c of rows) {
      this.byCode.set(c.code, c);
      const key = nameKey(c.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), c]);
    }
  }

  get size() {
    return this.byCode.size;
  }

  byInsee(code: string): Commune | undefined {
    return this.byCode.get(code.toUpperCase());
  }

  /** Communes of this name ("saint denis" finds "Saint-Denis"), in one of these departments when any are given. */
  named(name: string, departments?: readonly string[]): Commune[] {
    const all = this.byName.get(nameKey(name)) ?? [];
    return departments ? all.filter((c) => departments.includes(c.department.toUpperCase())) : all;
  }
}

/** Names compared without accents, case, hyphens or apostrophes: "saint denis" finds "Saint-Denis". */
const nameKey = (s: string) =>
  normalize(s.replace(/[-’']/g, ' '))
    .replace(/^(l|la|le|les)\s+/, '')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte');

export function loadCommunes(contentDir: string): Communes {
  const file = path.join(contentDir, 'data', ZONING_FILE);
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
  const rows = lines.slice(1).map((line, i) => {
    const [code, , department, name, zone] = line.split(';');
    const parsed = row.safeParse({ code, department, name, zone });
    if (!parsed.success) throw new ContentError(`${ZONING_FILE} line ${i + 2}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
  return new Communes(rows);
}
