import type { Content } from './load';
import { parameterOn } from './parameters';
import type { LegalStatus, ParameterPeriod } from './schemas';

/**
 * The content report for service owners: every legal parameter the rules use, with the status of its
 * figure (CONFIRMED / SECONDARY / UNCONFIRMED), its source, when that source was last read, and when
 * the figure goes stale (its family's review horizon). Pure: the content and a date in, rows out.
 */

interface ParameterReportRow {
  id: string;
  family: string;
  /** the figure in force on the report's date, else the latest one known before it (an estimate), else none */
  value: ParameterPeriod['value'] | null;
  unit: ParameterPeriod['unit'] | null;
  validFrom: string | null;
  validTo: string | null;
  /** a period covers the report's date */
  inForce: boolean;
  status: LegalStatus | null;
  note: string | null;
  source: { reference: string; title: string; url: string; status: LegalStatus } | null;
  /** when the source was last read against this content, or null: not checked */
  lastChecked: string | null;
  /** past this day the bot says "figure known on <date>, it may have changed" */
  reviewBy: string;
  stale: boolean;
  /** whom the bot sends people to for the exact figure (a body of common:bodies) */
  refer: string;
}

export interface ContentReport {
  asOf: string;
  parameters: ParameterReportRow[];
  summary: { parameters: number; stale: number; notInForce: number; notChecked: number } & Record<LegalStatus, number>;
}

/** The period a report shows: the one in force, or the latest before the date, or the first one to come. */
function periodShown(content: Content, id: string, asOf: string): ParameterPeriod | undefined {
  const periods = [...(content.parameters.get(id) ?? [])].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return parameterOn(content, id, asOf) ?? periods.filter((p) => p.validFrom <= asOf).at(-1) ?? periods[0];
}

function row(content: Content, id: string, asOf: string): ParameterReportRow {
  const family = content.families.get(content.familyOf.get(id)!)!;
  const period = periodShown(content, id, asOf);
  const ref = period ? content.references.get(period.reference) : undefined;
  return {
    id,
    family: family.id,
    value: period?.value ?? null,
    unit: period?.unit ?? null,
    validFrom: period?.validFrom ?? null,
    validTo: period?.validTo ?? null,
    inForce: parameterOn(content, id, asOf) !== undefined,
    status: period?.status ?? null,
    note: period?.note ?? null,
    source: ref ? { reference: ref.id, title: ref.title.fr, url: ref.url, status: ref.status } : null,
    lastChecked: ref?.lastChecked ?? null,
    reviewBy: family.reviewBy,
    stale: asOf > family.reviewBy,
    refer: family.refer,
  };
}

export function contentReport(content: Content, asOf: string): ContentReport {
  const parameters = [...content.parameters.keys()].sort().map((id) => row(content, id, asOf));
  const count = (p: (r: ParameterReportRow) => boolean) => parameters.filter(p).length;
  return {
    asOf,
    parameters,
    summary: {
      parameters: parameters.length,
      stale: count((r) => r.stale),
      notInForce: count((r) => !r.inForce),
      notChecked: count((r) => r.lastChecked === null),
      CONFIRMED: count((r) => r.status === 'CONFIRMED'),
      SECONDARY: count((r) => r.status === 'SECONDARY'),
      UNCONFIRMED: count((r) => r.status === 'UNCONFIRMED'),
    },
  };
}

const valueText = (r: ParameterReportRow) =>
  r.value === null ? '—' : typeof r.value === 'object' ? JSON.stringify(r.value) : `${r.value} ${r.unit ?? ''}`.trim();

/** The report as plain text, one block per parameter, what needs attention first (stale, then not in force). */
export function contentReportText(report: ContentReport): string {
  const s = report.summary;
  const order = (r: ParameterReportRow) => (r.stale ? 0 : r.inForce ? 2 : 1);
  const rows = [...report.parameters].sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id));
  const lines = [
    `Content report on ${report.asOf}: ${s.parameters} parameters; ${s.stale} stale, ${s.notInForce} with no figure ` +
      `in force, ${s.notChecked} whose source was not checked; ${s.CONFIRMED} CONFIRMED, ${s.SECONDARY} SECONDARY, ` +
      `${s.UNCONFIRMED} UNCONFIRMED.`,
    '',
  ];
  for (const r of rows) {
    const ended = !r.inForce && r.validTo !== null && r.validTo < report.asOf;
    const flags = [r.stale ? 'STALE' : '', r.inForce ? '' : ended ? 'ENDED' : 'NOT IN FORCE']
      .filter(Boolean)
      .join(', ');
    lines.push(
      `${r.id}${flags ? `  [${flags}]` : ''}`,
      `  value: ${valueText(r)} (${r.validFrom ?? '?'} to ${r.validTo ?? 'open'}), ${r.status ?? 'no figure'}`,
      `  source: ${r.source ? `${r.source.reference} (${r.source.status}) ${r.source.url}` : 'none'}`,
      `  last checked: ${r.lastChecked ?? 'not checked'}; stale after ${r.reviewBy} (family ${r.family}, ` +
        `exact figure from: ${r.refer})`,
    );
    if (r.note) lines.push(`  note: ${r.note}`);
  }
  return lines.join('\n') + '\n';
}
