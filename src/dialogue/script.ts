import type { Content } from '../content/load';
import type { Translate } from '../i18n';
import type { FlowEngine } from './engine';
import { explore } from './explore';
import { decisionAt, questionText, renderInput } from './messages';

export interface ScriptQuestion {
  node: string;
  field: string;
  text: string;
  help?: string;
  input: ReturnType<typeof renderInput>;
  leadsTo: { answer: string; to: string }[];
}

export interface ScriptOutcome {
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
    const label = (answer: unknown) =>
      answer === undefined
        ? t('common:dont-know')
        : q.input.kind === 'date'
          ? t('common:script.a-date')
          : (input.options?.find((o) => o.value === answer)?.label ?? String(answer));
    const leadsTo = map.edges
      .filter((e) => e.from === node)
      .map((e) => ({ answer: label(e.answer), to: e.to }))
      .filter((e, i, all) => all.findIndex((x) => x.answer === e.answer && x.to === e.to) === i);
    return {
      node,
      field: q.field,
      text: questionText(q, key, { t, content, today }),
      ...(help ? { help } : {}),
      input,
      leadsTo,
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
