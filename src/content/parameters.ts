import type { Content, Family } from './load';
import type { ParameterPeriod } from './schemas';

/** The period of a parameter in force on `asOf` (YYYY-MM-DD), or undefined when none holds. */
export function parameterOn(content: Content, id: string, asOf: string): ParameterPeriod | undefined {
  const periods = content.parameters.get(id);
  if (!periods) throw new Error(`unknown parameter ${id}`);
  return periods.find((p) => p.validFrom <= asOf && (!p.validTo || asOf <= p.validTo));
}

/** A numeric parameter on `asOf`; undefined when the rules have no value for that date. */
export function numberOn(
  content: Content,
  id: string,
  asOf: string,
): { value: number; period: ParameterPeriod } | undefined {
  const period = parameterOn(content, id, asOf);
  if (!period) return undefined;
  if (typeof period.value !== 'number') throw new Error(`parameter ${id} is not a single number`);
  return { value: period.value, period };
}

/** A table parameter (named numbers) on `asOf`. */
export function tableOn(
  content: Content,
  id: string,
  asOf: string,
): { value: Record<string, number>; period: ParameterPeriod } | undefined {
  const period = parameterOn(content, id, asOf);
  if (!period) return undefined;
  if (typeof period.value !== 'object') throw new Error(`parameter ${id} is not a table`);
  return { value: period.value, period };
}

/** A date parameter (YYYY-MM-DD) on `asOf`. */
export function dateOn(
  content: Content,
  id: string,
  asOf: string,
): { value: string; period: ParameterPeriod } | undefined {
  const period = parameterOn(content, id, asOf);
  if (!period) return undefined;
  if (typeof period.value !== 'string') throw new Error(`parameter ${id} is not a date`);
  return { value: period.value, period };
}

/** Whether a country is in a dated list on `asOf`. */
export function inCountryList(content: Content, listId: string, code: string, asOf: string): boolean {
  const list = content.countryLists.get(listId);
  if (!list) throw new Error(`unknown country list ${listId}`);
  return list.countries.some(
    (c) => c.code === code && (!c.validFrom || c.validFrom <= asOf) && (!c.validTo || asOf <= c.validTo),
  );
}

/**
 * A numeric parameter on `asOf`, or, when no period covers that date, the latest value known before
 * it, flagged as an estimate (amounts revalued since the last figure in content/).
 */
export function latestNumberOn(
  content: Content,
  id: string,
  asOf: string,
): { value: number; period: ParameterPeriod; estimate: boolean } | undefined {
  const exact = numberOn(content, id, asOf);
  if (exact) return { ...exact, estimate: false };
  const before = (content.parameters.get(id) ?? [])
    .filter((p) => p.validFrom <= asOf && typeof p.value === 'number')
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  return before ? { value: before.value as number, period: before, estimate: true } : undefined;
}

/** The family a parameter belongs to: its review horizon, and whom to ask for the exact figure. */
export function familyOf(content: Content, id: string): Family {
  const family = content.families.get(content.familyOf.get(id) ?? '');
  if (!family) throw new Error(`parameter ${id} belongs to no family`);
  return family;
}

/** Past its family's review horizon, a figure may have changed without this service knowing it. */
export const isStale = (content: Content, id: string, asOf: string): boolean => asOf > familyOf(content, id).reviewBy;

/**
 * The day a figure used on `asOf` was known: when its source was last read (the reference's
 * lastChecked), else the day its period started.
 */
export function knownOn(content: Content, id: string, asOf: string): string | undefined {
  const period =
    parameterOn(content, id, asOf) ??
    [...(content.parameters.get(id) ?? [])]
      .filter((p) => p.validFrom <= asOf)
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  if (!period) return undefined;
  return content.references.get(period.reference)?.lastChecked ?? period.validFrom;
}

/** A view of the content that notes every parameter read, so a decision can tell which figures it rests on. */
export function recordingReads(content: Content, read: Set<string>): Content {
  const parameters = new Proxy(content.parameters, {
    get(target, prop) {
      if (prop === 'get')
        return (id: string) => {
          read.add(id);
          return target.get(id);
        };
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { ...content, parameters };
}
