import type { RuleContext } from '../context';
import type { RawStep } from '../decision';
import { eligibleMembers } from './eligibility';
import { applicationOf, goTo, isAlgerian, isMayotte, num, step, type FamilyFacts } from './facts';

/** What to know besides the conditions, and how to file: said to everyone the rules let file. */

export function familyNotices(f: FamilyFacts, ctx: RuleContext): RawStep[] {
  const on = applicationOf(f, ctx);
  const m = eligibleMembers(f, ctx);
  const out: RawStep[] = [
    step('whole-family', 'ceseda-l434-1'),
    // Under the 1968 agreement only family benefits are left out (FACTS.md §3.1): not the CESEDA's list.
    isAlgerian(f)
      ? step('resources-excluded-algeria', 'accord-franco-algerien-art4')
      : step('resources-excluded', 'ceseda-l434-8'),
    step('smic-gross', 'service-public-f11166'),
  ];
  if (isAlgerian(f) || f.nationality === 'MA') out.push(step('kafala', 'ofii-family-reunification'));
  out.push(step('partner-children', 'ceseda-l434-2'));
  if (m.adultChildren.length > 0 || (f.spouseJoining && f.spouseAge !== undefined && !m.spouse))
    out.push(step('others-visa', 'ofii-family-reunification'));
  const months = num(ctx, 'mayotte-family-residence-months', on)?.value;
  const validity = num(ctx, 'mayotte-family-permit-min-validity-months', on)?.value;
  if ((!f.commune || f.commune === 'unknown') && months !== undefined && validity !== undefined)
    out.push(step('mayotte-rules', 'service-public-f11166', { months, validity }));
  out.push(
    step('child-age-at-filing', 'ceseda-l434-2'),
    step('polygamy', 'service-public-f11166'),
    step('cerfa-revision', 'ofii-family-reunification'),
  );
  return out;
}

/** How to file, for a request the rules let go forward. */
export function filingSteps(f: FamilyFacts, ctx: RuleContext): RawStep[] {
  const months = num(ctx, 'family-prefect-decision-months', applicationOf(f, ctx))?.value;
  return [
    step('documents', 'ofii-family-reunification'),
    step('form', 'ofii-family-reunification'),
    goTo(isMayotte(f) ? 'ofii-mayotte' : 'ofii', 'send-to-ofii', 'ofii-family-reunification'),
    step('completeness-check', 'ofii-family-reunification'),
    step('housing-inspection', 'ofii-family-reunification'),
    ...(months !== undefined ? [step('prefect-decision', 'ceseda-r434-26', { months })] : []),
  ];
}
