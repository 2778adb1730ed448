import { describeDeadline, lastDayOf } from '../../dates/deadlines';
import type { IsoDate } from '../../dates/calendar';
import { numberOn } from '../../content/parameters';
import type { RuleContext } from '../context';
import { condition, emptyDecision, type RawDecision, type RawStep } from '../decision';
import { statusKey } from '../helpers';
import { closed, noRuleForDate } from './reopening';
import {
  countingNotices,
  goTo,
  isInFrance,
  procedureId,
  reopenWithin,
  step,
  stepWith,
  t,
  valueOn,
  type AsylumFacts,
} from './facts';

/** Where the person stands, and the time limit that matters now. */

const incompleteLetter = (ctx: RuleContext) =>
  stepWith('incomplete-letter', 'ofpra-faq-filing', { days: valueOn(ctx, 'incomplete-file-days') });
const filingFile = (ctx: RuleContext): RawStep[] => [
  step('file-contents', 'ofpra-help-follow-up'),
  step('postal-address', 'ceseda-l531-38'),
  goTo('ofpra', 'send-to-ofpra', 'ofpra-help-follow-up'),
  step('when-complete', 'ofpra-help-follow-up'),
  ...incompleteLetter(ctx),
];
const interviewAndTravel = (): RawStep[] => [
  step('interview-language', 'ofpra-help-follow-up'),
  step('travel-allowance', 'ofpra-help-follow-up'),
];

export function evaluate(facts: AsylumFacts, ctx: RuleContext): RawDecision {
  const d = emptyDecision(procedureId, ctx.asOf, 'incomplete');
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
      goTo('consulate', 'asylum-visa', 'ofpra-help-follow-up'),
      step('after-entry-prefecture', 'ofpra-help-follow-up'),
      step('unhcr-resettlement', 'ofpra-help-follow-up'),
    );
    return d;
  }
  const registered = facts.stage === undefined ? undefined : facts.stage !== 'not-registered';
  d.conditions.push(
    condition('registered', registered, 'ofpra-help-follow-up', t(`conditions.registered.${statusKey(registered)}`)),
  );
  return facts.stage === undefined ? d : byStage(facts, ctx, d);
}

function byStage(facts: AsylumFacts, ctx: RuleContext, d: RawDecision): RawDecision {
  const filingDays = valueOn(ctx, 'ofpra-filing-days');
  switch (facts.stage) {
    case 'not-registered':
      d.status = 'eligible';
      d.nextSteps.push(
        goTo('spada', 'spada-first', 'dgef-spada'),
        step('one-stop-shop', 'ofpra-help-follow-up'),
        ...stepWith('after-registration', 'ceseda-r531-2', { days: filingDays }),
        ...filingFile(ctx),
      );
      d.notices.push(...attestationNotices(ctx));
      return d;
    case 'registered':
      return timeLimit(d, ctx, {
        from: facts.attestationIssuedOn,
        parameter: 'ofpra-filing-days',
        id: 'ofpra-filing',
        steps: [...filingFile(ctx), ...interviewAndTravel()],
        notices: [
          ...stepWith('detention', 'ceseda-r531-2', {
            days: valueOn(ctx, 'detention-filing-days'),
            normal: filingDays,
          }),
          step('pole-filing', 'ceseda-r531-2'),
          ...attestationNotices(ctx),
        ],
      });
    case 'file-sent':
      d.status = 'eligible';
      d.conditions.push(condition('file-sent', true, 'ceseda-r531-2', t('conditions.file-sent.met')));
      d.nextSteps.push(
        goTo('ofpra', 'when-complete', 'ofpra-help-follow-up'),
        ...incompleteLetter(ctx),
        ...interviewAndTravel(),
      );
      return d;
    case 'incomplete-letter':
      return timeLimit(d, ctx, {
        from: facts.letterReceivedOn,
        parameter: 'incomplete-file-days',
        id: 'complete-file',
        steps: [goTo('ofpra', 'send-missing-items', 'ofpra-faq-filing'), ...interviewAndTravel()],
        notices: [],
      });
    default:
      return closed(d, facts, ctx);
  }
}

/** The attestation's durations since 2020, and that later changes were not checked. */
function attestationNotices(ctx: RuleContext): RawStep[] {
  return [
    ...stepWith('attestation-validity', 'arrete-2020-05-05-attestation', {
      normal: valueOn(ctx, 'attestation-first-normal-months'),
      accelerated: valueOn(ctx, 'attestation-first-accelerated-months'),
      renewal: valueOn(ctx, 'attestation-renewal-months'),
      dublin: valueOn(ctx, 'attestation-first-dublin-months'),
    }),
    step('attestation-later-changes', 'arrete-2020-05-05-attestation'),
  ];
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
  const inTime = deadline.passed ? 'not-met' : 'met';
  d.conditions.push(
    condition(
      `${o.id}-in-time`,
      !deadline.passed,
      ref,
      t(`conditions.${o.id}-in-time.${inTime}`, { days: days.value, date: { date: deadline.date } }),
    ),
  );
  d.notices.push(...countingNotices(), ...o.notices);
  if (deadline.passed) {
    d.status = 'refer';
    d.referral = { to: 'spada', reason: t('referral.deadline-passed') };
    d.nextSteps.push(step('closure-expected', 'ceseda-l531-38'), ...reopenWithin(ctx));
    return d;
  }
  d.status = 'eligible';
  d.nextSteps.push(...o.steps);
  return d;
}
