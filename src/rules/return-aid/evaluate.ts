import { dateOn, numberOn, tableOn } from '../../content/parameters';
import { minusDays, type IsoDate } from '../../dates/calendar';
import { describeDeadline } from '../../dates/deadlines';
import type { RuleContext } from '../context';
import { condition, emptyDecision, type RawDecision, type RawDeadline, type RawStep } from '../decision';
import { statusKey } from '../helpers';
import { returnAidAmounts, type AmountInput } from './amounts';
import {
  allowanceAvailable,
  derogationRelevant,
  exclusionOf,
  groupOf,
  phaseOf,
  withinReinsertionLimit,
  type Phase,
} from './eligibility';
import {
  articles,
  goTo,
  isMayotte,
  ofiiOf,
  param,
  procedureId,
  step,
  t,
  validationOf,
  type ReturnAidFacts,
} from './facts';

/** The decision: who is excluded at once, then the OQTF and its dates, then the amounts and what to do. */
export function evaluate(f: ReturnAidFacts, ctx: RuleContext): RawDecision {
  const d = emptyDecision(procedureId, ctx.asOf, 'incomplete');
  d.extraReferences.push('service-public-f33974', 'ceseda-l711-1');
  if (!f.territory) return d;
  return beforeTheOqtfDate(f, ctx, d) ?? withTheOqtfDate(f, ctx, d);
}

function ends(d: RawDecision, status: RawDecision['status'], to: string, reason: string, values?: object) {
  d.status = status;
  d.referral = { to, reason: t(`referral.${reason}`, values as Parameters<typeof t>[1]) };
  return d;
}

/** Nationality, aid received before, the OQTF: each can end the conversation, naming whom to see. */
function beforeTheOqtfDate(f: ReturnAidFacts, ctx: RuleContext, d: RawDecision): RawDecision | undefined {
  const who = articles(f).who;
  const exclusion = exclusionOf(f, ctx);
  const notExcluded = f.nationality === undefined ? undefined : exclusion === undefined;
  d.conditions.push(
    condition(
      'nationality-not-excluded',
      notExcluded,
      who,
      t(`conditions.nationality-not-excluded.${exclusion ?? statusKey(notExcluded)}`),
    ),
  );
  if (notExcluded === false) return ends(d, 'ineligible', 'point-justice', 'excluded');
  if (notExcluded === undefined) return d;

  const once = f.receivedBefore === undefined ? undefined : !f.receivedBefore;
  d.conditions.push(
    condition('not-received-before', once, who, t(`conditions.not-received-before.${statusKey(once)}`)),
  );
  if (once === false) return ends(d, 'ineligible', ofiiOf(f), 'already-received');

  d.conditions.push(
    condition('oqtf-at-departure', f.hasOqtf, who, t(`conditions.oqtf-at-departure.${statusKey(f.hasOqtf)}`)),
  );
  if (f.hasOqtf === false) return withoutOqtf(f, ctx, d);
  if (once === undefined || f.hasOqtf === undefined || !f.oqtfNotifiedOn) return d;
  return undefined;
}

/** Mainland: only nationals of a country with an agreement signed before a date; Mayotte: no other route. */
function withoutOqtf(f: ReturnAidFacts, ctx: RuleContext, d: RawDecision): RawDecision {
  if (isMayotte(f)) return ends(d, 'ineligible', 'point-justice', 'no-oqtf-mayotte');
  const on = validationOf(f, ctx);
  if (!tableOn(ctx.content, 'return-aid-incentive-base', on))
    return ends(d, 'refer', 'ofii', 'no-rule-for-date', { date: { date: on } });
  const agreementDate = dateOn(ctx.content, 'return-aid-agreement-signed-before', on)?.value;
  d.nextSteps.push(goTo('ofii', 'contact-ofii', 'ceseda-l711-1'));
  return agreementDate
    ? ends(d, 'refer', 'ofii', 'no-oqtf', { date: { date: agreementDate } })
    : ends(d, 'refer', 'ofii', 'no-oqtf-agreement');
}

/** The figures the rules need on the validation date; all or none. */
function figuresOn(f: ReturnAidFacts, ctx: RuleContext, on: IsoDate) {
  const residence = numberOn(ctx.content, param(f, 'return-aid-minimum-residence-months'), on)?.value;
  const limit = numberOn(ctx.content, param(f, 'return-aid-reinsertion-oqtf-max-months'), on)?.value;
  const base = tableOn(ctx.content, param(f, 'return-aid-incentive-base'), on);
  const phase = phaseOf(f, ctx);
  return residence === undefined || limit === undefined || !base || !phase
    ? undefined
    : { residence, limit, base: base.value, phase };
}

function withTheOqtfDate(f: ReturnAidFacts, ctx: RuleContext, d: RawDecision): RawDecision {
  const on = validationOf(f, ctx);
  const who = articles(f).who;
  if (on < f.oqtfNotifiedOn!) {
    d.conditions.push(
      condition('validation-after-notification', false, who, t('conditions.validation-after-notification.not-met')),
    );
    d.nextSteps.push(goTo(ofiiOf(f), 'contact-ofii', 'ceseda-l711-1'));
    return d;
  }
  const figures = figuresOn(f, ctx, on);
  if (!figures) return ends(d, 'refer', ofiiOf(f), 'no-rule-for-date', { date: { date: on } });
  const group = groupOf(f, ctx)!;
  if (group === 'uncertain') {
    d.nextSteps.push(
      step('what-return-aid-includes', articles(f).aid),
      goTo(ofiiOf(f), 'contact-ofii', 'ceseda-l711-1'),
    );
    return ends(d, 'refer', ofiiOf(f), 'mayotte-visa-list');
  }
  if (group === 'visa-exempt') visaExemptConditions(f, ctx, d, figures.limit);
  const residenceKey = `${statusKey(f.threeMonthsResidence)}${isMayotte(f) ? '-mayotte' : ''}`;
  d.conditions.push(
    condition(
      'minimum-residence',
      f.threeMonthsResidence,
      who,
      t(`conditions.minimum-residence.${residenceKey}`, { months: figures.residence }),
    ),
  );
  if (f.threeMonthsResidence === false) {
    d.nextSteps.push(goTo(ofiiOf(f), 'contact-ofii', 'ceseda-l711-1'));
    return ends(d, 'refer', ofiiOf(f), 'exceptional-circumstances', { months: figures.residence });
  }
  return withAmounts(f, ctx, d, { group, phase: figures.phase, on, base: figures.base });
}

/** Visa-exempt group: the ban on return first; the four-month limit only matters when there is one. */
function visaExemptConditions(f: ReturnAidFacts, ctx: RuleContext, d: RawDecision, months: number) {
  const who = articles(f).who;
  d.conditions.push(
    condition('return-ban', f.hasReturnBan, who, t(`conditions.return-ban.${statusKey(f.hasReturnBan)}`)),
  );
  // Without a ban there is no reintegration aid at all: the time limit would only contradict that.
  if (f.hasReturnBan === false) return;
  const within = withinReinsertionLimit(f, ctx);
  d.conditions.push(
    condition(
      'reinsertion-time-limit',
      within,
      who,
      t(`conditions.reinsertion-time-limit.${statusKey(within)}`, { months }),
    ),
  );
}

interface Situation {
  group: 'visa-exempt' | 'other';
  phase: Phase;
  on: IsoDate;
  base: Record<string, number>;
}

function withAmounts(f: ReturnAidFacts, ctx: RuleContext, d: RawDecision, s: Situation): RawDecision {
  const allowance = allowanceAvailable(f, ctx);
  const reinsertion = allowance && (s.group === 'other' || withinReinsertionLimit(f, ctx) === true);
  const input: AmountInput = { group: s.group, phase: s.phase, allowance, reinsertion, on: s.on };
  const amounts = returnAidAmounts(f, ctx, input);
  d.amounts.push(...amounts.amounts);
  d.conditions.push(...amounts.conditions);
  const keep = allowance ? keepPhaseDeadline(f, ctx, s) : undefined;
  if (keep) d.deadlines.push(keep);
  d.notices.push(...returnAidNotices(f, ctx, s.phase, allowance, s.on));
  d.nextSteps.push(
    step('what-return-aid-includes', articles(f).aid),
    step('voluntary-return', 'service-public-f33974'),
    ...(reinsertion ? [step('reinsertion-levels', articles(f).reinsertion)] : []),
    step('apply', 'service-public-f33974'),
    goTo(ofiiOf(f), 'contact-ofii', 'ceseda-l711-1'),
  );
  const missing = [
    f.threeMonthsResidence,
    f.hasTravelDocument,
    ...(s.group === 'visa-exempt' ? [f.hasReturnBan] : []),
    ...(allowance ? [f.adults, f.minors] : []),
  ].some((v) => v === undefined);
  const derogationMissing = derogationRelevant(f, ctx) && f.derogation === undefined;
  d.status = missing || derogationMissing ? 'incomplete' : reinsertion ? 'eligible' : 'partly-eligible';
  return d;
}

/**
 * The date by which OFII must validate the request to keep this phase's amount: the day before the
 * next phase may begin (the boundary day itself is not settled by the texts).
 */
function keepPhaseDeadline(f: ReturnAidFacts, ctx: RuleContext, s: Situation): RawDeadline | undefined {
  const { phase, boundaryDay } = s.phase;
  if (!boundaryDay || phase === 3) return undefined;
  // Under the UK-readmission derogation the adults' cap does not depend on the phase; only children's amounts do.
  if (f.derogation === 'uk-readmission' && derogationRelevant(f, ctx) && (f.minors ?? 0) === 0) return undefined;
  const amount = s.base[`${s.group}-${phase}`] ?? 0;
  const next = s.base[`${s.group}-${phase + 1}`] ?? 0;
  if (next >= amount) return undefined;
  const last = minusDays(boundaryDay, 1);
  return {
    id: 'keep-phase-amount',
    reference: articles(f).aid,
    explain: t('deadlines.keep-phase-amount', {
      phase,
      amount: { eur: amount },
      next: { eur: next },
      boundary: { date: boundaryDay },
    }),
    ...describeDeadline(last, ctx.asOf, ctx.content.holidays),
  };
}

function returnAidNotices(f: ReturnAidFacts, ctx: RuleContext, phase: Phase, allowance: boolean, on: IsoDate) {
  const out: RawStep[] = [step('maxima-decided-by-ofii', 'service-public-f33974')];
  if (phase.boundary) out.push(step('phase-boundary', articles(f).aid, { phase: phase.phase, next: phase.phase + 1 }));
  if (allowance && (f.minors ?? 0) > 0) out.push(step('minors-rate-uncertain', 'service-public-f33974'));
  if (allowance && f.derogation && f.derogation !== 'none' && !isMayotte(f))
    out.push(step('derogation-adults-only', 'arrete-2025-11-27'));
  if ((f.adults ?? 1) > 2) out.push(step('more-than-two-adults', articles(f).reinsertion));
  if (isMayotte(f)) {
    out.push(
      step('mayotte-amounts-reported', 'arrete-2025-12-03-mayotte-art1'),
      step('mayotte-visa-list', 'reg-2018-1806-annex-ii'),
    );
    if (phase.from !== f.oqtfNotifiedOn)
      out.push(step('mayotte-phase-start', 'arrete-2025-12-03-mayotte-art1', { date: { date: phase.from } }));
  }
  const validationRule = dateOn(ctx.content, 'return-aid-validation-date-from', on);
  if (!isMayotte(f) && validationRule)
    out.push(
      step('validation-date-rule', 'arrete-2025-11-27', { date: { date: validationRule.value } }),
      step('amendment-2025-sources', 'arrete-2025-11-27', { date: { date: validationRule.value } }),
    );
  return out;
}
