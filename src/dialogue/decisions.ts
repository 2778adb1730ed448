import type { Content } from '../content/load';
import { formatDate, formatEuros, formatNumber } from '../format';
import type { Translate } from '../i18n';
import { intlLocale, translationNotice } from '../languages';
import type { Procedure } from '../procedures/registry';
import type { DecisionStatus, Figures, RawDecision, Text } from '../rules/decision';

/**
 * Decisions in words: the rules answer with text keys and values (src/rules stays language-free);
 * here they become sentences in the person's language. The conversation and POST /evaluate both
 * come through decide() in ./messages.
 */

/** The Decision of PROTOCOL.md, in one language. */
export interface Decision {
  procedure: string;
  status: DecisionStatus;
  asOf: string;
  conditions: { id: string; status: string; reference: string; explanation: string; figures?: WrittenFigures }[];
  amounts: {
    id: string;
    maxEur: number;
    /** the amount as the language writes it ("۱٬۲۰۰"): pages show this, not a figure formatted by the browser */
    maxEurText: string;
    per: string;
    reference: string;
    explanation: string;
    /** a maximum only if the named condition (in `conditions`, unknown) is met; never counted in a total */
    conditional?: true;
    condition?: string;
  }[];
  deadlines: {
    id: string;
    /** what is to be done by then, in a few words (calendar entries use it) */
    title: string;
    date: string;
    daysLeft: number;
    passed: boolean;
    reference: string;
    explanation: string;
    /** days left said in words: "3 days left", "today is the last day", "passed on ..." */
    remaining: string;
    lastDayKind: string;
    actBefore?: string;
    /** the day to act by (`actBefore`, else `date`) written in full in the language */
    actBy: string;
    warning?: string;
  }[];
  /** `body`: the body (an id of common:bodies) the step sends the person to */
  nextSteps: { id: string; text: string; reference?: string; body?: string }[];
  notices: { id: string; text: string; reference?: string; body?: string }[];
  referral?: { to: string; name: string; contact: string; reason: string };
  /** `lastChecked`: when the text was last read against this service's content, or null: not checked */
  references: {
    id: string;
    title: string;
    url: string;
    inForceFrom: string;
    status: string;
    note?: string;
    lastChecked: string | null;
  }[];
  lang: string;
  /** the Intl locale its dates and amounts were written with (the Gregorian calendar, the language's digits) */
  locale: string;
  /** set when the language is not French: the French text is the reference */
  translationNotice?: string;
}

/** A text key and its values in words; `locale` is the language's Intl locale (src/languages.ts). */
function say(text: Text, t: Translate, locale: string): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(text.values ?? {}))
    values[k] = typeof v !== 'object' ? v : 'date' in v ? formatDate(v.date, locale) : formatEuros(v.eur, locale);
  return t(text.key, values);
}

/** What a procedure's rules decide on facts and a date, in a language: one path for conversations and evaluate. */
export function decide(
  procedure: Procedure,
  facts: Record<string, unknown>,
  ctx: { content: Content; t: Translate; lang: string; asOf: string },
): Decision {
  const raw = procedure.evaluate(facts, { asOf: ctx.asOf, content: ctx.content });
  return renderDecision(raw, ctx.content, ctx.t, ctx.lang);
}

export function renderDecision(raw: RawDecision, content: Content, t: Translate, lang: string): Decision {
  const locale = intlLocale(content, lang);
  const s = (text: Text) => say(text, t, locale);
  const cited = new Set<string>([
    ...raw.conditions.map((c) => c.reference),
    ...raw.amounts.map((a) => a.reference),
    ...raw.deadlines.map((d) => d.reference),
    ...raw.nextSteps.flatMap((n) => (n.reference ? [n.reference] : [])),
    ...raw.notices.flatMap((n) => (n.reference ? [n.reference] : [])),
    ...raw.extraReferences,
  ]);
  return {
    procedure: raw.procedure,
    status: raw.status,
    asOf: raw.asOf,
    conditions: raw.conditions.map((c) => ({
      id: c.id,
      status: c.status,
      reference: c.reference,
      explanation: s(c.explain),
      ...(c.figures ? { figures: writtenFigures(c.figures, locale) } : {}),
    })),
    amounts: raw.amounts.map((a) => ({
      id: a.id,
      maxEur: a.maxEur,
      maxEurText: formatEuros(a.maxEur, locale),
      per: a.per,
      reference: a.reference,
      explanation: s(a.explain),
      ...(a.conditional ? { conditional: a.conditional, condition: a.condition } : {}),
    })),
    deadlines: raw.deadlines.map((d) => renderDeadline(d, raw.procedure, t, locale)),
    nextSteps: raw.nextSteps.map((n) => ({
      id: n.id,
      text: s(n.text),
      ...(n.reference ? { reference: n.reference } : {}),
      ...(n.body ? { body: n.body } : {}),
    })),
    notices: raw.notices.map((n) => ({
      id: n.id,
      text: s(n.text),
      ...(n.reference ? { reference: n.reference } : {}),
      ...(n.body ? { body: n.body } : {}),
    })),
    ...(raw.referral
      ? {
          referral: {
            to: raw.referral.to,
            name: t(`common:bodies.${raw.referral.to}.name`),
            contact: t(`common:bodies.${raw.referral.to}.contact`),
            reason: s(raw.referral.reason),
          },
        }
      : {}),
    references: [...cited].map((id) => renderReference(id, content, lang)),
    lang,
    locale,
    ...translationNotice(content, t, lang),
  };
}

/**
 * A condition's figures, with each written as the language writes numbers. The server writes them (Node has every
 * locale): a browser's Intl may lack one (Chromium has no Tigrinya or Pashto data and would write English).
 */
interface WrittenFigures extends Figures {
  written: { required: string; actual?: string; gap?: string };
}

function writtenFigures(f: Figures, locale: string): WrittenFigures {
  const write = (n: number) => (f.unit === 'eur' ? formatEuros(n, locale) : formatNumber(n, locale));
  return {
    ...f,
    written: {
      required: write(f.required),
      ...(f.actual !== undefined ? { actual: write(f.actual) } : {}),
      ...(f.gap !== undefined ? { gap: write(f.gap) } : {}),
    },
  };
}

/** A deadline in words: its title, what is left, and a warning when the last day is not a working day. */
function renderDeadline(d: RawDecision['deadlines'][number], procedure: string, t: Translate, locale: string) {
  const kind = d.lastDay.kind;
  const warning =
    kind === 'working'
      ? undefined
      : t(`common:deadline.non-working.${kind}`, {
          date: formatDate(d.date, locale),
          holiday: kind === 'holiday' ? t(`common:holidays.${d.lastDay.holiday}`) : '',
          actBefore: d.actBefore ? formatDate(d.actBefore, locale) : '',
        });
  return {
    id: d.id,
    title: t(`${procedure}:deadline-titles.${d.id}`),
    date: d.date,
    daysLeft: d.daysLeft,
    passed: d.passed,
    reference: d.reference,
    explanation: say(d.explain, t, locale),
    remaining: d.passed
      ? t('common:deadline.passed', { date: formatDate(d.date, locale) })
      : d.daysLeft === 0
        ? t('common:deadline.today')
        : t('common:deadline.days-left', { count: d.daysLeft }),
    lastDayKind: kind,
    ...(d.actBefore ? { actBefore: d.actBefore } : {}),
    actBy: formatDate(d.actBefore ?? d.date, locale),
    ...(warning ? { warning } : {}),
  };
}

/** A reference with its title in the language (French otherwise), and whether and when it was checked. */
function renderReference(id: string, content: Content, lang: string): Decision['references'][number] {
  const ref = content.references.get(id);
  if (!ref) throw new Error(`unknown reference ${id}`);
  return {
    id,
    title: ref.title[lang] ?? ref.title.fr,
    url: ref.url,
    inForceFrom: ref.inForceFrom,
    status: ref.status,
    ...(ref.note ? { note: ref.note } : {}),
    lastChecked: ref.lastChecked ?? null,
  };
}
