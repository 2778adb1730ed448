import { minusDays, plusMonths } from '../../dates/calendar';
import type { RuleContext } from '../context';
import { emptyDecision, type RawCondition, type RawDecision, type RawStep } from '../decision';
import { personConditions } from './conditions';
import { goTo, isEea, isFrench, num, procedureId, regimeOn, step, t, type ElderlyFacts, type Regime } from './facts';
import { arfsResources, avfsResources, type ResourcesOutcome } from './resources';

/** The decision: the conditions, the amount, whom to see, and (for those who can ask) how to ask. */
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
  if (regime === 'avfs') d.extraReferences.push('service-public-f36192');
  d.notices.push(...historyNotices(ctx, regime));
  const c = personConditions(f, ctx, regime, law);
  const resources = regime === 'avfs' ? avfsResources(f, ctx, d) : arfsResources(f, ctx, d);
  c.push(resources.condition);
  d.conditions.push(...c);
  decide(f, ctx, d, c, resources);
  if (regime === 'avfs') d.notices.push(...avfsNotices(ctx));
  d.nextSteps.push(...nextSteps(f, ctx, d, regime));
  return d;
}

function decide(f: ElderlyFacts, ctx: RuleContext, d: RawDecision, c: RawCondition[], r: ResourcesOutcome) {
  const refer = (reason: string, values?: Parameters<typeof t>[1]) => {
    d.status = 'refer';
    d.referral = { to: 'msa-picardie', reason: t(`referral.${reason}`, values) };
  };
  const unknown = (id: string) => c.some((x) => x.id === id && x.status === 'unknown');
  if (c.some((x) => x.status === 'not-met')) d.status = 'ineligible';
  else if (r.noFigures) refer('no-figures', { date: { date: ctx.asOf } });
  else if (r.aboveKnownCeiling) refer('above-known-ceiling', r.condition.explain.values);
  else if (unknown('age') && f.unfitForWork === true) refer('age');
  else if (unknown('residence') && isEea(f, ctx)) refer('residence');
  else d.status = c.some((x) => x.status === 'unknown') ? 'incomplete' : 'eligible';
}

/** What the person should know about the aid's history: the seed's ARFS, its managers, today's AVFS. */
function historyNotices(ctx: RuleContext, regime: Regime): RawStep[] {
  const refs = ctx.content.references;
  const avfs = { date: refs.get('casf-l117-3')!.inForceFrom };
  const msa = refs.get('decret-2020-1799')!.inForceFrom;
  const management = step('management-history', 'decret-2020-1799', {
    from: { date: refs.get('decret-2015-1239')!.inForceFrom },
    until: { date: minusDays(msa, 1) },
    msa: { date: msa },
  });
  if (regime === 'avfs') return [step('renamed', 'casf-l117-3', { date: avfs }), management];
  const months = num(ctx, 'arfs-long-stay-months')?.value;
  return months === undefined ? [management] : [step('arfs-history', 'casf-l117-3-2007', { months, avfs }), management];
}

function avfsNotices(ctx: RuleContext): RawStep[] {
  const months = num(ctx, 'avfs-existence-certificate-months')?.value;
  return [
    step('not-cumulable', 'casf-l117-3'),
    step('not-taxed', 'casf-l117-3'),
    ...(months !== undefined
      ? [
          step('stays-abroad', 'service-public-f36192', { months }),
          step('health-cover', 'service-public-f36192', { months }),
        ]
      : []),
  ];
}

/**
 * How to ask, for those the rules let ask (met, not yet known, or for the MSA to check their age or
 * right of residence); the others are told when to come back and whom to ask, never how to file.
 */
function nextSteps(f: ElderlyFacts, ctx: RuleContext, d: RawDecision, regime: Regime): RawStep[] {
  if (regime === 'arfs') return [goTo('msa-picardie', 'contact-msa', 'service-public-f36192')];
  if (d.status === 'ineligible')
    return [
      isFrench(f)
        ? goTo('point-justice', 'not-for-french', 'casf-l117-3')
        : goTo('msa-picardie', 'if-situation-changes', 'service-public-f36192'),
    ];
  const reason = d.referral?.reason.key ?? '';
  if (reason.endsWith('no-figures') || reason.endsWith('above-known-ceiling')) return [];
  const firstPayment = num(ctx, 'avfs-first-payment-months')?.value;
  // Entitlement starts on the first day of the month after the request is received: if sent now, next month.
  const starts = plusMonths(`${ctx.asOf.slice(0, 7)}-01`, 1);
  return [
    step('form', 'service-public-f36192'),
    goTo('msa-picardie', 'send-to-msa', 'service-public-f36192'),
    step('when-it-starts', 'service-public-f36192', { date: { date: starts } }),
    ...(firstPayment !== undefined ? [step('payment', 'service-public-f36192', { months: firstPayment })] : []),
    step('yearly-declaration', 'service-public-f36192'),
  ];
}
