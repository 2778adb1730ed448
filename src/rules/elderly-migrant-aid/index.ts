/** The CASF L117-3 aid, ARFS then AVFS (seed 003, FACTS.md §5): what flows/ and the registry use. */
export { procedureId, housings, factsSchema, regimeOn, isFrench, type ElderlyFacts, type Regime } from './facts';
export {
  ageCondition,
  unfitForWorkMatters,
  tooYoung,
  residenceYearsAsked,
  residenceShort,
  housingRequired,
} from './conditions';
export { avfsMonthly } from './resources';
export { evaluate } from './evaluate';
