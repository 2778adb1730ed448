import type { Content } from '../content/load';
import { intlLocale } from '../languages';
import { formatNumber } from '../format';
import type { Translate } from '../i18n';
import { questionNotes } from './agent-lines';
import { countryName } from '../understanding/country-names';
import type { FlowEngine, Question } from './engine';
import { explore } from './explore';
import { decisionAt, questionText, renderInput } from './messages';

export interface ScriptQuestion {
  node: string;
  field: string;
  text: string;
  help?: string;
  input: ReturnType<typeof renderInput>;
  /** each answer in words (an option's label; for open answers, a sample: a country or a number) and where it leads */
  leadsTo: { answer: string; to: string }[];
  /** for whoever reads it out: the choices, the kind of answer, the thresholds in force with their texts */
  notes: string[];
}

interface ScriptOutcome {
  node: string;
  text: string;
  handover?: string;
  references: { id: string; title: string; url: string }[];
}

export interface Script {
  procedure: string;
  title: string;
  lang: string;
  start: string;
  questions: ScriptQuestion[];
  outcomes: ScriptOutcome[];
}

/** The whole flow as a script for helpdesk agents: derived by walking the machine, so it cannot drift from it. */
export function buildScript(
  engine: FlowEngine,
  content: Content,
  procedure: string,
  t: Translate,
  lang: string,
  today: string,
): Script {
  const map = explore(engine, procedure, today, content);
  const machineStates = (node: string) => ({ procedure, state: { value: node, context: {} } });
  const questions = map.questions.map((node): ScriptQuestion => {
    const q = engine.question(machineStates(node))!;
    const key = `${procedure}:questions.${node}`;
    const help = t(`${key}.help`, { defaultValue: '' });
    const input = renderInput(q, procedure, node, { t, today });
    const inWords = answerInWords(q, input, { t, lang, content });
    const label = (answer: unknown) => (answer === undefined ? t('common:dont-know') : inWords(answer));
    const leadsTo = map.edges
      .filter((e) => e.from === node)
      .map((e) => ({ answer: label(e.answer), to: e.to }))
      .filter((e, i, all) => all.findIndex((x) => x.answer === e.answer && x.to === e.to) === i);
    const notes = questionNotes(
      q,
      (input.options ?? []).map((o) => o.label),
      { t, lang, content, today },
    );
    return {
      node,
      field: q.field,
      text: questionText(q, key, { t, content, today }),
      ...(help ? { help } : {}),
      input,
      leadsTo,
      notes,
    };
  });
  const outcomes = map.outcomes.map((node): ScriptOutcome => {
    const handover = node.includes('->') ? node.split('->')[1] : undefined;
    if (handover)
      return {
        node,
        text: t('common:session.handover', { procedure: t(`${handover}:title`) }),
        handover,
        references: [],
      };
    const outcome = engine.outcome(machineStates(node))!;
    const sample = map.samples.get(node)!;
    const references = decisionAt(sample, { engine, content, t, lang, today }).references.map((r) => ({
      id: r.id,
      title: r.title,
      url: r.url,
    }));
    return { node, text: t(`${outcome.shared ? 'common' : procedure}:outcomes.${outcome.id}.text`), references };
  });
  return { procedure, title: t(`${procedure}:title`), lang, start: map.initial, questions, outcomes };
}

/** An answer as it is said: an option's label, a country or a town by its name, a number as the language writes it. */
function answerInWords(
  q: Question,
  input: ReturnType<typeof renderInput>,
  ctx: { t: Translate; lang: string; content: Content },
) {
  return (answer: unknown): string => {
    const option = input.options?.find((o) => JSON.stringify(o.value) === JSON.stringify(answer));
    if (option) return option.label;
    switch (q.input.kind) {
      case 'date':
        return ctx.t('common:script.a-date');
      case 'country':
        return countryName(String(answer), ctx.lang);
      case 'commune':
        return ctx.content.communes.byInsee(String(answer))?.name ?? String(answer);
      case 'number':
        return formatNumber(Number(answer), intlLocale(ctx.content, ctx.lang));
      case 'numbers':
        return (answer as number[]).map((n) => formatNumber(n, intlLocale(ctx.content, ctx.lang))).join(', ');
      case 'text':
        return ctx.t('common:script.any-text');
      default:
        return String(answer);
    }
  };
}
