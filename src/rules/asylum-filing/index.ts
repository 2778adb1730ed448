/** Filing an asylum claim with OFPRA on time (seed 004, FACTS.md §4): what flows/ and the registry use. */
export { procedureId, locations, stages, factsSchema, isAbroad, stageIs, type AsylumFacts } from './facts';
export { reopeningWindowOpen } from './reopening';
export { evaluate } from './evaluate';
