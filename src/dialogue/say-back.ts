import type { Content } from '../content/load';
import { formatDate, formatEuros, formatMonth, formatNumber } from '../format';
import type { Translate } from '../i18n';
import { intlLocale } from '../languages';
import { countryName } from '../understanding/country-names';
import type { NumberUnit } from '../understanding/numbers';
import { optionLabelKey } from './answers';
import type { Question } from './engine';

export interface SayContext {
  t: Translate;
  lang: string;
  procedure: string;
  node: string;
  content: Content;
}

/** A number in words of its unit: "1 500 € per month", "18 months", "54 m²". */
function sayNumber(n: number, unit: NumberUnit | undefined, ctx: Pick<SayContext, 't' | 'lang' | 'content'>): string {
  switch (unit) {
    case 'eur-month':
      return ctx.t('common:understood.eur-month', { amount: formatEuros(n, intlLocale(ctx.content, ctx.lang)) });
    case 'eur-year':
      return ctx.t('common:understood.eur-year', { amount: formatEuros(n, intlLocale(ctx.content, ctx.lang)) });
    case 'years':
      // "1.5 years" is said as years and months, as people say it
      return Number.isInteger(n)
        ? ctx.t('common:understood.years', { count: n })
        : sayYearsMonths(Math.round(n * 12), ctx);
    case 'months':
      return ctx.t('common:understood.months', { count: n });
    case 'm2':
      return ctx.t('common:understood.m2', { value: formatNumber(n, intlLocale(ctx.content, ctx.lang)) });
    default:
      return formatNumber(n, intlLocale(ctx.content, ctx.lang));
  }
}

/**
 * What was understood, said back in the session's language: the option's label, the date in full, the
 * amount with its period, the country's name, the town with its department. `null` is "I don't know".
 */
export function sayBack(q: Question, value: unknown, ctx: SayContext, given?: { value: number; unit: string }): string {
  if (value === null || value === undefined) return ctx.t('common:dont-know');
  const i = q.input;
  // choices, dates, countries, towns and texts are strings; anything else is said as it was given
  const str = typeof value === 'string' ? value : JSON.stringify(value);
  const text = (() => {
    switch (i.kind) {
      case 'yesno':
        return ctx.t(value ? 'common:yes' : 'common:no');
      case 'choice':
        return ctx.t(optionLabelKey(i, ctx.procedure, ctx.node, str));
      case 'date':
        return formatDate(str, intlLocale(ctx.content, ctx.lang));
      case 'number':
        return sayNumber(Number(value), i.unit, ctx);
      case 'numbers': {
        const list = value as number[];
        return list.length === 0
          ? ctx.t('common:none')
          : ctx.t('common:understood.ages', { list: list.join(', '), count: list.at(-1) });
      }
      case 'country':
        return countryName(str, ctx.lang);
      case 'commune': {
        const c = ctx.content.communes.byInsee(str);
        return c ? `${c.name} (${c.department})` : ctx.t('common:commune-unknown');
      }
      case 'text':
        return str;
    }
  })();
  if (!given) return text;
  return ctx.t('common:understood.converted', { value: text, given: sayGiven(given, ctx) });
}

/**
 * What the person wrote, beside the value worked out from it: a figure in its unit ("18 months"), a calendar
 * year ("2019") or a month of one ("March 2019", as year × 12 + month − 1), years and months together ("3 years
 * and 8 months", in months), an amount a week, a fortnight or a quarter ("700 € per week", made a month's).
 */
function sayGiven(given: { value: number; unit: string }, ctx: Pick<SayContext, 't' | 'lang' | 'content'>): string {
  if (given.unit === 'year') return String(given.value);
  if (given.unit === 'month-year')
    return formatMonth(Math.floor(given.value / 12), (given.value % 12) + 1, intlLocale(ctx.content, ctx.lang));
  if (given.unit === 'years-months') return sayYearsMonths(given.value, ctx);
  if (given.unit === 'eur-week' || given.unit === 'eur-fortnight' || given.unit === 'eur-quarter')
    return ctx.t(`common:understood.${given.unit}`, {
      amount: formatEuros(given.value, intlLocale(ctx.content, ctx.lang)),
    });
  return sayNumber(given.value, given.unit as NumberUnit, ctx);
}

/** A number of months as years and months: "3 years and 8 months", "18 mois" as "1 an et 6 mois". */
function sayYearsMonths(total: number, ctx: Pick<SayContext, 't' | 'lang' | 'content'>): string {
  const [years, months] = [Math.floor(total / 12), total % 12];
  const parts = [
    ...(years ? [ctx.t('common:understood.years', { count: years })] : []),
    ...(months || !years ? [ctx.t('common:understood.months', { count: months })] : []),
  ];
  return new Intl.ListFormat(ctx.lang, { type: 'conjunction' }).format(parts);
}
