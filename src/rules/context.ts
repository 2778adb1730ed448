import type { Content } from '../content/load';
import type { IsoDate } from '../dates/calendar';

/** What every rule reads besides the facts: the date whose law applies, and the dated parameters. No clock. */
export interface RuleContext {
  asOf: IsoDate;
  content: Content;
}
