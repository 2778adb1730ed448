import type { DatesLexicon } from '../content/schemas';
import { byIndex, fold, phrases } from './fold';

export type Unit = 'day' | 'week' | 'month' | 'year';
export const UNITS: readonly Unit[] = ['day', 'week', 'month', 'year'];

/** A language's date words, folded once (content/lexicon/<lang>/dates.json). */
export interface DateWords {
  chrono: string | null;
  months: [number, string[][]][];
  weekdays: [number, string[][]][];
  today: string[][];
  yesterday: string[][];
  dayBeforeYesterday: string[][];
  tomorrow: string[][];
  dayAfterTomorrow: string[][];
  agoBefore: string[][];
  agoAfter: string[][];
  aheadBefore: string[][];
  aheadAfter: string[][];
  units: Record<Unit, string[][]>;
  dual: Record<Unit, string[][]>;
  single: Record<Unit, string[][]>;
  last: string[][];
  next: string[][];
  half: string[][];
  about: string[][];
  /** folded ordinal phrase -> day, longest phrases first */
  ordinals: [string[], number][];
  ordinalSuffixes: string[];
  dayLeadIns: string[][];
  monthNumberLeadIns: string[][];
  /** words of another calendar ("حمل", "رمضان", "ጳጉሜን", "ብግእዝ"): a date with one is refused */
  otherCalendars: string[][];
  /** another calendar shares the month names and near years: every date is confirmed (Tigrinya) */
  sharedCalendar: boolean;
}

const perUnit = (r: Partial<Record<Unit, string[]>> | undefined): Record<Unit, string[][]> =>
  Object.fromEntries(UNITS.map((u) => [u, phrases(r?.[u])])) as Record<Unit, string[][]>;

/** The date words of a lexicon in the forms the date readers use; the optional lists are empty when absent. */
export function compileDates(d: DatesLexicon): DateWords {
  return {
    chrono: d.chrono,
    months: byIndex(d.months),
    weekdays: byIndex(d.weekdays),
    today: phrases(d.today),
    yesterday: phrases(d.yesterday),
    dayBeforeYesterday: phrases(d.dayBeforeYesterday),
    tomorrow: phrases(d.tomorrow),
    dayAfterTomorrow: phrases(d.dayAfterTomorrow),
    agoBefore: phrases(d.ago.before),
    agoAfter: phrases(d.ago.after),
    aheadBefore: phrases(d.ahead?.before),
    aheadAfter: phrases(d.ahead?.after),
    units: perUnit(d.units),
    dual: perUnit(d.dual),
    single: perUnit(d.single),
    last: phrases(d.last),
    next: phrases(d.next),
    half: phrases(d.half),
    about: phrases(d.about),
    ordinals: Object.entries(d.ordinals ?? {})
      .map(([k, v]): [string[], number] => [fold(k).split(' '), v])
      .sort((a, b) => b[0].length - a[0].length),
    ordinalSuffixes: (d.ordinalSuffixes ?? []).map(fold),
    dayLeadIns: phrases(d.dayLeadIns),
    monthNumberLeadIns: phrases(d.monthNumberLeadIns),
    otherCalendars: phrases(d.otherCalendars),
    sharedCalendar: d.sharedCalendar ?? false,
  };
}
