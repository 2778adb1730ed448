/** Filing an asylum claim with OFPRA on time (seed 004, FACTS.md §4): what flows/ and the registry use. */
import { evaluate } from './evaluate';
import { factsSchema } from './facts';
export { procedureId, locations, stages, isAbroad, stageIs, type AsylumFacts } from './facts';
export { reopeningWindowOpen } from './reopening';

/** What the registry runs: the facts' schema, the decision. */
export const rules = { factsSchema, evaluate };
