import { z } from 'zod';
import { dateOn, inCountryList, numberOn, tableOn } from '../content/parameters';
import { plusMonths, type IsoDate } from '../dates/calendar';
import { MAYOTTE, PARIS } from '../dates/zones';
import { textsOf, statusKey } from './helpers';
import { condition, emptyDecision, type RawAmount, type RawDecision, type RawStep } from './decision';
import type { RuleContext } from './context';

/** OFII return and reintegration aid, mainland and Mayotte: seeds 000 and 001, FACTS.md §1 and §2. */

export const procedureId = 'return-aid';
const { t, step } = textsOf(procedureId);
const date = z.iso.date();

export const territories = ['mainland', 'mayotte'] as const;
export const derogations = ['none', 'channel-crossing', 'uk-readmission'] as const;

export const factsSchema = z
  .object({
    territory: z.enum(territories).describe('Where the person is: mainland France or Mayotte'),
    nationality: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .describe('ISO 3166-1 alpha-2 code; XK for Kosovo'),
    hasOqtf: z.boolean().describe('Subject to an obligation to leave French territory (OQTF)'),
    oqtfNotifiedOn: date.describe('Day the OQTF was notified'),
    validationDate: date.describe('Day OFII validates the request; today when not given'),
    hasReturnBan: z.boolean().describe('The OQTF comes with a ban on returning (IRTF)'),
    threeMonthsResidence: z
      .boolean()
      .describe('At least three consecutive months of residence (in Mayotte, in Mayotte)'),
    receivedBefore: z.boolean().describe('Already received return or reintegration aid'),
    adults: z
      .number()
      .int()
      .min(1)
      .max(30)
      .meta({ unit: 'count' })
      .describe('Adults leaving together, the applicant included'),
    minors: z.number().int().min(0).max(30).meta({ unit: 'count' }).describe('Minor children leaving with them'),
    hasTravelDocument: z.boolean().describe('Has a travel document (or will obtain it)'),
    derogation: z.enum(derogations).describe('Channel-crossing derogation, UK readmission, or none'),
  })
  .partial()
  .strict();
export type ReturnAidFacts = z.infer<typeof factsSchema>;

export type Group = 'visa-exempt' | 'other' | 'uncertain';

const isMayotte = (f: ReturnAidFacts) => f.territory === 'mayotte';
/** The person's calendar: Mayotte's for a return from Mayotte. */
export const timeZone = (f: ReturnAidFacts) => (isMayotte(f) ? MAYOTTE : PARIS);
/** Parameters and lists differ by territory: Mayotte's have their own ids. */
const param = (f: ReturnAidFacts, id: string) => (isMayotte(f) ? `mayotte-${id}` : id);
const validationOf = (f: ReturnAidFacts, ctx: RuleContext): IsoDate => f.validationDate ?? ctx.asOf;

/** Which exclusion list a nationality falls in on a date, if any. */
export function exclusionOf(f: ReturnAidFacts, ctx: RuleContext): string | undefined {
  if (!f.nationality) return undefined;
  const on = validationOf(f, ctx);
  const lists = [
    'eu',
    'eea-non-eu',
    'return-aid-excluded-microstates',
    ...(isMayotte(f) ? ['return-aid-excluded-mayotte'] : []),
  ];
  return lists.find((l) => inCountryList(ctx.content, l, f.nationality!, on));
}
export const isExcluded = (f: ReturnAidFacts, ctx: RuleContext) => exclusionOf(f, ctx) !== undefined;

/**
 * The amount group. Mainland: Annex II visa-exempt countries, Belarus and Kosovo, against all others.
 * Mayotte: Belarus is named; whether the Schengen visa list applies to Mayotte is not known, so an
 * Annex II nationality there is 'uncertain' and OFII decides.
 */
export function groupOf(f: ReturnAidFacts, ctx: RuleContext): Group | undefined {
  if (!f.nationality || !f.territory) return undefined;
  const on = validationOf(f, ctx);
  const has = (list: string) => inCountryList(ctx.content, list, f.nationality!, on);
  if (isMayotte(f))
    return has('return-aid-visa-exempt-like-mayotte') ? 'visa-exempt' : has('visa-exempt') ? 'uncertain' : 'other';
  return has('visa-exempt') || has('return-aid-visa-exempt-like-mainland') ? 'visa-exempt' : 'other';
}

/** The return ban (IRTF) matters only for the visa-exempt group. */
export const needsReturnBan = (f: ReturnAidFacts, ctx: RuleContext) =>
  ['visa-exempt', 'uncertain'].includes(groupOf(f, ctx) ?? '');

/** Whether the incentive allowance can be paid at all (visa-exempt nationals need an IRTF). */
export const allowanceAvailable = (f: ReturnAidFacts, ctx: RuleContext) =>
  groupOf(f, ctx) === 'other' || f.hasReturnBan === true;

/** The derogating caps exist on the mainland from the arrêté of 27 November 2025, and matter only if an allowance is paid. */
export const derogationRelevant = (f: ReturnAidFacts, ctx: RuleContext) =>
  !isMayotte(f) &&
  allowanceAvailable(f, ctx) &&
  numberOn(ctx.content, 'return-aid-derogation-cap-base', validationOf(f, ctx)) !== undefined;

/** Household size matters for the allowance and the reintegration aid; without either it is not asked. */
export const householdNeeded = (f: ReturnAidFacts, ctx: RuleContext) => allowanceAvailable(f, ctx);

/** From when the phase is counted: the notification, or in Mayotte the arrêté's entry into force if later. */
function phaseStart(f: ReturnAidFacts, ctx: RuleContext): IsoDate | undefined {
  if (!f.oqtfNotifiedOn) return undefined;
  if (!isMayotte(f)) return f.oqtfNotifiedOn;
  const inForce = dateOn(ctx.content, 'mayotte-return-aid-in-force', validationOf(f, ctx))?.value;
  return inForce && inForce > f.oqtfNotifiedOn ? inForce : f.oqtfNotifiedOn;
}

export interface Phase {
  phase: 1 | 2 | 3;
  from: IsoDate;
  /** the validation date falls on a boundary day, whose phase the texts do not settle */
  boundary: boolean;
}

/** Phase 1: the first month; 2: months 2 to 4; 3: beyond. Calendar months; a boundary day counts in the earlier phase, flagged. */
export function phaseOf(f: ReturnAidFacts, ctx: RuleContext): Phase | undefined {
  const from = phaseStart(f, ctx);
  if (!from) return undefined;
  const on = validationOf(f, ctx);
  const m1 = numberOn(ctx.content, 'return-aid-phase-1-months', on)?.value;
  const m2 = numberOn(ctx.content, 'return-aid-phase-2-months', on)?.value;
  if (m1 === undefined || m2 === undefined) return undefined;
  const end1 = plusMonths(from, m1);
  const end2 = plusMonths(from, m2);
  const phase = on <= end1 ? 1 : on <= end2 ? 2 : 3;
  return { phase, from, boundary: on === end1 || on === end2 };
}

/** Visa-exempt group: no reintegration aid when the OQTF was notified more than N months before validation. */
export function withinReinsertionLimit(f: ReturnAidFacts, ctx: RuleContext): boolean | undefined {
  const from = phaseStart(f, ctx);
  const months = numberOn(ctx.content, param(f, 'return-aid-reinsertion-oqtf-max-months'), validationOf(f, ctx))?.value;
  if (!from || months === undefined) return undefined;
  return validationOf(f, ctx) <= plusMonths(from, months);
}

const art1 = (f: ReturnAidFacts) => (isMayotte(f) ? 'arrete-2025-12-03-mayotte-art1' : 'arrete-2023-10-09-art1');
const art3 = (f: ReturnAidFacts) => (isMayotte(f) ? 'arrete-2025-12-03-mayotte-art3' : 'arrete-2023-10-09-art3');

export function evaluate(f: ReturnAidFacts, ctx: RuleContext): RawDecision {
  const d = emptyDecision(procedureId, ctx.asOf, 'incomplete');
  d.extraReferences.push('service-public-f33974', 'ceseda-l711-1');
  if (!f.territory) return d;
  const on = validationOf(f, ctx);
  const ref3 = art3(f);

  // Nationality: excluded groups are told at once.
  const exclusion = exclusionOf(f, ctx);
  const notExcluded = f.nationality === undefined ? undefined : exclusion === undefined;
  d.conditions.push(
    condition(
      'nationality-not-excluded',
      notExcluded,
      ref3,
      t(`conditions.nationality-not-excluded.${exclusion ?? statusKey(notExcluded)}`),
    ),
  );
  if (notExcluded === false) return ineligible(d);
  if (notExcluded === undefined) return d;

  const once = f.receivedBefore === undefined ? undefined : !f.receivedBefore;
  d.conditions.push(
    condition('not-received-before', once, ref3, t(`conditions.not-received-before.${statusKey(once)}`)),
  );
  if (once === false) return ineligible(d);

  const agreementDate = dateOn(ctx.content, 'return-aid-agreement-signed-before', on)?.value;
  d.conditions.push(
    condition('oqtf-at-departure', f.hasOqtf, ref3, t(`conditions.oqtf-at-departure.${statusKey(f.hasOqtf)}`)),
  );
  if (f.hasOqtf === false) {
    if (isMayotte(f)) return ineligible(d);
    d.status = 'refer';
    d.referral = {
      to: 'ofii',
      reason: t('referral.no-oqtf', agreementDate ? { date: { date: agreementDate } } : { date: '—' }),
    };
    d.nextSteps.push(step('contact-ofii', 'ceseda-l711-1'));
    return d;
  }
  if (once === undefined || f.hasOqtf === undefined || !f.oqtfNotifiedOn) return d;

  if (on < f.oqtfNotifiedOn) {
    d.conditions.push(
      condition('validation-after-notification', false, ref3, t('conditions.validation-after-notification.not-met')),
    );
    return d;
  }
  const base = tableOn(ctx.content, param(f, 'return-aid-incentive-base'), on);
  const phase = phaseOf(f, ctx);
  if (!base || !phase) {
    d.status = 'refer';
    d.referral = { to: 'ofii', reason: t('referral.no-rule-for-date', { date: { date: on } }) };
    return d;
  }

  const group = groupOf(f, ctx)!;
  if (group === 'uncertain') {
    d.status = 'refer';
    d.referral = { to: 'ofii', reason: t('referral.mayotte-visa-list') };
    d.nextSteps.push(step('what-return-aid-includes', art1(f)), step('contact-ofii', 'ceseda-l711-1'));
    return d;
  }
  if (group === 'visa-exempt') {
    d.conditions.push(
      condition('return-ban', f.hasReturnBan, ref3, t(`conditions.return-ban.${statusKey(f.hasReturnBan)}`)),
    );
    const within = withinReinsertionLimit(f, ctx);
    const months = numberOn(ctx.content, param(f, 'return-aid-reinsertion-oqtf-max-months'), on)?.value ?? '?';
    d.conditions.push(
      condition(
        'reinsertion-time-limit',
        within,
        ref3,
        t(`conditions.reinsertion-time-limit.${statusKey(within)}`, { months }),
      ),
    );
  }

  const residenceMonths = numberOn(ctx.content, param(f, 'return-aid-minimum-residence-months'), on)?.value ?? '?';
  d.conditions.push(
    condition(
      'minimum-residence',
      f.threeMonthsResidence,
      ref3,
      t(`conditions.minimum-residence.${statusKey(f.threeMonthsResidence)}${isMayotte(f) ? '-mayotte' : ''}`, {
        months: residenceMonths,
      }),
    ),
  );
  if (f.threeMonthsResidence === false) {
    d.status = 'refer';
    d.referral = { to: 'ofii', reason: t('referral.exceptional-circumstances', { months: residenceMonths }) };
    d.nextSteps.push(step('contact-ofii', 'ceseda-l711-1'));
    return d;
  }

  const allowance = allowanceAvailable(f, ctx);
  const reinsertion = allowance && (group === 'other' || withinReinsertionLimit(f, ctx) === true);
  const amounts = computeAmounts(f, ctx, { group, phase, allowance, reinsertion, on });
  d.amounts.push(...amounts.list);
  d.conditions.push(...amounts.conditions);
  d.notices.push(...notices(f, ctx, phase, allowance, on));
  d.nextSteps.push(
    step('what-return-aid-includes', art1(f)),
    step('voluntary-return', 'service-public-f33974'),
    ...(reinsertion
      ? [step('reinsertion-levels', isMayotte(f) ? 'arrete-2025-12-03-mayotte-art1' : 'arrete-2023-10-09-art2')]
      : []),
    step('apply', 'service-public-f33974'),
    step('contact-ofii', 'ceseda-l711-1'),
  );

  const missing = [
    f.threeMonthsResidence,
    f.hasTravelDocument,
    ...(group === 'visa-exempt' ? [f.hasReturnBan] : []),
    ...(allowance ? [f.adults, f.minors] : []),
  ].some((v) => v === undefined);
  const derogationMissing = derogationRelevant(f, ctx) && f.derogation === undefined;
  d.status = missing || derogationMissing ? 'incomplete' : allowance && reinsertion ? 'eligible' : 'partly-eligible';
  return d;
}

function ineligible(d: RawDecision): RawDecision {
  d.status = 'ineligible';
  return d;
}

interface AmountInput {
  group: 'visa-exempt' | 'other';
  phase: Phase;
  allowance: boolean;
  reinsertion: boolean;
  on: IsoDate;
}

/** The maxima: per person by group and phase (or the derogating caps for adults), the supplement, the social reintegration aid, the total. */
function computeAmounts(f: ReturnAidFacts, ctx: RuleContext, a: AmountInput) {
  const c = ctx.content;
  const list: RawAmount[] = [];
  const conditions: RawDecision['conditions'] = [];
  const base = tableOn(c, param(f, 'return-aid-incentive-base'), a.on)!;
  const increased = tableOn(c, param(f, 'return-aid-incentive-increased'), a.on);
  const key = `${a.group}-${a.phase.phase}`;
  const perPerson = base.value[key] ?? 0;
  const adults = f.adults ?? 1;
  const minors = f.minors ?? 0;
  const phaseValues = { phase: a.phase.phase, from: { date: a.phase.from }, on: { date: a.on } };

  let perAdult = 0;
  let perMinor = 0;
  if (!a.allowance) {
    list.push({
      id: 'incentive-allowance',
      maxEur: 0,
      per: 'person',
      reference: base.period.reference,
      explain: t('amounts.incentive-allowance.no-return-ban'),
    });
  } else {
    const derogation =
      f.derogation && f.derogation !== 'none' && !isMayotte(f)
        ? numberOn(c, 'return-aid-derogation-cap-base', a.on)
        : undefined;
    perAdult = derogation?.value ?? perPerson;
    perMinor = perPerson;
    list.push({
      id: 'incentive-allowance',
      maxEur: perAdult,
      per: 'person',
      reference: derogation?.period.reference ?? base.period.reference,
      explain: derogation
        ? t(`amounts.incentive-allowance.derogation-${f.derogation}`)
        : t(`amounts.incentive-allowance.${a.group}`, phaseValues),
    });
    if (derogation) {
      conditions.push(
        condition(
          'derogation',
          f.derogation === 'uk-readmission' ? true : undefined,
          'arrete-2025-11-27',
          t(`conditions.derogation.${f.derogation}`),
        ),
      );
    }
    if (minors > 0) {
      list.push({
        id: 'incentive-allowance-minor',
        maxEur: perMinor,
        per: 'person',
        reference: base.period.reference,
        explain: t(`amounts.incentive-allowance-minor`, phaseValues),
      });
    }
    const incDerogation = derogation ? numberOn(c, 'return-aid-derogation-cap-increased', a.on) : undefined;
    const increasedPerAdult = incDerogation?.value ?? increased?.value[key];
    if (increasedPerAdult !== undefined) {
      list.push({
        id: 'increased-allowance',
        maxEur: increasedPerAdult,
        per: 'person',
        reference: incDerogation?.period.reference ?? increased!.period.reference,
        explain: t(isMayotte(f) ? 'amounts.increased-allowance.mayotte' : 'amounts.increased-allowance.mainland'),
      });
    }
  }

  const supplement = numberOn(c, param(f, 'return-aid-travel-document-supplement'), a.on);
  if (supplement) {
    list.push({
      id: 'travel-document-supplement',
      maxEur: supplement.value,
      per: 'household',
      reference: supplement.period.reference,
      explain: t(`amounts.travel-document-supplement.${f.hasTravelDocument === false ? 'to-obtain' : 'has'}`),
    });
  }

  let social = 0;
  const socialTable = tableOn(c, param(f, 'return-aid-reinsertion-social'), a.on);
  if (a.reinsertion && socialTable) {
    const s = socialTable.value;
    social = (adults >= 2 ? (s.couple ?? 0) : (s.isolated ?? 0)) + minors * (s['per-minor'] ?? 0);
    list.push({
      id: 'reinsertion-social',
      maxEur: social,
      per: 'household',
      reference: socialTable.period.reference,
      explain: t('amounts.reinsertion-social.explain', {
        isolated: s.isolated ?? 0,
        couple: s.couple ?? 0,
        perMinor: s['per-minor'] ?? 0,
        minors,
      }),
    });
  } else {
    list.push({
      id: 'reinsertion-social',
      maxEur: 0,
      per: 'household',
      reference: art3(f),
      explain: t(`amounts.reinsertion-social.${a.allowance ? 'too-late' : 'no-return-ban'}`),
    });
  }

  const total = adults * perAdult + minors * perMinor + (supplement?.value ?? 0) + social;
  list.push({
    id: 'household-total',
    maxEur: total,
    per: 'household',
    reference: base.period.reference,
    explain: t('amounts.household-total', { adults, minors }),
  });
  return { list, conditions };
}

function notices(f: ReturnAidFacts, ctx: RuleContext, phase: Phase, allowance: boolean, on: IsoDate): RawStep[] {
  const out: RawStep[] = [step('maxima-decided-by-ofii', 'service-public-f33974')];
  if (phase.boundary) out.push(step('phase-boundary', art1(f), { phase: phase.phase, next: phase.phase + 1 }));
  if (allowance && (f.minors ?? 0) > 0) out.push(step('minors-rate-uncertain', 'service-public-f33974'));
  if (allowance && f.derogation && f.derogation !== 'none')
    out.push(step('derogation-adults-only', 'arrete-2025-11-27'));
  if ((f.adults ?? 1) > 2) out.push(step('more-than-two-adults', 'arrete-2023-10-09-art2'));
  if (isMayotte(f))
    out.push(
      step('mayotte-amounts-reported', 'arrete-2025-12-03-mayotte-art1'),
      step('mayotte-visa-list', 'reg-2018-1806-annex-ii'),
    );
  const validationRule = dateOn(ctx.content, 'return-aid-validation-date-from', on);
  if (!isMayotte(f) && validationRule)
    out.push(step('validation-date-rule', 'arrete-2025-11-27', { date: { date: validationRule.value } }));
  return out;
}
