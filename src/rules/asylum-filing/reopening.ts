import { numberOn } from '../../content/parameters';
import { plusMonths, type IsoDate } from '../../dates/calendar';
import { describeDeadline, lastDayOf } from '../../dates/deadlines';
import type { RuleContext } from '../context';
import { condition, type RawDecision } from '../decision';
import { statusKey } from '../helpers';
import { countingNotices, goTo, step, t, valueOn, type AsylumFacts } from './facts';

/**
 * Reopening a closed claim (L531-40, seed 004): "dans un délai inférieur à neuf mois" from the closure
 * decision, once only. The date printed on the decision is asked; the day it was notified, given
 * alone, is only an upper bound of it, so no last day is given from it.
 */

interface Reopening {
  /** the decision's date, or (`exact` false) the notification's, which the decision cannot be later than */
  from: IsoDate;
  exact: boolean;
  months: number;
  /** the last day: the day before the nine months are reached */
  last: IsoDate;
  /** the day the nine months are reached: whether a request that day is in time is not settled */
  anniversary: IsoDate;
}

/** The reopening time limit, counted from the closure decision; undefined without a date or a rule. */
function reopening(f: AsylumFacts, ctx: RuleContext): Reopening | undefined {
  const from = f.closureDecidedOn ?? f.closureNotifiedOn;
  if (!from) return undefined;
  const months = numberOn(ctx.content, 'reopening-months', from)?.value;
  if (months === undefined) return undefined;
  const last = lastDayOf(from, { value: months, unit: 'months' }, true);
  return { from, exact: f.closureDecidedOn !== undefined, months, last, anniversary: plusMonths(from, months) };
}

/** Whether a reopening may still be asked on asOf (the anniversary included), so whether its first use matters. */
export function reopeningWindowOpen(f: AsylumFacts, ctx: RuleContext): boolean {
  const r = reopening(f, ctx);
  return r !== undefined && ctx.asOf <= r.anniversary;
}

/** Dates before the rules' first period: the rules cannot decide, OFPRA can. */
export function noRuleForDate(d: RawDecision, from: IsoDate): RawDecision {
  d.status = 'refer';
  d.referral = { to: 'ofpra', reason: t('referral.no-rule-for-date', { date: { date: from } }) };
  return d;
}

const inTime = (status: boolean | undefined, key: string, values: Parameters<typeof t>[1]) =>
  condition('reopening-in-time', status, 'ceseda-l531-40', t(`conditions.reopening-in-time.${key}`, values));

export function closed(d: RawDecision, f: AsylumFacts, ctx: RuleContext): RawDecision {
  if (!f.closureDecidedOn && !f.closureNotifiedOn) {
    d.conditions.push(inTime(undefined, 'unknown', undefined));
    return d;
  }
  if (f.closureDecidedOn && f.closureNotifiedOn && f.closureDecidedOn > f.closureNotifiedOn) {
    d.conditions.push(
      condition(
        'decision-before-notification',
        false,
        'ceseda-l531-40',
        t('conditions.decision-before-notification.not-met'),
      ),
    );
    return d;
  }
  const r = reopening(f, ctx);
  if (!r) return noRuleForDate(d, (f.closureDecidedOn ?? f.closureNotifiedOn)!);
  const values = { months: r.months, date: { date: r.last } };
  if (ctx.asOf > r.anniversary) {
    // Surely too late: even counted from the notification, the nine months are over.
    if (r.exact) pushDeadline(d, ctx, r);
    d.conditions.push(inTime(false, r.exact ? 'not-met' : 'not-met-notified', values));
    return reexamination(d, ctx);
  }
  if (r.exact && ctx.asOf <= r.last) {
    pushDeadline(d, ctx, r);
    d.conditions.push(inTime(true, 'met', values));
  } else if (ctx.asOf === r.anniversary) {
    d.conditions.push(inTime(undefined, 'last-day-uncertain', { months: r.months, date: { date: r.anniversary } }));
  } else {
    d.conditions.push(
      inTime(undefined, 'upper-bound', { months: r.months, notified: { date: r.from }, date: { date: r.last } }),
    );
  }
  return firstReopening(d, f, ctx, r);
}

/** Once only: a reopening already used leaves the repeat application; otherwise what to do, and by when. */
function firstReopening(d: RawDecision, f: AsylumFacts, ctx: RuleContext, r: Reopening): RawDecision {
  const once = f.reopenedBefore === undefined ? undefined : !f.reopenedBefore;
  d.conditions.push(
    condition('first-reopening', once, 'ceseda-l531-40', t(`conditions.first-reopening.${statusKey(once)}`)),
  );
  if (once === false) return reexamination(d, ctx);
  if (ctx.asOf === r.anniversary) {
    // The last day may be today: never "final", act today and ask for help.
    d.status = 'refer';
    d.referral = { to: 'spada', reason: t('referral.act-today') };
    d.nextSteps.push(goTo('spada', 'act-today', 'ceseda-l531-40'));
    return d;
  }
  if (!r.exact) {
    d.nextSteps.push(step('check-decision-date', 'ceseda-l531-40', { months: r.months }));
    return d;
  }
  if (once === undefined) return d;
  const days = valueOn(ctx, 'reopening-form-days');
  if (days === undefined) return noRuleForDate(d, r.from);
  d.status = 'eligible';
  d.nextSteps.push(
    goTo('prefecture', 'reopen-at-prefecture', 'ofpra-faq-closed', { days }),
    step('reopening-resumes', 'ceseda-l531-40'),
  );
  d.notices.push(...countingNotices());
  return d;
}

function pushDeadline(d: RawDecision, ctx: RuleContext, r: Reopening) {
  d.deadlines.push({
    id: 'reopening',
    reference: 'ceseda-l531-40',
    explain: t('deadlines.reopening', { months: r.months, from: { date: r.from } }),
    ...describeDeadline(r.last, ctx.asOf, ctx.content.holidays),
  });
}

function reexamination(d: RawDecision, ctx: RuleContext): RawDecision {
  const filing = valueOn(ctx, 'reexamination-filing-days');
  const completion = valueOn(ctx, 'reexamination-completion-days');
  d.status = 'ineligible';
  d.referral = { to: 'spada', reason: t('referral.reexamination') };
  if (filing !== undefined && completion !== undefined)
    d.nextSteps.push(step('reexamination', 'ceseda-r531-36', { filing, completion }));
  return d;
}
