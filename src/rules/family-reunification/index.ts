/** Family reunification (seed 002, FACTS.md §3): what flows/ and the registry use. */
import { evaluate } from './evaluate';
import { factsSchema, timeZone } from './facts';
export { procedureId, permitsAsked, permitsAskedOfAlgerians, isAlgerian, type FamilyFacts } from './facts';
export { isOtherProcedure, needsPermitValidity, nobodyEligible, type OtherProcedure } from './eligibility';
export { applicationDateMatters, resourcesMet, exemptionByAgePossible, marriageYearsNeeded } from './resources';

/** What the registry runs: the facts' schema, the decision, the calendar of the facts. */
export const rules = { factsSchema, evaluate, timeZone };
