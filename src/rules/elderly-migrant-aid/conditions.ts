import type { RuleContext } from '../context';
import { condition, type RawCondition } from '../decision';
import { statusKey } from '../helpers';
import { isEea, isFrench, num, regimeOn, t, type ElderlyFacts, type Regime } from './facts';

/** The conditions of the aid but the resources, and the named predicates the flow asks. */

/** The age figures of the regime in force: 65, or the early age when unfit for work. */
function ageFigures(ctx: RuleContext) {
  const min = num(ctx, 'elderly-aid-min-age')?.value;
  const early = num(ctx, 'elderly-aid-early-age-min')?.value;
  const earlyMax = num(ctx, 'elderly-aid-early-age-max')?.value;
  return min === undefined || early === undefined || earlyMax === undefined ? undefined : { min, early, earlyMax };
}

/** Age: 65, or earlier when unfit for work: the legal retirement age (62 to 64) since 2020, 60 in the ARFS. */
function ageCondition(f: ElderlyFacts, ctx: RuleContext): boolean | undefined {
  const a = ageFigures(ctx);
  if (f.age === undefined || !a) return undefined;
  if (f.age >= a.min) return true;
  if (f.age < a.early) return false;
  if (f.unfitForWork === undefined) return undefined;
  if (!f.unfitForWork) return false;
  // Between 62 and 64, the legal retirement age depends on the year of birth: the MSA decides.
  return f.age >= a.earlyMax ? true : undefined;
}

/** Whether being unfit for work would change the answer: asked only between the early age and 65. */
export const unfitForWorkMatters = (f: ElderlyFacts, ctx: RuleContext) => {
  const a = ageFigures(ctx);
  return a !== undefined && f.age !== undefined && f.age >= a.early && f.age < a.min;
};
export const tooYoung = (f: ElderlyFacts, ctx: RuleContext) => ageCondition(f, ctx) === false;

/** EEA and Swiss nationals: the L262-6 conditions instead of the 15 years (AVFS); excluded under the ARFS. */
export const residenceYearsAsked = (f: ElderlyFacts, ctx: RuleContext) => !isEea(f, ctx);
export const residenceShort = (f: ElderlyFacts, ctx: RuleContext) => {
  const years = num(ctx, 'elderly-aid-residence-years')?.value;
  return years !== undefined && f.regularResidenceYears !== undefined && f.regularResidenceYears < years;
};
/** The hostel or social residence is required at every request under the ARFS, at the first one only under the AVFS. */
const housingRequired = (f: ElderlyFacts, ctx: RuleContext) =>
  regimeOn(ctx, ctx.asOf) === 'arfs' || f.firstRequest === true;

/** Every condition but the resources, in the order the flow asks them. */
export function personConditions(f: ElderlyFacts, ctx: RuleContext, regime: Regime, law: string): RawCondition[] {
  const eea = isEea(f, ctx);
  // Foreigners only; the ARFS also excluded the EU and the EEA.
  const nationalityOk = f.nationality === undefined ? undefined : !isFrench(f) && !(regime === 'arfs' && eea);
  const nationalityKey = nationalityOk === false ? (isFrench(f) ? 'french' : 'eea-arfs') : statusKey(nationalityOk);
  const c: RawCondition[] = [
    condition('foreign-national', nationalityOk, law, t(`conditions.foreign-national.${nationalityKey}`)),
  ];
  const a = ageFigures(ctx);
  if (a) {
    const age = ageCondition(f, ctx);
    const ageKey = age === undefined && f.unfitForWork === true ? 'between' : statusKey(age);
    const ref = regime === 'avfs' ? 'service-public-f36192' : law;
    c.push(condition('age', age, ref, t(`conditions.age.${regime}-${ageKey}`, a)));
  }
  c.push(residence(f, ctx, regime, law, eea));
  c.push(condition('lives-alone', f.livesAlone, law, t(`conditions.lives-alone.${statusKey(f.livesAlone)}`)));
  if (housingRequired(f, ctx) || f.firstRequest === undefined) {
    const ok = f.housing === undefined ? undefined : f.housing !== 'other';
    c.push(condition('housing', ok, law, t(`conditions.housing.${regime}-${statusKey(ok)}`)));
  } else c.push(condition('housing', true, law, t('conditions.housing.not-first-request')));
  if (regime === 'avfs') {
    const key = `conditions.pensions-claimed.${statusKey(f.pensionsClaimed)}`;
    c.push(condition('pensions-claimed', f.pensionsClaimed, 'service-public-f36192', t(key)));
  }
  const months = num(ctx, 'arfs-long-stay-months')?.value;
  if (regime === 'arfs' && months !== undefined) {
    const key = `conditions.long-stays.${statusKey(f.longStaysAbroad)}`;
    c.push(condition('long-stays', f.longStaysAbroad, 'decret-2015-1239', t(key, { months })));
  }
  return c;
}

function residence(f: ElderlyFacts, ctx: RuleContext, regime: Regime, law: string, eea: boolean): RawCondition {
  if (eea && regime === 'avfs')
    return condition('residence', undefined, 'service-public-f36192', t('conditions.residence.eea'));
  const years = num(ctx, 'elderly-aid-residence-years')?.value;
  if (years === undefined) return condition('residence', undefined, law, t('conditions.residence.no-figures'));
  const ok = f.regularResidenceYears === undefined ? undefined : f.regularResidenceYears >= years;
  return {
    ...condition('residence', ok, law, t(`conditions.residence.${statusKey(ok)}`, { years })),
    figures: {
      required: years,
      ...(f.regularResidenceYears !== undefined ? { actual: f.regularResidenceYears } : {}),
      unit: 'years',
    },
  };
}
