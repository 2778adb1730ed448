/** The CASF L117-3 aid, ARFS then AVFS (seed 003, FACTS.md §5): what flows/ and the registry use. */
export { procedureId, housings, factsSchema, isFrench, type ElderlyFacts } from './facts';
export { unfitForWorkMatters, tooYoung, residenceYearsAsked, residenceShort } from './conditions';
export { evaluate } from './evaluate';
