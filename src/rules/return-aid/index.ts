/** OFII return and reintegration aid (seeds 000 and 001, FACTS.md §1 and §2): what flows/ and the registry use. */
export { procedureId, territories, derogations, factsSchema, timeZone, type ReturnAidFacts } from './facts';
export { isExcluded, withoutOqtfInMayotte, needsReturnBan, derogationRelevant, householdNeeded } from './eligibility';
export { evaluate } from './evaluate';
