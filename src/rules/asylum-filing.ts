import { z } from 'zod';
import { numberOn } from '../content/parameters';
import type { RuleContext } from './context';
import { describeDeadline, lastDayOf } from '../dates/deadlines';
import type { IsoDate } from '../dates/calendar';
import { textsOf, statusKey } from './helpers';
import { condition, emptyDecision, type RawDecision, type RawStep } from './decision';

/** Filing an asylum claim with OFPRA on time: seed 004 and FACTS.md §4. */

export const procedureId = 'asylum-filing';
const { t, step } = textsOf(procedureId);

const date = z.iso.date();

export const locations = ['france', 'abroad'] as const;
export const stages = ['not-registered', 'registered', 'file-sent', 'incomplete-letter', 'closed'] as const;

export const factsSchema = z
  .object({
    location: z.enum(locations).describe('Where the person is now'),
    stage: z.enum(stages).describe('How far the claim has gone'),
    attestationIssuedOn: date.describe('Day the one-stop shop handed over the asylum application certificate'),
    letterReceivedOn: date.describe("Day OFPRA's registered letter asking for missing items was received"),
    closureNotifiedOn: date.describe("Day OFPRA's closure decision was notified"),
    reopenedBefore: z.boolean().describe('Whether a closed claim of this person was already reopened once'),
  })
  .partial()
  .strict();
export type AsylumFacts = z.infer<typeof factsSchema>;

// Named predicates, used by the rules below and by the flow's guards.
export const isAbroad = (f: AsylumFacts) => f.location === 'abroad';
export const isInFrance = (f: AsylumFacts) => f.location === 'france';
export const stageIs = (f: AsylumFacts, stage: (typeof stages)[number]) => f.stage === stage;

/**
 * Last day to ask for a closed claim to be reopened ("dans un délai inférieur à neuf mois"), or undefined without a
 * rule.
 */
export function reopeningLastDay(f: AsylumFacts, ctx: RuleContext): IsoDate | undefined {
  if (!f.closureNotifiedOn) return undefined;
  const months = numberOn(ctx.content, 'reopening-months', f.closureNotifiedOn);
  return months && lastDayOf(f.closureNotifiedOn, { value: months.value, unit: 'months' }, true);
}

/** Whether a reopening is still possible on asOf, so whether the rules need to know if it was used already. */
export function reopeningWindowOpen(f: AsylumFacts, ctx: RuleContext): boolean {
  const last = reopeningLastDay(f, ctx);
  return last !== undefined && ctx.asOf <= last;
}

/** A duration on asOf, for sentences; '?' only if content lacks it, which the content tests forbid. */
const valueOn = (ctx: RuleContext, id: string) => numberOn(ctx.content, id, ctx.asOf)?.value ?? '?';

const filingFile = (ctx: RuleContext): RawStep[] => [
  step('file-contents', 'ofpra-help-follow-up'),
  step('postal-address', 'ceseda-l531-38'),
  step('send-to-ofpra', 'ofpra-help-follow-up'),
  step('when-complete', 'ofpra-help-follow-up'),
  incompleteLetter(ctx),
];
const incompleteLetter = (ctx: RuleContext) =>
  step('incomplete-letter', 'ofpra-faq-filing', { days: valueOn(ctx, 'incomplete-file-days') });
const reopenWithin = (ctx: RuleContext) =>
  step('reopen-within', 'ceseda-l531-40', { months: valueOn(ctx, 'reopening-months') });
const interviewAndTravel = (): RawStep[] => [
  step('interview-language', 'ofpra-help-follow-up'),
  step('travel-allowance', 'ofpra-help-follow-up'),
];

export function evaluate(facts: AsylumFacts, ctx: RuleContext): RawDecision {
  const { asOf } = ctx;
  const d = emptyDecision(procedureId, asOf, 'incomplete');
  d.extraReferences.push('ofpra-help-follow-up');

  const onTerritory = facts.location === undefined ? undefined : isInFrance(facts);
  d.conditions.push(
    condition(
      'on-french-territory',
      onTerritory,
      'ofpra-help-follow-up',
      t(`conditions.on-french-territory.${statusKey(onTerritory)}`),
    ),
  );
  if (onTerritory === undefined) return d;
  if (!onTerritory) {
    d.status = 'ineligible';
    d.nextSteps.push(
      step('asylum-visa', 'ofpra-help-follow-up'),
      step('after-entry-prefecture', 'ofpra-help-follow-up'),
      step('unhcr-resettlement', 'ofpra-help-follow-up'),
    );
    return d;
  }

  const registered = facts.stage === undefined ? undefined : facts.stage !== 'not-registered';
  d.conditions.push(
    condition('registered', registered, 'ofpra-help-follow-up', t(`conditions.registered.${statusKey(registered)}`)),
  );
  if (facts.stage === undefined) return d;

  switch (facts.stage) {
    case 'not-registered':
      d.status = 'eligible';
      d.nextSteps.push(
        step('spada-first', 'dgef-spada'),
        step('one-stop-shop', 'ofpra-help-follow-up'),
        step('after-registration', 'ceseda-r531-2', { days: valueOn(ctx, 'ofpra-filing-days') }),
        ...filingFile(ctx),
      );
      d.notices.push(attestationNotice(ctx));
      return d;
    case 'registered':
      return timeLimit(d, ctx, {
        from: facts.attestationIssuedOn,
        parameter: 'ofpra-filing-days',
        id: 'ofpra-filing',
        steps: [...filingFile(ctx), ...interviewAndTravel()],
        notices: [
          step('detention', 'ceseda-r531-2', {
            days: valueOn(ctx, 'detention-filing-days'),
            normal: valueOn(ctx, 'ofpra-filing-days'),
          }),
          attestationNotice(ctx),
        ],
      });
    case 'file-sent':
      d.status = 'eligible';
      d.conditions.push(condition('file-sent', true, 'ceseda-r531-2', t('conditions.file-sent.met')));
      d.nextSteps.push(step('when-complete', 'ofpra-help-follow-up'), incompleteLetter(ctx), ...interviewAndTravel());
      return d;
    case 'incomplete-letter':
      return timeLimit(d, ctx, {
        from: facts.letterReceivedOn,
        parameter: 'incomplete-file-days',
        id: 'complete-file',
        steps: [step('send-missing-items', 'ofpra-faq-filing'), ...interviewAndTravel()],
        notices: [],
      });
    case 'closed':
      return closed(d, facts, ctx);
  }
}

function attestationNotice(ctx: RuleContext): RawStep {
  return step('attestation-validity', 'arrete-2020-05-05-attestation', {
    normal: valueOn(ctx, 'attestation-first-normal-months'),
    accelerated: valueOn(ctx, 'attestation-first-accelerated-months'),
    renewal: valueOn(ctx, 'attestation-renewal-months'),
    dublin: valueOn(ctx, 'attestation-first-dublin-months'),
  });
}

/** A deadline counted in days from an act: in time, passed, or unknown when the date or the rule is missing. */
function timeLimit(
  d: RawDecision,
  ctx: RuleContext,
  o: { from: IsoDate | undefined; parameter: string; id: string; steps: RawStep[]; notices: RawStep[] },
): RawDecision {
  if (!o.from) {
    d.conditions.push(
      condition(`${o.id}-in-time`, undefined, 'ceseda-r531-2', t(`conditions.${o.id}-in-time.unknown`)),
    );
    return d;
  }
  const days = numberOn(ctx.content, o.parameter, o.from);
  if (!days) return noRuleForDate(d, o.from);
  const deadline = describeDeadline(
    lastDayOf(o.from, { value: days.value, unit: 'days' }),
    ctx.asOf,
    ctx.content.holidays,
  );
  const ref = days.period.reference;
  d.deadlines.push({
    id: o.id,
    reference: ref,
    explain: t(`deadlines.${o.id}`, { days: days.value, from: { date: o.from } }),
    ...deadline,
  });
  d.conditions.push(
    condition(
      `${o.id}-in-time`,
      !deadline.passed,
      ref,
      t(`conditions.${o.id}-in-time.${deadline.passed ? 'not-met' : 'met'}`, {
        days: days.value,
        date: { date: deadline.date },
      }),
    ),
  );
  d.notices.push(step('day-counting', 'cpc-641-642'), ...o.notices);
  if (deadline.passed) {
    d.status = 'refer';
    d.referral = { to: 'spada', reason: t('referral.deadline-passed') };
    d.nextSteps.push(step('closure-expected', 'ceseda-l531-38'), reopenWithin(ctx));
    return d;
  }
  d.status = 'eligible';
  d.nextSteps.push(...o.steps);
  return d;
}

function closed(d: RawDecision, facts: AsylumFacts, ctx: RuleContext): RawDecision {
  const from = facts.closureNotifiedOn;
  if (!from) {
    d.conditions.push(
      condition('reopening-in-time', undefined, 'ceseda-l531-40', t('conditions.reopening-in-time.unknown')),
    );
    return d;
  }
  const last = reopeningLastDay(facts, ctx);
  if (!last) return noRuleForDate(d, from);
  const deadline = describeDeadline(last, ctx.asOf, ctx.content.holidays);
  const months = numberOn(ctx.content, 'reopening-months', from)!.value;
  d.deadlines.push({
    id: 'reopening',
    reference: 'ceseda-l531-40',
    explain: t('deadlines.reopening', { months, from: { date: from } }),
    ...deadline,
  });
  d.conditions.push(
    condition(
      'reopening-in-time',
      !deadline.passed,
      'ceseda-l531-40',
      t(`conditions.reopening-in-time.${deadline.passed ? 'not-met' : 'met'}`, { months, date: { date: last } }),
    ),
  );
  const reexamination = () => {
    const filing = valueOn(ctx, 'reexamination-filing-days');
    const completion = valueOn(ctx, 'reexamination-completion-days');
    d.status = 'ineligible';
    d.referral = { to: 'spada', reason: t('referral.reexamination') };
    d.nextSteps.push(step('reexamination', 'ceseda-r531-36', { filing, completion }));
  };
  if (deadline.passed) {
    reexamination();
    return d;
  }
  const once = facts.reopenedBefore === undefined ? undefined : !facts.reopenedBefore;
  d.conditions.push(
    condition('first-reopening', once, 'ceseda-l531-40', t(`conditions.first-reopening.${statusKey(once)}`)),
  );
  if (once === undefined) return d;
  if (!once) {
    reexamination();
    return d;
  }
  const formDays = valueOn(ctx, 'reopening-form-days');
  d.status = 'eligible';
  d.nextSteps.push(
    step('reopen-at-prefecture', 'ofpra-faq-closed', { days: formDays }),
    step('reopening-resumes', 'ceseda-l531-40'),
  );
  d.notices.push(step('day-counting', 'cpc-641-642'));
  return d;
}

/** Dates before the rules' first period: the rules cannot decide, OFPRA can. */
function noRuleForDate(d: RawDecision, from: IsoDate): RawDecision {
  d.status = 'refer';
  d.referral = { to: 'ofpra', reason: t('referral.no-rule-for-date', { date: { date: from } }) };
  return d;
}
