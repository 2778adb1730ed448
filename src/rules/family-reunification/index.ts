/** Family reunification (seed 002, FACTS.md §3): what flows/ and the registry use. */
export {
  procedureId,
  permits,
  permitsAsked,
  permitsAskedOfAlgerians,
  inseeCode,
  factsSchema,
  isAlgerian,
  isMayotte,
  timeZone,
  type FamilyFacts,
} from './facts';
export {
  otherProcedure,
  isOtherProcedure,
  needsPermitValidity,
  minimumResidenceMonths,
  residenceAtFiling,
  eligibleMembers,
  nobodyEligible,
  type OtherProcedure,
} from './eligibility';
export { zoneOf, minimumSurface } from './housing';
export {
  resourceWindow,
  applicationDateMatters,
  resourceThreshold,
  resourcesMet,
  exemptionByAgePossible,
  exemptionByAge,
  marriageYearsNeeded,
} from './resources';
export { evaluate } from './evaluate';
