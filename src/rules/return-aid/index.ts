/** OFII return and reintegration aid (seeds 000 and 001, FACTS.md §1 and §2): what flows/ and the registry use. */
import { evaluate } from './evaluate';
import { factsSchema, timeZone } from './facts';
export { procedureId, territories, derogations, type ReturnAidFacts } from './facts';
export { isExcluded, withoutOqtfInMayotte, needsReturnBan, derogationRelevant, householdNeeded } from './eligibility';

/** What the registry runs: the facts' schema, the decision, the calendar of the facts. */
export const rules = { factsSchema, evaluate, timeZone };
