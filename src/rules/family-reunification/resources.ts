import { isStale, knownOn, tableOn } from '../../content/parameters';
import { plusMonths, type IsoDate } from '../../dates/calendar';
import type { RuleContext } from '../context';
import { condition, type RawCondition, type RawStep } from '../decision';
import { staleFigureNotice } from '../figures';
import { statusKey } from '../helpers';
import { eligibleMembers, residenceAtFiling } from './eligibility';
import { figures } from './housing';
import { applicationOf, goTo, isAlgerian, isMayotte, num, prefectureOf, round2, t, type FamilyFacts } from './facts';

/**
 * Resources (L434-8, R434-4): the average SMIC of the 12 months before the application's month, times
 * a factor for the household (Algerians: the SMIC). In Mayotte, Mayotte's own SMIC (FACTS.md §6).
 * A SMIC past its review horizon may have been raised since: resources above it are then for the
 * prefecture to judge; resources below it stay below.
 */

const MAINLAND_SMIC = 'smic-monthly-gross';
const seriesOf = (f: FamilyFacts) => (isMayotte(f) ? 'mayotte-smic-monthly-gross' : MAINLAND_SMIC);

/** The months whose SMIC is averaged: the 12 calendar months before the month of the application. */
function resourceWindow(applicationDate: IsoDate, months: number): IsoDate[] {
  const firstOfMonth = `${applicationDate.slice(0, 7)}-01`;
  return Array.from({ length: months }, (_, i) => plusMonths(firstOfMonth, i - months));
}

/** Whether the month of the application changes the threshold: a SMIC change after today's window begins. */
export function applicationDateMatters(f: FamilyFacts, ctx: RuleContext): boolean {
  const months = num(ctx, 'family-resource-window-months', ctx.asOf)?.value;
  if (f.applicationDate !== undefined || !months) return false;
  const start = resourceWindow(ctx.asOf, months)[0]!;
  return (ctx.content.parameters.get(seriesOf(f)) ?? []).some((p) => p.validFrom > start);
}

interface Average {
  smic: number;
  /** a month of the window is past the series' review horizon, or today is */
  stale: boolean;
}

function averageSmic(ctx: RuleContext, series: string, on: IsoDate, months: number): Average | undefined {
  const window = resourceWindow(on, months);
  const values = window.map((m) => num(ctx, series, m)?.value);
  if (values.some((v) => v === undefined)) return undefined;
  const smic = round2((values as number[]).reduce((a, b) => a + b, 0) / values.length);
  return { smic, stale: isStale(ctx.content, series, ctx.asOf) || isStale(ctx.content, series, window.at(-1)!) };
}

export interface Threshold {
  threshold: number;
  smic: number;
  factor: number;
  /** the real threshold may be higher than this one: its SMIC is stale, or Mayotte's whose use is not confirmed */
  mayBeHigher: boolean;
  stale: boolean;
  /** in Mayotte, the threshold on the mainland SMIC, which bounds the real one from above when it is known */
  mainland?: number;
  series: string;
}

/** The resource threshold for the household on the application's date. */
function resourceThreshold(f: FamilyFacts, ctx: RuleContext): Threshold | undefined {
  const on = applicationOf(f, ctx);
  const months = num(ctx, 'family-resource-window-months', on)?.value;
  const factors = tableOn(ctx.content, 'family-resource-factors', on)?.value;
  if (!months || !factors || f.householdSize === undefined) return undefined;
  const sizes = Object.keys(factors)
    .map(Number)
    .sort((a, b) => a - b);
  const key = sizes.filter((n) => n <= Math.max(f.householdSize!, sizes[0]!)).pop()!;
  const factor = isAlgerian(f) ? 1 : factors[String(key)]!;
  const series = seriesOf(f);
  const average = averageSmic(ctx, series, on, months);
  if (!average) return undefined;
  const mainland = isMayotte(f) ? averageSmic(ctx, MAINLAND_SMIC, on, months) : undefined;
  return {
    threshold: round2(average.smic * factor),
    smic: average.smic,
    factor,
    stale: average.stale,
    mayBeHigher: average.stale || isMayotte(f),
    ...(mainland && !mainland.stale ? { mainland: round2(mainland.smic * factor) } : {}),
    series,
  };
}

/** Met, not met, or for the prefecture to judge (above a threshold that may be higher). */
function resourcesStatus(f: FamilyFacts, r: Threshold): boolean | undefined {
  if (f.monthlyResources === undefined) return undefined;
  if (f.monthlyResources < r.threshold) return false;
  if (!r.mayBeHigher) return true;
  // In Mayotte, resources at the mainland threshold are enough whichever SMIC the prefecture applies.
  if (r.mainland !== undefined && f.monthlyResources >= r.mainland) return true;
  return undefined;
}

export const resourcesMet = (f: FamilyFacts, ctx: RuleContext) => {
  const r = resourceThreshold(f, ctx);
  return r ? resourcesStatus(f, r) : undefined;
};

/** The exemption by age: over 65, 25 years of residence, 10 years of marriage, asking for the spouse. */
function exemptionFigures(ctx: RuleContext, f: FamilyFacts) {
  const on = applicationOf(f, ctx);
  const age = num(ctx, 'family-exemption-age', on)?.value;
  const years = num(ctx, 'family-exemption-residence-years', on)?.value;
  const married = num(ctx, 'family-exemption-marriage-years', on)?.value;
  return age === undefined || years === undefined || married === undefined ? undefined : { age, years, married };
}

/** Residence already short of the 25 years rules the age route out: the age is then not asked. */
const residenceRulesOutAge = (f: FamilyFacts, ctx: RuleContext, years: number) => {
  const months = residenceAtFiling(f, ctx);
  return months !== undefined && months < years * 12;
};

/** The age matters only for a spouse who may come, without the AAH or ASI, with residence that may reach 25 years. */
export const exemptionByAgePossible = (f: FamilyFacts, ctx: RuleContext) => {
  const e = exemptionFigures(ctx, f);
  return (
    e !== undefined &&
    eligibleMembers(f, ctx).spouse &&
    f.receivesAahOrAsi === false &&
    !residenceRulesOutAge(f, ctx, e.years)
  );
};

/**
 * "Plus de soixante-cinq ans": an age of 65 in whole years is over 65 every day but the birthday, so
 * it meets the condition (asking the birth date would collect more than the answer needs).
 */
function exemptionByAge(f: FamilyFacts, ctx: RuleContext): boolean | undefined {
  const e = exemptionFigures(ctx, f);
  if (!e) return undefined;
  if (!eligibleMembers(f, ctx).spouse) return false;
  if (residenceRulesOutAge(f, ctx, e.years)) return false;
  if (f.applicantAge === undefined) return undefined;
  if (f.applicantAge < e.age) return false;
  if (f.marriageYears === undefined) return undefined;
  return f.marriageYears >= e.married;
}

/** The age route needs the marriage's length only when the applicant has the age and the residence. */
export const marriageYearsNeeded = (f: FamilyFacts, ctx: RuleContext) => {
  const e = exemptionFigures(ctx, f);
  const months = residenceAtFiling(f, ctx);
  return e !== undefined && f.applicantAge !== undefined && f.applicantAge >= e.age && (months ?? 0) >= e.years * 12;
};

/** The resource condition, and what to know about the SMIC it rests on (Mayotte's, or a stale one). */
export function resourceConditions(
  f: FamilyFacts,
  ctx: RuleContext,
): { conditions: RawCondition[]; notices: RawStep[] } {
  const only = (c: RawCondition) => ({ conditions: [c], notices: [] });
  if (f.receivesAahOrAsi === true)
    return only(condition('resources', true, 'ceseda-l434-8', t('conditions.resources.exempt-aah')));
  const e = exemptionFigures(ctx, f);
  if (e && exemptionByAge(f, ctx) === true)
    return only(condition('resources', true, 'ceseda-l434-8', t('conditions.resources.exempt-age', e)));
  const r = resourceThreshold(f, ctx);
  if (!r) {
    const key = f.householdSize === undefined ? 'unknown' : 'no-smic';
    return only(condition('resources', undefined, 'ceseda-r434-4', t(`conditions.resources.${key}`)));
  }
  const notices = [
    ...(isMayotte(f) ? [goTo(prefectureOf(f), 'mayotte-smic', 'mayotte-smic-2026-01')] : []),
    ...(r.stale ? [staleFigureNotice(ctx, r.series)].filter((n): n is RawStep => !!n) : []),
  ];
  return { conditions: [resourceCondition(f, ctx, r)], notices };
}

function resourceCondition(f: FamilyFacts, ctx: RuleContext, r: Threshold): RawCondition {
  const met = resourcesStatus(f, r);
  const variant = isMayotte(f) ? 'mayotte' : isAlgerian(f) ? 'algeria' : 'general';
  // Resources given, at or above a threshold that may be higher: the prefecture says.
  const key = met === undefined && f.monthlyResources !== undefined ? 'check' : statusKey(met);
  const since = knownOn(ctx.content, r.series, applicationOf(f, ctx));
  return {
    ...condition(
      'resources',
      met,
      isAlgerian(f) ? 'accord-franco-algerien-art4' : 'ceseda-r434-4',
      t(`conditions.resources.${key}-${variant}`, {
        threshold: { eur: r.threshold },
        smic: { eur: r.smic },
        factor: r.factor,
        people: f.householdSize!,
        ...(since ? { since: { date: since } } : {}),
      }),
    ),
    figures: figures(r.threshold, f.monthlyResources, 'eur'),
  };
}

/** The resource condition is for the prefecture to judge (the threshold may be higher than the one known here). */
export const resourcesForThePrefecture = (c: RawCondition) =>
  c.id === 'resources' && c.status === 'unknown' && c.explain.key.includes('.check-');
