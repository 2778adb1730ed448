import { dateOn, inCountryList, numberOn } from '../../content/parameters';
import { plusMonths, type IsoDate } from '../../dates/calendar';
import type { RuleContext } from '../context';
import { isMayotte, param, validationOf, type ReturnAidFacts } from './facts';

/** Who can receive the aid, and how much time has passed since the OQTF: the named predicates the flow asks. */

export type Group = 'visa-exempt' | 'other' | 'uncertain';

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

/** In Mayotte the arrêté requires an OQTF at departure: without one there is no other route. */
export const withoutOqtfInMayotte = (f: ReturnAidFacts) => isMayotte(f) && f.hasOqtf === false;

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

/** The derogating caps: on the mainland, from the arrêté of 27 November 2025, and only if an allowance is paid. */
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
  /** the day the next phase may begin (phases 1 and 2): the texts do not settle which phase that day is in */
  boundaryDay?: IsoDate;
  /** the validation date falls on a boundary day */
  boundary: boolean;
}

/** Phase 1: the first month; 2: months 2 to 4; 3: beyond. Calendar months; a boundary day counts in the earlier one. */
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
  return {
    phase,
    from,
    ...(phase < 3 ? { boundaryDay: phase === 1 ? end1 : end2 } : {}),
    boundary: on === end1 || on === end2,
  };
}

/** Visa-exempt group: no reintegration aid when the OQTF was notified more than N months before validation. */
export function withinReinsertionLimit(f: ReturnAidFacts, ctx: RuleContext): boolean | undefined {
  const from = phaseStart(f, ctx);
  const months = numberOn(ctx.content, param(f, 'return-aid-reinsertion-oqtf-max-months'), validationOf(f, ctx))?.value;
  if (!from || months === undefined) return undefined;
  return validationOf(f, ctx) <= plusMonths(from, months);
}

/**
 * Reintegration aid is paid where an OFII programme covers the return country (art. 2; FACTS.md §1.4).
 * The programmes' list is not in content/: unknown unless a list `return-aid-reinsertion-programme` is added.
 */
export function reinsertionProgramme(f: ReturnAidFacts, ctx: RuleContext): boolean | undefined {
  const list = 'return-aid-reinsertion-programme';
  if (!f.nationality || !ctx.content.countryLists.has(list)) return undefined;
  return inCountryList(ctx.content, list, f.nationality, validationOf(f, ctx));
}
