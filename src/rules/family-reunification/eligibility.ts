import { inCountryList } from '../../content/parameters';
import { monthsBetween } from '../../dates/calendar';
import type { RuleContext } from '../context';
import { ALGERIAN_CERTIFICATE, applicationOf, isAlgerian, isMayotte, num, type FamilyFacts } from './facts';

/** Whether this procedure is the person's, and who may come: the named predicates the flow asks. */

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

/** The permit as the rules read it: an Algerian certificate held by someone else is a document they cannot place. */
export const permitOf = (f: FamilyFacts) => (f.permit === ALGERIAN_CERTIFICATE && !isAlgerian(f) ? 'other' : f.permit);

/**
 * Permits whose validity must be asked: a temporary card, an Algerian certificate (one year at least,
 * art. 4 of the 1968 agreement), and in Mayotte any card bar the resident card (five years there).
 */
export function needsPermitValidity(f: FamilyFacts): boolean {
  const permit = permitOf(f);
  if (permit === 'temporary' || permit === ALGERIAN_CERTIFICATE) return true;
  return isMayotte(f) && permit === 'multi-year';
}

export function minimumResidenceMonths(f: FamilyFacts, ctx: RuleContext) {
  const on = applicationOf(f, ctx);
  if (isMayotte(f)) return num(ctx, 'mayotte-family-residence-months', on);
  return num(ctx, isAlgerian(f) ? 'family-residence-months-algeria' : 'family-residence-months', on);
}

/** The residence on the day of the application: the months given (until today), plus those until a planned date. */
export const residenceAtFiling = (f: FamilyFacts, ctx: RuleContext): number | undefined =>
  f.residenceMonths === undefined ? undefined : f.residenceMonths + monthsBetween(ctx.asOf, applicationOf(f, ctx));

/** Who may come: the spouse aged 18 or more, the children under 18. */
export function eligibleMembers(f: FamilyFacts, ctx: RuleContext) {
  const on = applicationOf(f, ctx);
  const spouseMin = num(ctx, 'family-spouse-min-age', on)?.value;
  const childLimit = num(ctx, 'family-child-age-limit', on)?.value;
  const spouse =
    f.spouseJoining === true && f.spouseAge !== undefined && spouseMin !== undefined && f.spouseAge >= spouseMin;
  const under = (a: number) => childLimit !== undefined && a < childLimit;
  return {
    spouse,
    children: (f.childrenAges ?? []).filter(under),
    adultChildren: (f.childrenAges ?? []).filter((a) => !under(a)),
    spouseMin,
    childLimit,
  };
}

/** Nobody the procedure covers would come (a spouse under 18, only adult children, nobody). */
export const nobodyEligible = (f: FamilyFacts, ctx: RuleContext) => {
  const m = eligibleMembers(f, ctx);
  return f.childrenAges !== undefined && !m.spouse && m.children.length === 0;
};
