import { zones, ZONING_DATE, type Zone } from '../../content/communes';
import { tableOn } from '../../content/parameters';
import type { IsoDate } from '../../dates/calendar';
import type { RuleContext } from '../context';
import { condition, type Figures, type RawCondition } from '../decision';
import { statusKey } from '../helpers';
import { num, round2, t, type FamilyFacts } from './facts';

/** The home: its zone, the minimum surface for the household (R434-5), and its decency (the inspection's). */

function zoneOf(f: FamilyFacts, ctx: RuleContext): Zone | undefined {
  if (f.housingZone) return f.housingZone;
  if (!f.commune || f.commune === 'unknown') return undefined;
  return ctx.content.communes.byInsee(f.commune)?.zone;
}

/** Minimum living area for n people in a zone: the base for 2 people, +10 m² each up to 8, +5 m² each beyond. */
function minimumSurface(zone: Zone, people: number, ctx: RuleContext, on: IsoDate): number | undefined {
  const base = tableOn(ctx.content, 'family-housing-base-m2', on)?.value[zone];
  const basePersons = num(ctx, 'family-housing-base-persons', on)?.value;
  const extra = num(ctx, 'family-housing-extra-person-m2', on)?.value;
  const step = num(ctx, 'family-housing-step-persons', on)?.value;
  const beyond = num(ctx, 'family-housing-extra-person-beyond-m2', on)?.value;
  if (
    base === undefined ||
    basePersons === undefined ||
    extra === undefined ||
    step === undefined ||
    beyond === undefined
  )
    return undefined;
  const n = Math.max(people, basePersons);
  return base + extra * (Math.min(n, step) - basePersons) + beyond * Math.max(n - step, 0);
}

export const figures = (required: number, actual: number | undefined, unit: Figures['unit']): Figures => ({
  required,
  ...(actual !== undefined ? { actual } : {}),
  unit,
  ...(actual !== undefined && actual < required ? { gap: round2(required - actual) } : {}),
});

export function housingConditions(f: FamilyFacts, ctx: RuleContext, on: IsoDate): RawCondition[] {
  // Decency is checked by the inspection; the rules cannot know it.
  const decency = condition('housing-decency', undefined, 'ceseda-r434-5', t('conditions.housing-decency.unknown'));
  return [surfaceCondition(f, ctx, on), decency];
}

function surfaceCondition(f: FamilyFacts, ctx: RuleContext, on: IsoDate): RawCondition {
  const unknown = (key: string, values?: Parameters<typeof t>[1]) =>
    condition('housing-surface', undefined, 'ceseda-r434-5', t(`conditions.housing-surface.${key}`, values));
  if (f.householdSize === undefined) return unknown('unknown-size');
  const people = f.householdSize;
  const zone = zoneOf(f, ctx);
  if (!zone) {
    // No town given: the figure for every zone, so the person can read theirs.
    const perZone: Record<string, number> = {};
    for (const z of zones) {
      const v = minimumSurface(z, people, ctx, on);
      if (v === undefined) return unknown('no-figures');
      perZone[z] = v;
    }
    return unknown('every-zone', { people, ...perZone, zoning: { date: ZONING_DATE } });
  }
  const required = minimumSurface(zone, people, ctx, on);
  if (required === undefined) return unknown('no-figures');
  const met = f.housingSurfaceM2 === undefined ? undefined : f.housingSurfaceM2 >= required;
  const commune = f.commune && f.commune !== 'unknown' ? ctx.content.communes.byInsee(f.commune) : undefined;
  // A zone given directly has no town to name.
  const key = `${statusKey(met)}${commune ? '' : '-zone'}`;
  return {
    ...condition(
      'housing-surface',
      met,
      'ceseda-r434-5',
      t(`conditions.housing-surface.${key}`, {
        people,
        zone: zone === 'Abis' ? 'A bis' : zone,
        ...(commune ? { place: `${commune.name} (${commune.department})` } : {}),
        required,
        zoning: { date: ZONING_DATE },
      }),
    ),
    figures: figures(required, f.housingSurfaceM2, 'm2'),
  };
}
