/** The CASF L117-3 aid, ARFS then AVFS (seed 003, FACTS.md §5): what flows/ and the registry use. */
import { evaluate } from './evaluate';
import { factsSchema } from './facts';
export { procedureId, housings, isFrench, type ElderlyFacts } from './facts';
export { unfitForWorkMatters, tooYoung, residenceYearsAsked, residenceShort } from './conditions';

/** What the registry runs: the facts' schema, the decision. */
export const rules = { factsSchema, evaluate };
