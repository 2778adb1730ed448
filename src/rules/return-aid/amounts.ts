import { numberOn, tableOn } from '../../content/parameters';
import type { IsoDate } from '../../dates/calendar';
import type { RuleContext } from '../context';
import { condition, type RawAmount, type RawCondition } from '../decision';
import { statusKey } from '../helpers';
import { reinsertionProgramme, type Phase } from './eligibility';
import { articles, isMayotte, param, t, type ReturnAidFacts } from './facts';

/**
 * The maxima: per person by group and phase, the derogating caps, the supplement, the social
 * reintegration aid, and the total. A maximum whose condition is not known (the channel-crossing
 * cap, the increased allowance, the reintegration aid while the OFII programmes are not known) is
 * marked conditional and left out of the total.
 */

export interface AmountInput {
  group: 'visa-exempt' | 'other';
  phase: Phase;
  allowance: boolean;
  reinsertion: boolean;
  on: IsoDate;
}

interface Parts {
  amounts: RawAmount[];
  conditions: RawCondition[];
  /** what the household total counts: only maxima that hold as they are */
  certain: number;
}

const ifMet = (a: Omit<RawAmount, 'conditional' | 'condition'>, conditionId: string): RawAmount => ({
  ...a,
  conditional: true,
  condition: conditionId,
});

export function returnAidAmounts(f: ReturnAidFacts, ctx: RuleContext, a: AmountInput) {
  const parts: Parts = { amounts: [], conditions: [], certain: 0 };
  if (a.allowance) allowances(f, ctx, a, parts);
  else
    parts.amounts.push({
      id: 'incentive-allowance',
      maxEur: 0,
      per: 'person',
      reference: articles(f).who,
      explain: t('amounts.incentive-allowance.no-return-ban'),
    });
  const supplement = numberOn(ctx.content, param(f, 'return-aid-travel-document-supplement'), a.on);
  if (supplement) {
    parts.amounts.push({
      id: 'travel-document-supplement',
      maxEur: supplement.value,
      per: 'household',
      reference: supplement.period.reference,
      explain: t(`amounts.travel-document-supplement.${f.hasTravelDocument === false ? 'to-obtain' : 'has'}`),
    });
    parts.certain += supplement.value;
  }
  reinsertionSocial(f, ctx, a, parts);
  parts.amounts.push({
    id: 'household-total',
    maxEur: parts.certain,
    per: 'household',
    reference: articles(f).aid,
    explain: t('amounts.household-total', { adults: f.adults ?? 1, minors: f.minors ?? 0 }),
  });
  return { amounts: parts.amounts, conditions: parts.conditions };
}

/** The incentive allowance: per adult and per minor, the derogating caps for adults, the increased allowance. */
function allowances(f: ReturnAidFacts, ctx: RuleContext, a: AmountInput, parts: Parts) {
  const c = ctx.content;
  const base = tableOn(c, param(f, 'return-aid-incentive-base'), a.on)!;
  const key = `${a.group}-${a.phase.phase}`;
  const perPerson = base.value[key] ?? 0;
  const adults = f.adults ?? 1;
  const minors = f.minors ?? 0;
  const phaseValues = { phase: a.phase.phase, from: { date: a.phase.from }, on: { date: a.on } };
  const derogation =
    f.derogation && f.derogation !== 'none' && !isMayotte(f)
      ? numberOn(c, 'return-aid-derogation-cap-base', a.on)
      : undefined;
  // The UK readmission is a fact the person knows; the channel-crossing list and OFII Lille's validation are not.
  const certain = derogation && f.derogation === 'uk-readmission';
  const perAdult = certain ? derogation.value : perPerson;
  parts.amounts.push({
    id: 'incentive-allowance',
    maxEur: perAdult,
    per: 'person',
    reference: certain ? derogation.period.reference : base.period.reference,
    explain: certain
      ? t('amounts.incentive-allowance.derogation-uk-readmission')
      : t(`amounts.incentive-allowance.${a.group}`, phaseValues),
  });
  if (minors > 0)
    parts.amounts.push({
      id: 'incentive-allowance-minor',
      maxEur: perPerson,
      per: 'person',
      reference: base.period.reference,
      explain: t('amounts.incentive-allowance-minor', phaseValues),
    });
  parts.certain += adults * perAdult + minors * perPerson;
  if (derogation) derogationCaps(f, ctx, a, parts, derogation);
  increased(f, ctx, a, parts, certain ? numberOn(c, 'return-aid-derogation-cap-increased', a.on)?.value : undefined);
}

/** Channel crossing: the caps only if OFII Lille confirms; UK readmission: the condition is met. */
function derogationCaps(
  f: ReturnAidFacts,
  ctx: RuleContext,
  a: AmountInput,
  parts: Parts,
  cap: NonNullable<ReturnType<typeof numberOn>>,
) {
  const met = f.derogation === 'uk-readmission' ? true : undefined;
  parts.conditions.push(
    condition('derogation', met, 'arrete-2025-11-27', t(`conditions.derogation.${f.derogation ?? 'none'}`)),
  );
  if (met) return;
  parts.amounts.push(
    ifMet(
      {
        id: 'incentive-allowance-derogation',
        maxEur: cap.value,
        per: 'person',
        reference: cap.period.reference,
        explain: t('amounts.incentive-allowance.derogation-channel-crossing'),
      },
      'derogation',
    ),
  );
  const increasedCap = numberOn(ctx.content, 'return-aid-derogation-cap-increased', a.on);
  if (increasedCap)
    parts.amounts.push(
      ifMet(
        {
          id: 'increased-allowance-derogation',
          maxEur: increasedCap.value,
          per: 'person',
          reference: increasedCap.period.reference,
          explain: t('amounts.increased-allowance.derogation-channel-crossing'),
        },
        'derogation',
      ),
    );
}

/** The increased allowance is granted only in operations OFII decides at the prefect's request: never certain. */
function increased(f: ReturnAidFacts, ctx: RuleContext, a: AmountInput, parts: Parts, cap: number | undefined) {
  const table = tableOn(ctx.content, param(f, 'return-aid-incentive-increased'), a.on);
  const perAdult = cap ?? table?.value[`${a.group}-${a.phase.phase}`];
  if (!table || perAdult === undefined) return;
  parts.conditions.push(
    condition(
      'increased-allowance-operation',
      undefined,
      articles(f).aid,
      t(`conditions.increased-allowance-operation.${isMayotte(f) ? 'mayotte' : 'mainland'}`),
    ),
  );
  parts.amounts.push(
    ifMet(
      {
        id: 'increased-allowance',
        maxEur: perAdult,
        per: 'person',
        reference: cap !== undefined ? 'arrete-2025-11-27' : table.period.reference,
        explain: t(isMayotte(f) ? 'amounts.increased-allowance.mayotte' : 'amounts.increased-allowance.mainland'),
      },
      'increased-allowance-operation',
    ),
  );
}

/** Social reintegration: by family make-up, only where an OFII programme covers the country. */
function reinsertionSocial(f: ReturnAidFacts, ctx: RuleContext, a: AmountInput, parts: Parts) {
  const table = tableOn(ctx.content, param(f, 'return-aid-reinsertion-social'), a.on);
  const programme = a.reinsertion ? reinsertionProgramme(f, ctx) : false;
  if (!a.reinsertion || !table || programme === false) {
    const why = !a.reinsertion ? (a.allowance ? 'too-late' : 'no-return-ban') : 'no-programme';
    parts.amounts.push({
      id: 'reinsertion-social',
      maxEur: 0,
      per: 'household',
      reference: a.reinsertion ? articles(f).reinsertion : articles(f).who,
      explain: t(`amounts.reinsertion-social.${why}`),
    });
    if (a.reinsertion) parts.conditions.push(programmeCondition(f, programme));
    return;
  }
  const s = table.value;
  const adults = f.adults ?? 1;
  const minors = f.minors ?? 0;
  const maxEur = (adults >= 2 ? (s.couple ?? 0) : (s.isolated ?? 0)) + minors * (s['per-minor'] ?? 0);
  parts.conditions.push(programmeCondition(f, programme));
  const amount: RawAmount = {
    id: 'reinsertion-social',
    maxEur,
    per: 'household',
    reference: table.period.reference,
    explain: t('amounts.reinsertion-social.explain', {
      isolated: s.isolated ?? 0,
      couple: s.couple ?? 0,
      perMinor: s['per-minor'] ?? 0,
      minors,
    }),
  };
  if (programme === true) parts.certain += maxEur;
  parts.amounts.push(programme === true ? amount : ifMet(amount, 'reinsertion-programme'));
}

const programmeCondition = (f: ReturnAidFacts, programme: boolean | undefined) =>
  condition(
    'reinsertion-programme',
    programme,
    articles(f).reinsertion,
    t(`conditions.reinsertion-programme.${statusKey(programme)}`),
  );
