import { isStale, latestNumberOn } from '../../content/parameters';
import type { RuleContext } from '../context';
import { condition, type RawCondition, type RawDecision } from '../decision';
import { statusKey } from '../helpers';
import { num, step, t, type ElderlyFacts } from './facts';

/** The resources and the amount: the AVFS monthly estimate, or the ARFS yearly range. */

/** AVFS monthly amount: full up to the monthly maximum in annual resources, then linear down to zero at the ceiling. */
function avfsMonthly(resources: number, max: number, ceiling: number): number {
  if (resources <= max) return max;
  if (resources >= ceiling) return 0;
  return Math.round(((max * (ceiling - resources)) / (ceiling - max)) * 100) / 100;
}

/** What the resources say: the condition, and whether it is for the MSA to judge (the ceiling may have been raised). */
export interface ResourcesOutcome {
  condition: RawCondition;
  /** the figures are not known for this date */
  noFigures: boolean;
  /** at or above a ceiling that may have been raised since it was known: the MSA says */
  aboveKnownCeiling: boolean;
}

export function avfsResources(f: ElderlyFacts, ctx: RuleContext, d: RawDecision): ResourcesOutcome {
  const max = latestNumberOn(ctx.content, 'avfs-monthly-max', ctx.asOf);
  const ceiling = latestNumberOn(ctx.content, 'avfs-annual-ceiling', ctx.asOf);
  if (!max || !ceiling)
    return {
      condition: condition('resources', undefined, 'casf-r117-19', t('conditions.resources.no-figures')),
      noFigures: true,
      aboveKnownCeiling: false,
    };
  const since = { date: max.period.validFrom };
  // Revaluations only raise the ceiling: below the last one known, below today's; at or above it, the MSA says.
  const mayHaveRisen = ceiling.estimate || isStale(ctx.content, 'avfs-annual-ceiling', ctx.asOf);
  const atOrAbove = f.annualResources !== undefined && f.annualResources >= ceiling.value;
  const below = f.annualResources === undefined ? undefined : atOrAbove && mayHaveRisen ? undefined : !atOrAbove;
  const key = atOrAbove && mayHaveRisen ? 'avfs-above-known' : `avfs-${statusKey(below)}`;
  const cond: RawCondition = {
    ...condition(
      'resources',
      below,
      ceiling.period.reference,
      t(`conditions.resources.${key}`, {
        ceiling: { eur: ceiling.value },
        since,
      }),
    ),
    figures: {
      required: ceiling.value,
      ...(f.annualResources !== undefined ? { actual: f.annualResources } : {}),
      unit: 'eur',
    },
  };
  if (!(atOrAbove && mayHaveRisen))
    monthlyAid(f, d, { max: max.value, ceiling: ceiling.value, since, ref: max.period.reference });
  if ((max.estimate || ceiling.estimate) && !isStale(ctx.content, 'avfs-annual-ceiling', ctx.asOf))
    d.notices.push(step('estimate', 'casf-r117-19', { since }));
  return { condition: cond, noFigures: false, aboveKnownCeiling: atOrAbove && mayHaveRisen };
}

function monthlyAid(
  f: ElderlyFacts,
  d: RawDecision,
  a: { max: number; ceiling: number; since: { date: string }; ref: string },
) {
  const monthly = f.annualResources === undefined ? a.max : avfsMonthly(f.annualResources, a.max, a.ceiling);
  const kind =
    f.annualResources === undefined ? 'maximum' : monthly === a.max ? 'full' : monthly === 0 ? 'zero' : 'reduced';
  d.notices.push(step('rounding', 'casf-r117-19'));
  d.amounts.push({
    id: 'monthly-aid',
    maxEur: monthly,
    per: 'month',
    reference: a.ref,
    explain: t(`amounts.monthly-aid.${kind}`, { max: { eur: a.max }, ceiling: { eur: a.ceiling }, since: a.since }),
  });
}

export function arfsResources(f: ElderlyFacts, ctx: RuleContext, d: RawDecision): ResourcesOutcome {
  const ceiling = num(ctx, 'arfs-annual-resource-ceiling');
  const min = num(ctx, 'arfs-annual-aid-min');
  const max = num(ctx, 'arfs-annual-aid-max');
  if (!ceiling || !min || !max)
    return {
      condition: condition('resources', undefined, 'decret-2015-1239', t('conditions.resources.no-figures')),
      noFigures: true,
      aboveKnownCeiling: false,
    };
  const below = f.annualResources === undefined ? undefined : f.annualResources < ceiling.value;
  d.amounts.push({
    id: 'annual-aid',
    maxEur: max.value,
    per: 'year',
    reference: max.period.reference,
    explain: t('amounts.annual-aid.arfs', { min: { eur: min.value }, max: { eur: max.value } }),
  });
  const key = `conditions.resources.arfs-${statusKey(below)}`;
  return {
    condition: {
      ...condition('resources', below, ceiling.period.reference, t(key, { ceiling: { eur: ceiling.value } })),
      figures: {
        required: ceiling.value,
        ...(f.annualResources !== undefined ? { actual: f.annualResources } : {}),
        unit: 'eur',
      },
    },
    noFigures: false,
    aboveKnownCeiling: false,
  };
}
