import { z } from 'zod';
import { zones, ZONING_DATE, type Zone } from '../content/communes';
import { inCountryList, numberOn, tableOn } from '../content/parameters';
import { plusMonths, type IsoDate } from '../dates/calendar';
import { MAYOTTE, PARIS } from '../dates/zones';
import type { RuleContext } from './context';
import { textsOf, statusKey } from './helpers';
import { condition, emptyDecision, type Figures, type RawCondition, type RawDecision, type RawStep } from './decision';

/** Family reunification (regroupement familial): seed 002, FACTS.md §3. */

export const procedureId = 'family-reunification';
const { t, step } = textsOf(procedureId);
const date = z.iso.date();

export const permits = [
  'temporary',
  'multi-year',
  'resident',
  'renewal-receipt',
  'passport-talent',
  'ict',
  'retired',
  'seasonal-worker',
  'international-protection',
  'other',
] as const;

export const inseeCode = z.string().regex(/^(\d{5}|2[AB]\d{3})$/);

export const factsSchema = z
  .object({
    nationality: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .describe('ISO 3166-1 alpha-2 code of the applicant'),
    regularStay: z.boolean().describe('The applicant lives in France legally'),
    permit: z.enum(permits).describe("The applicant's residence permit"),
    commune: z
      .union([inseeCode, z.literal('unknown')])
      .describe("INSEE code of the home's commune, or 'unknown' when not given"),
    housingZone: z.enum(zones).describe('Housing zone of the home; derived from commune when not given'),
    permitValidityMonths: z
      .number()
      .min(0)
      .max(240)
      .meta({ unit: 'months' })
      .describe('Total validity of the permit, in months'),
    residenceMonths: z
      .number()
      .min(0)
      .max(1200)
      .meta({ unit: 'months' })
      .describe('Months of regular residence in France'),
    familyAbroad: z.boolean().describe('The family members who would come live abroad'),
    spouseJoining: z.boolean().describe('A spouse would come'),
    spouseAge: z.number().int().min(0).max(120).meta({ unit: 'years' }).describe("The spouse's age"),
    childrenAges: z.array(z.number().int().min(0).max(40)).max(20).describe('Ages of the children who would come'),
    householdSize: z
      .number()
      .int()
      .min(2)
      .max(30)
      .meta({ unit: 'count' })
      .describe('People who will live in the home, the applicant included'),
    housingSurfaceM2: z.number().min(0).max(2000).meta({ unit: 'm2' }).describe('Living area of the home in m²'),
    monthlyResources: z
      .number()
      .min(0)
      .max(1_000_000)
      .meta({ unit: 'eur-month' })
      .describe(
        'Average monthly resources of the applicant and spouse over the 12 months before applying, excluded benefits left out (euros)',
      ),
    applicationDate: date.describe('Day of the application; today when not given'),
    receivesAahOrAsi: z.boolean().describe('The applicant receives the AAH or the ASI'),
    applicantAge: z.number().int().min(0).max(120).meta({ unit: 'years' }).describe("The applicant's age"),
    marriageYears: z.number().min(0).max(100).meta({ unit: 'years' }).describe('Years of marriage'),
  })
  .partial()
  .strict();
export type FamilyFacts = z.infer<typeof factsSchema>;

const num = (ctx: RuleContext, id: string, on: IsoDate) => numberOn(ctx.content, id, on);
const applicationOf = (f: FamilyFacts, ctx: RuleContext) => f.applicationDate ?? ctx.asOf;

/** Procedures that are not this one, with where to go instead. */
export type OtherProcedure = 'eu-citizen' | 'family-reunion' | 'accompanying-family' | 'excluded-permit' | 'irregular';

export function otherProcedure(f: FamilyFacts, ctx: RuleContext): OtherProcedure | undefined {
  const on = applicationOf(f, ctx);
  if (
    f.nationality &&
    (['eu', 'eea-non-eu'].some((l) => inCountryList(ctx.content, l, f.nationality!, on)) || f.nationality === 'CH')
  )
    return 'eu-citizen';
  if (f.regularStay === false) return 'irregular';
  if (f.permit === 'international-protection') return 'family-reunion';
  if (f.permit === 'passport-talent' || f.permit === 'ict') return 'accompanying-family';
  if (f.permit === 'retired' || f.permit === 'seasonal-worker') return 'excluded-permit';
  return undefined;
}

export const isOtherProcedure = (f: FamilyFacts, ctx: RuleContext, which: OtherProcedure) =>
  otherProcedure(f, ctx) === which;
export const isAlgerian = (f: FamilyFacts) => f.nationality === 'DZ';
export const isMayotte = (f: FamilyFacts) => typeof f.commune === 'string' && f.commune.startsWith('976');
/** The person's calendar: Mayotte's for a home in Mayotte. */
export const timeZone = (f: FamilyFacts) => (isMayotte(f) ? MAYOTTE : PARIS);
const mayotte = (f: FamilyFacts, id: string) => (isMayotte(f) ? `mayotte-${id}` : id);

/** Permits that are valid at least a year by nature; a temporary card (or any card in Mayotte, bar the resident card) needs its validity. */
export function needsPermitValidity(f: FamilyFacts): boolean {
  if (f.permit === 'temporary') return true;
  return isMayotte(f) && f.permit === 'multi-year';
}

export function minimumResidenceMonths(f: FamilyFacts, ctx: RuleContext) {
  const on = applicationOf(f, ctx);
  if (isMayotte(f)) return num(ctx, 'mayotte-family-residence-months', on);
  return num(ctx, isAlgerian(f) ? 'family-residence-months-algeria' : 'family-residence-months', on);
}

export function zoneOf(f: FamilyFacts, ctx: RuleContext): Zone | undefined {
  if (f.housingZone) return f.housingZone;
  if (!f.commune || f.commune === 'unknown') return undefined;
  return ctx.content.communes.byInsee(f.commune)?.zone;
}

/** Who may come: the spouse aged 18 or more, the children under 18. */
export function eligibleMembers(f: FamilyFacts, ctx: RuleContext) {
  const on = applicationOf(f, ctx);
  const spouseMin = num(ctx, 'family-spouse-min-age', on)?.value ?? Infinity;
  const childLimit = num(ctx, 'family-child-age-limit', on)?.value ?? 0;
  const spouse = f.spouseJoining === true && f.spouseAge !== undefined && f.spouseAge >= spouseMin;
  const children = (f.childrenAges ?? []).filter((a) => a < childLimit);
  return {
    spouse,
    children,
    adultChildren: (f.childrenAges ?? []).filter((a) => a >= childLimit),
    spouseMin,
    childLimit,
  };
}

/** Nobody the procedure covers would come (a spouse under 18, only adult children, nobody). */
export const nobodyEligible = (f: FamilyFacts, ctx: RuleContext) => {
  const m = eligibleMembers(f, ctx);
  return f.childrenAges !== undefined && !m.spouse && m.children.length === 0;
};

/** Minimum living area for n people in a zone: the base for a household of 2, +10 m² each up to 8, +5 m² each beyond. */
export function minimumSurface(zone: Zone, people: number, ctx: RuleContext, on: IsoDate): number | undefined {
  const base = tableOn(ctx.content, 'family-housing-base-m2', on)?.value[zone];
  const basePersons = num(ctx, 'family-housing-base-persons', on)?.value;
  const extra = num(ctx, 'family-housing-extra-person-m2', on)?.value;
  const step = num(ctx, 'family-housing-step-persons', on)?.value;
  const beyond = num(ctx, 'family-housing-extra-person-beyond-m2', on)?.value;
  if (
    base === undefined ||
    basePersons === undefined ||
    extra === undefined ||
    step === undefined ||
    beyond === undefined
  )
    return undefined;
  const n = Math.max(people, basePersons);
  return base + extra * (Math.min(n, step) - basePersons) + beyond * Math.max(n - step, 0);
}

/** The months whose SMIC is averaged: the 12 calendar months before the month of the application. */
export function resourceWindow(applicationDate: IsoDate, months: number): IsoDate[] {
  const firstOfMonth = `${applicationDate.slice(0, 7)}-01`;
  return Array.from({ length: months }, (_, i) => plusMonths(firstOfMonth, i - months));
}

/** The resource threshold: average gross monthly SMIC over the window, times the household factor (Algerians: the SMIC). */
export function resourceThreshold(
  f: FamilyFacts,
  ctx: RuleContext,
): { threshold: number; smic: number; factor: number } | undefined {
  const on = applicationOf(f, ctx);
  const window = num(ctx, 'family-resource-window-months', on)?.value;
  const factors = tableOn(ctx.content, 'family-resource-factors', on)?.value;
  if (!window || !factors || f.householdSize === undefined) return undefined;
  const values = resourceWindow(on, window).map((m) => num(ctx, 'smic-monthly-gross', m)?.value);
  if (values.some((v) => v === undefined)) return undefined;
  const smic = round2((values as number[]).reduce((a, b) => a + b, 0) / values.length);
  const sizes = Object.keys(factors)
    .map(Number)
    .sort((a, b) => a - b);
  const key = sizes.filter((n) => n <= Math.max(f.householdSize!, sizes[0]!)).pop()!;
  const factor = isAlgerian(f) ? 1 : factors[String(key)]!;
  return { threshold: round2(smic * factor), smic, factor };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export const resourcesMet = (f: FamilyFacts, ctx: RuleContext) => {
  const r = resourceThreshold(f, ctx);
  return r && f.monthlyResources !== undefined ? f.monthlyResources >= r.threshold : undefined;
};

/** Over 65, 25 years of residence, 10 years of marriage, asking for the spouse: the age question matters only then. */
export const exemptionByAgePossible = (f: FamilyFacts, ctx: RuleContext) =>
  eligibleMembers(f, ctx).spouse && f.receivesAahOrAsi === false;

export function exemptionByAge(f: FamilyFacts, ctx: RuleContext): boolean | undefined {
  const on = applicationOf(f, ctx);
  const age = num(ctx, 'family-exemption-age', on)?.value;
  const years = num(ctx, 'family-exemption-residence-years', on)?.value;
  const married = num(ctx, 'family-exemption-marriage-years', on)?.value;
  if (age === undefined || years === undefined || married === undefined) return undefined;
  if (!eligibleMembers(f, ctx).spouse) return false;
  if (f.applicantAge === undefined) return undefined;
  if (f.applicantAge <= age) return false;
  if (f.residenceMonths !== undefined && f.residenceMonths < years * 12) return false;
  if (f.marriageYears === undefined) return undefined;
  return f.marriageYears >= married;
}

/** The age route needs the marriage's length only when the applicant is over the age and has the residence. */
export const marriageYearsNeeded = (f: FamilyFacts, ctx: RuleContext) => {
  const on = applicationOf(f, ctx);
  const age = num(ctx, 'family-exemption-age', on)?.value ?? Infinity;
  const years = num(ctx, 'family-exemption-residence-years', on)?.value ?? Infinity;
  return f.applicantAge !== undefined && f.applicantAge > age && (f.residenceMonths ?? 0) >= years * 12;
};

const figures = (required: number, actual: number | undefined, unit: Figures['unit']): Figures => ({
  required,
  ...(actual !== undefined ? { actual } : {}),
  unit,
  ...(actual !== undefined && actual < required ? { gap: round2(required - actual) } : {}),
});

export function evaluate(f: FamilyFacts, ctx: RuleContext): RawDecision {
  const d = emptyDecision(procedureId, ctx.asOf, 'incomplete');
  d.extraReferences.push('ofii-family-reunification', 'service-public-f11166');
  const on = applicationOf(f, ctx);

  const other = otherProcedure(f, ctx);
  if (other) {
    d.status = 'ineligible';
    d.conditions.push(
      condition(
        'this-procedure',
        false,
        other === 'eu-citizen'
          ? 'service-public-f11166'
          : other === 'irregular'
            ? 'ceseda-l434-2'
            : 'service-public-f11166',
        t(`conditions.this-procedure.${other}`),
      ),
    );
    d.nextSteps.push(step(`instead-${other}`, 'service-public-f11166'));
    return d;
  }
  if (f.nationality === undefined || f.regularStay === undefined || f.permit === undefined) {
    d.conditions.push(
      condition('this-procedure', undefined, 'service-public-f11166', t('conditions.this-procedure.unknown')),
    );
    return d;
  }
  d.conditions.push(condition('this-procedure', true, 'ceseda-l434-2', t('conditions.this-procedure.met')));

  const c: RawCondition[] = [];
  c.push(...permitConditions(f, ctx, on));
  c.push(residenceCondition(f, ctx));
  c.push(
    condition(
      'family-abroad',
      f.familyAbroad,
      'service-public-f11166',
      t(`conditions.family-abroad.${statusKey(f.familyAbroad)}`),
    ),
  );
  c.push(...membersConditions(f, ctx));
  c.push(...housingConditions(f, ctx, on));
  c.push(...resourceConditions(f, ctx));
  d.conditions.push(...c);

  // A spouse under 18 or a child of 18 or more does not stop the others from coming: the request is then partial.
  const notMet = c.filter((x) => x.status === 'not-met' && x.id !== 'children-ages' && x.id !== 'spouse-age');
  const noSmic = c.some((x) => x.id === 'resources' && x.explain.key.endsWith('no-smic'));
  const unknown = c.filter((x) => x.status === 'unknown' && x.id !== 'housing-decency');
  if (f.permit === 'other') {
    d.status = 'refer';
    d.referral = { to: 'ofii', reason: t('referral.permit-other') };
  } else if (noSmic && notMet.length === 0) {
    d.status = 'refer';
    d.referral = { to: 'prefecture', reason: t('referral.no-smic') };
  } else if (f.familyAbroad === false) {
    d.status = 'refer';
    d.referral = { to: 'prefecture', reason: t('referral.family-in-france') };
  } else if (notMet.length > 0) {
    d.status = 'ineligible';
    if (notMet.length === 1) d.notices.push(onlyOneMissing(notMet[0]!));
  } else if (unknown.length > 0) {
    d.status = 'incomplete';
  } else {
    d.status =
      eligibleMembers(f, ctx).adultChildren.length > 0 || (f.spouseJoining && !eligibleMembers(f, ctx).spouse)
        ? 'partly-eligible'
        : 'eligible';
  }

  d.notices.push(...familyNotices(f, ctx));
  const months = num(ctx, 'family-prefect-decision-months', on)?.value ?? '?';
  d.nextSteps.push(
    step('documents', 'ofii-family-reunification'),
    step('form', 'ofii-family-reunification'),
    step('send-to-ofii', 'ofii-family-reunification'),
    step('completeness-check', 'ofii-family-reunification'),
    step('housing-inspection', 'ofii-family-reunification'),
    step('prefect-decision', 'ceseda-r434-26', { months }),
  );
  return d;
}

function permitConditions(f: FamilyFacts, ctx: RuleContext, on: IsoDate): RawCondition[] {
  if (f.permit === 'other') return [condition('permit', undefined, 'ceseda-r434-1', t('conditions.permit.other'))];
  if (!needsPermitValidity(f)) return [condition('permit', true, 'ceseda-r434-1', t(`conditions.permit.${f.permit}`))];
  const min = num(ctx, mayotte(f, 'family-permit-min-validity-months'), on);
  if (!min) return [condition('permit', undefined, 'ceseda-r434-1', t('conditions.permit.unknown'))];
  const met = f.permitValidityMonths === undefined ? undefined : f.permitValidityMonths >= min.value;
  return [
    {
      ...condition(
        'permit',
        met,
        min.period.reference,
        t(`conditions.permit.validity-${statusKey(met)}`, { months: min.value }),
      ),
      figures: figures(min.value, f.permitValidityMonths, 'months'),
    },
  ];
}

function residenceCondition(f: FamilyFacts, ctx: RuleContext): RawCondition {
  const min = minimumResidenceMonths(f, ctx);
  const ref = min?.period.reference ?? 'ceseda-l434-2';
  if (!min)
    return condition('residence-duration', undefined, ref, t('conditions.residence-duration.unknown', { months: '?' }));
  const met = f.residenceMonths === undefined ? undefined : f.residenceMonths >= min.value;
  const variant = isMayotte(f) ? 'mayotte' : isAlgerian(f) ? 'algeria' : 'general';
  const from =
    f.residenceMonths !== undefined && !met
      ? plusMonths(applicationOf(f, ctx), min.value - f.residenceMonths)
      : undefined;
  return {
    ...condition(
      'residence-duration',
      met,
      ref,
      t(`conditions.residence-duration.${statusKey(met)}-${variant}`, {
        months: min.value,
        ...(from ? { from: { date: from } } : {}),
      }),
    ),
    figures: figures(min.value, f.residenceMonths, 'months'),
  };
}

function membersConditions(f: FamilyFacts, ctx: RuleContext): RawCondition[] {
  const m = eligibleMembers(f, ctx);
  const out: RawCondition[] = [];
  if (f.spouseJoining) {
    const met = f.spouseAge === undefined ? undefined : m.spouse;
    out.push({
      ...condition(
        'spouse-age',
        met,
        'ceseda-l434-2',
        t(`conditions.spouse-age.${statusKey(met)}`, { age: m.spouseMin }),
      ),
      figures: figures(m.spouseMin, f.spouseAge, 'years'),
    });
  }
  if (f.childrenAges !== undefined && f.childrenAges.length > 0) {
    const allMinor = m.adultChildren.length === 0;
    out.push(
      condition(
        'children-ages',
        allMinor,
        'ceseda-l434-2',
        t(`conditions.children-ages.${allMinor ? 'met' : 'not-met'}`, {
          age: m.childLimit,
          count: m.adultChildren.length,
          minors: m.children.length,
        }),
      ),
    );
  }
  if (f.childrenAges !== undefined && nobodyEligible(f, ctx))
    out.push(condition('someone-eligible', false, 'ceseda-l434-2', t('conditions.someone-eligible.not-met')));
  return out;
}

function housingConditions(f: FamilyFacts, ctx: RuleContext, on: IsoDate): RawCondition[] {
  const zone = zoneOf(f, ctx);
  const out: RawCondition[] = [];
  if (f.householdSize === undefined) {
    out.push(condition('housing-surface', undefined, 'ceseda-r434-5', t('conditions.housing-surface.unknown-size')));
  } else if (!zone) {
    // No town given: the figure for every zone, so the person can read theirs.
    const perZone = Object.fromEntries(zones.map((z) => [z, minimumSurface(z, f.householdSize!, ctx, on) ?? '?']));
    out.push(
      condition(
        'housing-surface',
        undefined,
        'ceseda-r434-5',
        t('conditions.housing-surface.every-zone', {
          people: f.householdSize,
          ...perZone,
          zoning: { date: ZONING_DATE },
        }),
      ),
    );
  } else {
    const required = minimumSurface(zone, f.householdSize, ctx, on);
    const met = required === undefined || f.housingSurfaceM2 === undefined ? undefined : f.housingSurfaceM2 >= required;
    const commune = f.commune && f.commune !== 'unknown' ? ctx.content.communes.byInsee(f.commune) : undefined;
    out.push({
      ...condition(
        'housing-surface',
        met,
        'ceseda-r434-5',
        t(`conditions.housing-surface.${statusKey(met)}`, {
          people: f.householdSize,
          zone: zone === 'Abis' ? 'A bis' : zone,
          place: commune ? `${commune.name} (${commune.department})` : '—',
          required: required ?? '?',
          zoning: { date: ZONING_DATE },
        }),
      ),
      ...(required !== undefined ? { figures: figures(required, f.housingSurfaceM2, 'm2') } : {}),
    });
  }
  // Decency is checked by the inspection; the rules cannot know it.
  out.push(condition('housing-decency', undefined, 'ceseda-r434-5', t('conditions.housing-decency.unknown')));
  return out;
}

function resourceConditions(f: FamilyFacts, ctx: RuleContext): RawCondition[] {
  const r = resourceThreshold(f, ctx);
  const exemptAah = f.receivesAahOrAsi === true;
  const exemptAge = exemptionByAge(f, ctx) === true;
  if (exemptAah || exemptAge) {
    const on = applicationOf(f, ctx);
    const values = {
      age: num(ctx, 'family-exemption-age', on)?.value ?? '?',
      years: num(ctx, 'family-exemption-residence-years', on)?.value ?? '?',
      married: num(ctx, 'family-exemption-marriage-years', on)?.value ?? '?',
    };
    return [
      condition(
        'resources',
        true,
        'ceseda-l434-8',
        t(`conditions.resources.exempt-${exemptAah ? 'aah' : 'age'}`, values),
      ),
    ];
  }
  if (!r)
    return [
      condition(
        'resources',
        undefined,
        'ceseda-r434-4',
        t(f.householdSize === undefined ? 'conditions.resources.unknown' : 'conditions.resources.no-smic'),
      ),
    ];
  const met = f.monthlyResources === undefined ? undefined : f.monthlyResources >= r.threshold;
  const variant = isAlgerian(f) ? 'algeria' : 'general';
  return [
    {
      ...condition(
        'resources',
        met,
        isAlgerian(f) ? 'accord-franco-algerien-art4' : 'ceseda-r434-4',
        t(`conditions.resources.${statusKey(met)}-${variant}`, {
          threshold: { eur: r.threshold },
          smic: { eur: r.smic },
          factor: r.factor,
          people: f.householdSize ?? '?',
        }),
      ),
      figures: figures(r.threshold, f.monthlyResources, 'eur'),
    },
  ];
}

/** "Everything is met but this, by this much." */
function onlyOneMissing(c: RawCondition): RawStep {
  const gap = c.figures?.gap;
  return step(`only-one-missing-${c.id}`, c.reference, {
    gap: gap === undefined ? '' : c.figures?.unit === 'eur' ? { eur: gap } : gap,
  });
}

function familyNotices(f: FamilyFacts, ctx: RuleContext): RawStep[] {
  const out: RawStep[] = [
    step('whole-family', 'ceseda-l434-1'),
    step('resources-excluded', 'ceseda-l434-8'),
    step('smic-gross', 'service-public-f11166'),
  ];
  if (isAlgerian(f) || f.nationality === 'MA') out.push(step('kafala', 'ofii-family-reunification'));
  out.push(step('partner-children', 'ceseda-l434-2'));
  if (
    eligibleMembers(f, ctx).adultChildren.length > 0 ||
    (f.spouseJoining && f.spouseAge !== undefined && !eligibleMembers(f, ctx).spouse)
  )
    out.push(step('others-visa', 'ofii-family-reunification'));
  if (!f.commune || f.commune === 'unknown') {
    const on = applicationOf(f, ctx);
    out.push(
      step('mayotte-rules', 'service-public-f11166', {
        months: num(ctx, 'mayotte-family-residence-months', on)?.value ?? '?',
        validity: num(ctx, 'mayotte-family-permit-min-validity-months', on)?.value ?? '?',
      }),
    );
  }
  out.push(step('child-age-at-filing', 'ceseda-l434-2'), step('polygamy', 'service-public-f11166'));
  return out;
}
