import { todayIn, type Clock } from '../clock';
import type { Procedure } from '../procedures/registry';

/**
 * The one "today" of a conversation or an evaluation: the injected clock's date in the calendar the
 * person's facts are in (Mayotte's for facts about Mayotte, Paris's otherwise).
 */
export const todayFor = (clock: Clock, procedure: Procedure, facts: Record<string, unknown>): string =>
  todayIn(clock, procedure.timeZone(facts));
