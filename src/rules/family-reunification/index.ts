/** Family reunification (seed 002, FACTS.md §3): what flows/ and the registry use. */
export {
  procedureId,
  permitsAsked,
  permitsAskedOfAlgerians,
  factsSchema,
  isAlgerian,
  timeZone,
  type FamilyFacts,
} from './facts';
export { isOtherProcedure, needsPermitValidity, nobodyEligible, type OtherProcedure } from './eligibility';
export { applicationDateMatters, resourcesMet, exemptionByAgePossible, marriageYearsNeeded } from './resources';
export { evaluate } from './evaluate';
