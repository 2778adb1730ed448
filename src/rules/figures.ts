import { familyOf, knownOn, recordingReads } from '../content/parameters';
import type { RuleContext } from './context';
import type { RawDecision, RawStep } from './decision';

/**
 * Figures that may be out of date: a decision that rests on a parameter past its family's review
 * horizon says "figure known on <date>, it may have changed" and whom to ask for the exact figure.
 */

const noticeId = (family: string) => `stale-figures-${family}`;

function staleNotice(ctx: RuleContext, family: string, since: string): RawStep {
  const body = ctx.content.families.get(family)!.refer;
  return {
    id: noticeId(family),
    text: { key: 'common:figures.stale', values: { since: { date: since }, body } },
    body,
  };
}

/** The notice for a figure the rules themselves judge out of date (for a date past its horizon, not only today). */
export function staleFigureNotice(ctx: RuleContext, id: string): RawStep | undefined {
  const since = knownOn(ctx.content, id, ctx.asOf);
  return since ? staleNotice(ctx, familyOf(ctx.content, id).id, since) : undefined;
}

/** One notice per family of the parameters read that is past its review horizon on asOf (the earliest date known). */
function staleFigureNotices(ctx: RuleContext, read: ReadonlySet<string>): RawStep[] {
  const known = new Map<string, string>();
  for (const id of read) {
    const family = familyOf(ctx.content, id);
    const on = knownOn(ctx.content, id, ctx.asOf);
    if (ctx.asOf <= family.reviewBy || !on) continue;
    const earlier = known.get(family.id);
    known.set(family.id, earlier && earlier < on ? earlier : on);
  }
  return [...known].map(([family, since]) => staleNotice(ctx, family, since));
}

/** A procedure's evaluate, noting the parameters it reads so that stale figures are said as such (once each). */
export function withStaleFigures<F>(
  evaluate: (facts: F, ctx: RuleContext) => RawDecision,
): (facts: F, ctx: RuleContext) => RawDecision {
  return (facts, ctx) => {
    const read = new Set<string>();
    const d = evaluate(facts, { ...ctx, content: recordingReads(ctx.content, read) });
    const said = new Set(d.notices.map((n) => n.id));
    d.notices.push(...staleFigureNotices(ctx, read).filter((n) => !said.has(n.id)));
    return d;
  };
}
