import { z } from 'zod';
import { inCountryList, latestNumberOn, numberOn } from '../content/parameters';
import { plusMonths, type IsoDate } from '../dates/calendar';
import type { RuleContext } from './context';
import { textsOf, statusKey } from './helpers';
import { condition, emptyDecision, type RawCondition, type RawDecision, type RawStep } from './decision';

/** CASF L117-3: the ARFS as seed 003 wrote it (2016 to June 2020), today's AVFS (FACTS.md §5). */

export const procedureId = 'elderly-migrant-aid';
const { t, step } = textsOf(procedureId);

export const housings = ['migrant-worker-hostel', 'social-residence', 'other'] as const;

export const factsSchema = z
  .object({
    nationality: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .describe('ISO 3166-1 alpha-2 code'),
    age: z.number().int().min(0).max(130).meta({ unit: 'years' }).describe('Age in years'),
    unfitForWork: z.boolean().describe('Recognised unfit for work (or receiving the AAH)'),
    regularResidenceYears: z
      .number()
      .min(0)
      .max(100)
      .meta({ unit: 'years' })
      .describe('Years of regular and uninterrupted residence in France before the request'),
    livesAlone: z.boolean().describe('Lives alone'),
    firstRequest: z.boolean().describe('This is the first request for the aid'),
    housing: z.enum(housings).describe('Where the person lives'),
    pensionsClaimed: z
      .boolean()
      .describe('Has obtained or asked for every retirement pension due (French, foreign, international)'),
    annualResources: z
      .number()
      .min(0)
      .max(1_000_000)
      .meta({ unit: 'eur-year' })
      .describe("Last year's annual resources (net categorical income), euros"),
    longStaysAbroad: z
      .boolean()
      .describe('ARFS only (before July 2020): stays of more than 6 months a year in the country of origin'),
  })
  .partial()
  .strict();
export type ElderlyFacts = z.infer<typeof factsSchema>;

export type Regime = 'arfs' | 'avfs';

/** Which version of L117-3 holds on a date; before the ARFS was implemented, none. Dates from the references. */
export function regimeOn(ctx: RuleContext, on: IsoDate): Regime | undefined {
  const avfs = ctx.content.references.get('casf-l117-3')!.inForceFrom;
  const arfs = ctx.content.references.get('casf-l117-3-2007')!.inForceFrom;
  return on >= avfs ? 'avfs' : on >= arfs ? 'arfs' : undefined;
}

const num = (ctx: RuleContext, id: string) => numberOn(ctx.content, id, ctx.asOf);

export const isFrench = (f: ElderlyFacts) => f.nationality === 'FR';
const isEea = (f: ElderlyFacts, ctx: RuleContext) =>
  f.nationality !== undefined &&
  (['eu', 'eea-non-eu'].some((l) => inCountryList(ctx.content, l, f.nationality!, ctx.asOf)) || f.nationality === 'CH');

/**
 * Age: 65, or earlier when unfit for work: the legal retirement age (62 to 64 by year of birth) since 2020, 60 in the
 * ARFS.
 */
export function ageCondition(f: ElderlyFacts, ctx: RuleContext): boolean | undefined {
  const min = num(ctx, 'elderly-aid-min-age')?.value;
  const early = num(ctx, 'elderly-aid-early-age-min')?.value;
  const earlyMax = num(ctx, 'elderly-aid-early-age-max')?.value;
  if (f.age === undefined || min === undefined || early === undefined || earlyMax === undefined) return undefined;
  if (f.age >= min) return true;
  if (f.age < early) return false;
  if (f.unfitForWork === undefined) return undefined;
  if (!f.unfitForWork) return false;
  // Between 62 and 64, the legal retirement age depends on the year of birth: the MSA decides.
  return f.age >= earlyMax ? true : undefined;
}

/** Whether being unfit for work would change the answer: asked only between the early age and 65. */
export const unfitForWorkMatters = (f: ElderlyFacts, ctx: RuleContext) => {
  const min = num(ctx, 'elderly-aid-min-age')?.value ?? 0;
  const early = num(ctx, 'elderly-aid-early-age-min')?.value ?? 0;
  return f.age !== undefined && f.age >= early && f.age < min;
};
export const tooYoung = (f: ElderlyFacts, ctx: RuleContext) => ageCondition(f, ctx) === false;

/**
 * Nationals of the EEA and Switzerland: the L262-6 conditions instead of the 15 years (AVFS); excluded under the ARFS.
 */
export const residenceYearsAsked = (f: ElderlyFacts, ctx: RuleContext) => !isEea(f, ctx);
export const residenceShort = (f: ElderlyFacts, ctx: RuleContext) => {
  const years = num(ctx, 'elderly-aid-residence-years')?.value;
  return years !== undefined && f.regularResidenceYears !== undefined && f.regularResidenceYears < years;
};
/** The hostel or social residence is required at every request under the ARFS, at the first one only under the AVFS. */
export const housingRequired = (f: ElderlyFacts, ctx: RuleContext) =>
  regimeOn(ctx, ctx.asOf) === 'arfs' || f.firstRequest === true;

/**
 * AVFS monthly amount: full up to the monthly maximum in annual resources, then linear down to zero at the annual
 * ceiling.
 */
export function avfsMonthly(resources: number, max: number, ceiling: number): number {
  if (resources <= max) return max;
  if (resources >= ceiling) return 0;
  return Math.round(((max * (ceiling - resources)) / (ceiling - max)) * 100) / 100;
}

export function evaluate(f: ElderlyFacts, ctx: RuleContext): RawDecision {
  const d = emptyDecision(procedureId, ctx.asOf, 'incomplete');
  const regime = regimeOn(ctx, ctx.asOf);
  if (!regime) {
    d.status = 'refer';
    d.referral = { to: 'msa-picardie', reason: t('referral.no-rule-for-date', { date: { date: ctx.asOf } }) };
    return d;
  }
  const law = regime === 'avfs' ? 'casf-l117-3' : 'casf-l117-3-2007';
  d.extraReferences.push(law);
  if (regime === 'avfs') {
    d.extraReferences.push('service-public-f36192');
    d.notices.push(
      step('renamed', 'casf-l117-3', { date: { date: ctx.content.references.get('casf-l117-3')!.inForceFrom } }),
    );
  }

  const c: RawCondition[] = [];
  // Nationality: foreigners only; the ARFS also excluded the EU and the EEA.
  const eea = isEea(f, ctx);
  const nationalityOk = f.nationality === undefined ? undefined : !isFrench(f) && !(regime === 'arfs' && eea);
  c.push(
    condition(
      'foreign-national',
      nationalityOk,
      law,
      t(
        `conditions.foreign-national.${nationalityOk === false ? (isFrench(f) ? 'french' : 'eea-arfs') : statusKey(nationalityOk)}`,
      ),
    ),
  );

  const age = ageCondition(f, ctx);
  const values = {
    min: num(ctx, 'elderly-aid-min-age')?.value ?? '?',
    early: num(ctx, 'elderly-aid-early-age-min')?.value ?? '?',
    earlyMax: num(ctx, 'elderly-aid-early-age-max')?.value ?? '?',
  };
  const ageKey = age === undefined && f.unfitForWork === true ? 'between' : statusKey(age);
  c.push(
    condition(
      'age',
      age,
      regime === 'avfs' ? 'service-public-f36192' : law,
      t(`conditions.age.${regime}-${ageKey}`, values),
    ),
  );

  const years = num(ctx, 'elderly-aid-residence-years')?.value ?? '?';
  if (eea && regime === 'avfs') {
    c.push(condition('residence', undefined, 'service-public-f36192', t('conditions.residence.eea')));
  } else {
    const ok =
      f.regularResidenceYears === undefined || typeof years !== 'number' ? undefined : f.regularResidenceYears >= years;
    c.push({
      ...condition('residence', ok, law, t(`conditions.residence.${statusKey(ok)}`, { years })),
      ...(typeof years === 'number'
        ? {
            figures: {
              required: years,
              ...(f.regularResidenceYears !== undefined ? { actual: f.regularResidenceYears } : {}),
              unit: 'years' as const,
            },
          }
        : {}),
    });
  }
  c.push(condition('lives-alone', f.livesAlone, law, t(`conditions.lives-alone.${statusKey(f.livesAlone)}`)));

  if (housingRequired(f, ctx) || f.firstRequest === undefined) {
    const ok = f.housing === undefined ? undefined : f.housing !== 'other';
    c.push(condition('housing', ok, law, t(`conditions.housing.${regime}-${statusKey(ok)}`)));
  } else {
    c.push(condition('housing', true, law, t('conditions.housing.not-first-request')));
  }

  if (regime === 'avfs')
    c.push(
      condition(
        'pensions-claimed',
        f.pensionsClaimed,
        'service-public-f36192',
        t(`conditions.pensions-claimed.${statusKey(f.pensionsClaimed)}`),
      ),
    );
  if (regime === 'arfs') {
    const months = num(ctx, 'arfs-long-stay-months')?.value ?? '?';
    c.push(
      condition(
        'long-stays',
        f.longStaysAbroad,
        'decret-2015-1239',
        t(`conditions.long-stays.${statusKey(f.longStaysAbroad)}`, { months }),
      ),
    );
  }

  const resources = regime === 'avfs' ? avfsResources(f, ctx, d) : arfsResources(f, ctx, d);
  c.push(resources);
  d.conditions.push(...c);

  const notMet = c.some((x) => x.status === 'not-met');
  const unknown = c.some((x) => x.status === 'unknown');
  const referable = c.some(
    (x) => x.status === 'unknown' && ((x.id === 'age' && f.unfitForWork === true) || (x.id === 'residence' && eea)),
  );
  const noFigures = resources.explain.key.endsWith('no-figures');
  if (notMet) d.status = 'ineligible';
  else if (noFigures) {
    d.status = 'refer';
    d.referral = { to: 'msa-picardie', reason: t('referral.no-figures', { date: { date: ctx.asOf } }) };
  } else if (referable) {
    d.status = 'refer';
    d.referral = {
      to: 'msa-picardie',
      reason: t(`referral.${c.find((x) => x.status === 'unknown' && (x.id === 'age' || x.id === 'residence'))!.id}`),
    };
  } else d.status = unknown ? 'incomplete' : 'eligible';

  d.notices.push(
    ...(regime === 'avfs'
      ? avfsNotices(ctx)
      : [step('arfs-history', law, { months: num(ctx, 'arfs-long-stay-months')?.value ?? '?' })]),
  );
  if (regime === 'avfs') d.nextSteps.push(...avfsSteps(ctx));
  else d.nextSteps.push(step('contact-msa', 'service-public-f36192'));
  return d;
}

function avfsResources(f: ElderlyFacts, ctx: RuleContext, d: RawDecision): RawCondition {
  const max = latestNumberOn(ctx.content, 'avfs-monthly-max', ctx.asOf);
  const ceiling = latestNumberOn(ctx.content, 'avfs-annual-ceiling', ctx.asOf);
  if (!max || !ceiling) return condition('resources', undefined, 'casf-r117-19', t('conditions.resources.no-figures'));
  const figuresDate = { date: max.period.validFrom };
  const below = f.annualResources === undefined ? undefined : f.annualResources < ceiling.value;
  const cond: RawCondition = {
    ...condition(
      'resources',
      below,
      ceiling.period.reference,
      t(`conditions.resources.avfs-${statusKey(below)}`, { ceiling: { eur: ceiling.value }, since: figuresDate }),
    ),
    figures: {
      required: ceiling.value,
      ...(f.annualResources !== undefined ? { actual: f.annualResources } : {}),
      unit: 'eur',
    },
  };
  const monthly =
    f.annualResources === undefined ? max.value : avfsMonthly(f.annualResources, max.value, ceiling.value);
  const kind =
    f.annualResources === undefined ? 'maximum' : monthly === max.value ? 'full' : monthly === 0 ? 'zero' : 'reduced';
  d.amounts.push({
    id: 'monthly-aid',
    maxEur: monthly,
    per: 'month',
    reference: max.period.reference,
    explain: t(`amounts.monthly-aid.${kind}`, {
      max: { eur: max.value },
      ceiling: { eur: ceiling.value },
      since: figuresDate,
    }),
  });
  if (max.estimate || ceiling.estimate) d.notices.push(step('estimate', 'casf-r117-19', { since: figuresDate }));
  d.notices.push(step('rounding', 'casf-r117-19'));
  return cond;
}

function arfsResources(f: ElderlyFacts, ctx: RuleContext, d: RawDecision): RawCondition {
  const ceiling = num(ctx, 'arfs-annual-resource-ceiling');
  const min = num(ctx, 'arfs-annual-aid-min');
  const max = num(ctx, 'arfs-annual-aid-max');
  if (!ceiling || !min || !max)
    return condition('resources', undefined, 'decret-2015-1239', t('conditions.resources.no-figures'));
  const below = f.annualResources === undefined ? undefined : f.annualResources < ceiling.value;
  d.amounts.push({
    id: 'annual-aid',
    maxEur: max.value,
    per: 'year',
    reference: max.period.reference,
    explain: t('amounts.annual-aid.arfs', { min: { eur: min.value }, max: { eur: max.value } }),
  });
  return {
    ...condition(
      'resources',
      below,
      ceiling.period.reference,
      t(`conditions.resources.arfs-${statusKey(below)}`, { ceiling: { eur: ceiling.value } }),
    ),
    figures: {
      required: ceiling.value,
      ...(f.annualResources !== undefined ? { actual: f.annualResources } : {}),
      unit: 'eur',
    },
  };
}

function avfsNotices(ctx: RuleContext): RawStep[] {
  const months = num(ctx, 'avfs-existence-certificate-months')?.value ?? '?';
  return [
    step('not-cumulable', 'casf-l117-3'),
    step('not-taxed', 'casf-l117-3'),
    step('stays-abroad', 'service-public-f36192', { months }),
    step('health-cover', 'service-public-f36192', { months }),
  ];
}

function avfsSteps(ctx: RuleContext): RawStep[] {
  const firstPayment = num(ctx, 'avfs-first-payment-months')?.value ?? '?';
  // Entitlement starts on the first day of the month after the request is received: if sent now, next month.
  const starts = plusMonths(`${ctx.asOf.slice(0, 7)}-01`, 1);
  return [
    step('form', 'service-public-f36192'),
    step('send-to-msa', 'service-public-f36192'),
    step('when-it-starts', 'service-public-f36192', { date: { date: starts } }),
    step('payment', 'service-public-f36192', { months: firstPayment }),
    step('yearly-declaration', 'service-public-f36192'),
  ];
}
