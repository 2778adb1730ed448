/** Filing an asylum claim with OFPRA on time (seed 004, FACTS.md §4): what flows/ and the registry use. */
export { procedureId, locations, stages, factsSchema, isAbroad, isInFrance, stageIs, type AsylumFacts } from './facts';
export { reopening, reopeningWindowOpen, type Reopening } from './reopening';
export { evaluate } from './evaluate';
