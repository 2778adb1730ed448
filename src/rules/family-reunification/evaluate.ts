import { plusMonths, type IsoDate } from '../../dates/calendar';
import type { RuleContext } from '../context';
import { condition, emptyDecision, type RawCondition, type RawDecision, type RawStep } from '../decision';
import { statusKey } from '../helpers';
import {
  eligibleMembers,
  minimumResidenceMonths,
  needsPermitValidity,
  nobodyEligible,
  otherProcedure,
  permitOf,
  residenceAtFiling,
} from './eligibility';
import {
  ALGERIAN_CERTIFICATE,
  applicationOf,
  goTo,
  isAlgerian,
  isMayotte,
  mayotte,
  num,
  prefectureOf,
  procedureId,
  step,
  t,
  type FamilyFacts,
} from './facts';
import { figures, housingConditions } from './housing';
import { familyNotices, filingSteps } from './notices';
import { resourceConditions, resourcesForThePrefecture } from './resources';

/** The checklist: each condition with what is required and the person's own figure, then the steps. */
export function evaluate(f: FamilyFacts, ctx: RuleContext): RawDecision {
  const d = emptyDecision(procedureId, ctx.asOf, 'incomplete');
  d.extraReferences.push('ofii-family-reunification', 'service-public-f11166');
  const other = otherProcedure(f, ctx);
  if (other) {
    d.status = 'ineligible';
    d.conditions.push(
      condition(
        'this-procedure',
        false,
        other === 'irregular' ? 'ceseda-l434-2' : 'service-public-f11166',
        t(`conditions.this-procedure.${other}`),
      ),
    );
    d.nextSteps.push(goTo(insteadBody[other], `instead-${other}`, 'service-public-f11166'));
    return d;
  }
  if (f.nationality === undefined || f.regularStay === undefined || f.permit === undefined) {
    d.conditions.push(
      condition('this-procedure', undefined, 'service-public-f11166', t('conditions.this-procedure.unknown')),
    );
    return d;
  }
  d.conditions.push(condition('this-procedure', true, 'ceseda-l434-2', t('conditions.this-procedure.met')));
  const on = applicationOf(f, ctx);
  const c: RawCondition[] = [
    ...permitConditions(f, ctx, on),
    residenceCondition(f, ctx),
    condition(
      'family-abroad',
      f.familyAbroad,
      'service-public-f11166',
      t(`conditions.family-abroad.${statusKey(f.familyAbroad)}`),
    ),
    ...membersConditions(f, ctx),
    ...housingConditions(f, ctx, on),
  ];
  const resources = resourceConditions(f, ctx);
  c.push(...resources.conditions);
  d.conditions.push(...c);
  decide(f, ctx, d, c);
  d.notices.push(...familyNotices(f, ctx), ...resources.notices);
  return d;
}

/** Where each other procedure is asked about. */
const insteadBody = {
  'eu-citizen': 'prefecture',
  irregular: 'point-justice',
  'family-reunion': 'point-justice',
  'accompanying-family': 'prefecture',
  'excluded-permit': 'point-justice',
} as const;

/** The status, whom to see, and what to do next. */
function decide(f: FamilyFacts, ctx: RuleContext, d: RawDecision, c: RawCondition[]) {
  // A spouse under 18 or a child of 18 or more does not stop the others from coming: the request is then partial.
  const notMet = c.filter((x) => x.status === 'not-met' && x.id !== 'children-ages' && x.id !== 'spouse-age');
  const noSmic = c.some((x) => x.id === 'resources' && x.explain.key.endsWith('no-smic'));
  const unknown = c.filter((x) => x.status === 'unknown' && x.id !== 'housing-decency');
  const prefectureJudges = unknown.length > 0 && unknown.every(resourcesForThePrefecture);
  const refer = (to: string, reason: string) => {
    d.status = 'refer';
    d.referral = { to, reason: t(`referral.${reason}`) };
  };
  if (permitOf(f) === 'other') refer('ofii', 'permit-other');
  else if (noSmic && notMet.length === 0) refer(prefectureOf(f), 'no-smic');
  else if (f.familyAbroad === false) refer(prefectureOf(f), 'family-in-france');
  else if (nobodyEligible(f, ctx)) {
    d.status = 'ineligible';
    d.referral = { to: 'point-justice', reason: t('referral.nobody-eligible') };
  } else if (notMet.length > 0) {
    d.status = 'ineligible';
    if (notMet.length === 1) d.notices.push(onlyOneMissing(notMet[0]!));
  } else if (prefectureJudges) refer(prefectureOf(f), isMayotte(f) ? 'resources-mayotte' : 'resources-stale');
  else if (unknown.length > 0) d.status = 'incomplete';
  else {
    const m = eligibleMembers(f, ctx);
    d.status = m.adultChildren.length > 0 || (f.spouseJoining && !m.spouse) ? 'partly-eligible' : 'eligible';
  }
  // Nobody is told how to file a request that does not meet the conditions: when, and whom to ask, instead.
  if (d.status === 'ineligible' && !d.referral) d.nextSteps.push(goTo('ofii', 'when-conditions-met'));
  else if (d.status !== 'ineligible' && f.familyAbroad !== false) d.nextSteps.push(...filingSteps(f, ctx));
}

function permitConditions(f: FamilyFacts, ctx: RuleContext, on: IsoDate): RawCondition[] {
  const permit = permitOf(f)!;
  if (permit === 'other') return [condition('permit', undefined, 'ceseda-r434-1', t('conditions.permit.other'))];
  if (!needsPermitValidity(f)) return [condition('permit', true, 'ceseda-r434-1', t(`conditions.permit.${permit}`))];
  const id =
    permit === ALGERIAN_CERTIFICATE && !isMayotte(f)
      ? 'family-permit-min-validity-months-algeria'
      : mayotte(f, 'family-permit-min-validity-months');
  const min = num(ctx, id, on);
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

/** The residence required on the day of the application (the months given count until then). */
function residenceCondition(f: FamilyFacts, ctx: RuleContext): RawCondition {
  const min = minimumResidenceMonths(f, ctx);
  if (!min)
    return condition('residence-duration', undefined, 'ceseda-l434-2', t('conditions.residence-duration.unknown'));
  const atFiling = residenceAtFiling(f, ctx);
  const met = atFiling === undefined ? undefined : atFiling >= min.value;
  const variant = isMayotte(f) ? 'mayotte' : isAlgerian(f) ? 'algeria' : 'general';
  const short = f.residenceMonths !== undefined && !met;
  const from = short ? plusMonths(ctx.asOf, min.value - f.residenceMonths!) : undefined;
  return {
    ...condition(
      'residence-duration',
      met,
      min.period.reference,
      t(`conditions.residence-duration.${statusKey(met)}-${variant}`, {
        months: min.value,
        ...(from ? { from: { date: from } } : {}),
      }),
    ),
    figures: figures(min.value, atFiling, 'months'),
  };
}

function membersConditions(f: FamilyFacts, ctx: RuleContext): RawCondition[] {
  const m = eligibleMembers(f, ctx);
  const out: RawCondition[] = [];
  if (f.spouseJoining && m.spouseMin !== undefined) {
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
  if (f.childrenAges !== undefined && f.childrenAges.length > 0 && m.childLimit !== undefined) {
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

/** "Everything is met but this, by this much." */
function onlyOneMissing(c: RawCondition): RawStep {
  const gap = c.figures?.gap;
  return step(
    `only-one-missing-${c.id}`,
    c.reference,
    gap === undefined ? undefined : { gap: c.figures?.unit === 'eur' ? { eur: gap } : gap },
  );
}
