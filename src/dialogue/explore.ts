import type { QuestionInput } from '../../flows/types';
import type { Content } from '../content/load';
import { numberOn } from '../content/parameters';
import { plusDays } from '../dates/calendar';
import type { FlowEngine, Position } from './engine';

/** Answers a procedure adds for its country and commune questions (the registry's samples). */
export type Samples = { country?: readonly string[]; commune?: readonly string[] };

/**
 * Sample answers that cover each way out of a question: every option, dates far and near, numbers on each side of its
 * thresholds.
 */
export function sampleAnswers(
  input: QuestionInput,
  today: string,
  thresholds: number[] = [],
  samples: Samples = {},
): unknown[] {
  // "I don't know" (no value) is an answer at every question but triage's, the town's and free text's
  const unknown =
    (input.kind === 'choice' && input.procedures) || input.kind === 'commune' || input.kind === 'text'
      ? []
      : [undefined];
  return [...knownAnswers(input, today, thresholds, samples), ...unknown];
}

function knownAnswers(
  input: QuestionInput,
  today: string,
  thresholds: number[] = [],
  samples: Samples = {},
): unknown[] {
  switch (input.kind) {
    case 'choice':
      return [...input.options];
    case 'yesno':
      return [true, false];
    case 'date':
      // Near and far in time: enough to take every date-dependent branch the flows have (months and years apart).
      return [today, plusDays(today, -40), plusDays(today, -400), plusDays(today, -2000)].filter(
        (d) => !(input.notBefore === 'today' && d < today),
      );
    case 'number': {
      // the engine fills the bounds from the facts schema
      const min = input.min ?? 0;
      const max = input.max ?? min + 100;
      const around = thresholds.flatMap((v) => [v - 1, v]).filter((v) => v >= min && v <= max);
      return [...new Set([min, Math.round((min + max) / 2), max, ...around])];
    }
    case 'country':
      return [...new Set(['FR', 'DZ', 'US', ...(samples.country ?? [])])];
    case 'numbers':
      return [[], [input.min ?? 0], [input.min ?? 0, input.max ?? 1]];
    case 'commune':
      return [...(samples.commune ?? ['unknown'])];
    case 'text':
      return ['x'];
  }
}

/**
 * How many distinct sets of facts are walked per state. Answers multiply (every option of every
 * question), so the walk keeps a bounded sample of contexts per state: facts are bucketed by a
 * hash, and the first position seen in each bucket goes on. Every outcome must still be reached,
 * which the flow tests check.
 */
const CONTEXTS_PER_STATE = 400;

/** A bounded key for a position: its state and one of CONTEXTS_PER_STATE buckets of its facts. */
export function boundedKey(value: string, context: unknown): string {
  const json = JSON.stringify(context);
  let h = 2166136261;
  for (let i = 0; i < json.length; i++) h = Math.imul(h ^ json.charCodeAt(i), 16777619);
  return `${value}|${(h >>> 0) % CONTEXTS_PER_STATE}`;
}

interface Edge {
  from: string;
  answer: unknown;
  to: string;
  /** set when the answer hands over to another procedure */
  handover?: string;
}

export interface FlowMap {
  procedure: string;
  initial: string;
  questions: string[];
  outcomes: string[];
  edges: Edge[];
  /** question states from which no answer leads anywhere else */
  deadEnds: string[];
  /** one position reached for each outcome, to evaluate what it says */
  samples: Map<string, Position>;
}

/** Walks a flow from its start with sample answers, as a person could, and maps where each answer leads. */
export function explore(engine: FlowEngine, procedure: string, today: string, content?: Content): FlowMap {
  const start = engine.start(procedure);
  const seen = new Set<string>();
  const questions = new Set<string>();
  const outcomes = new Set<string>();
  const edges = new Map<string, Edge>();
  const samples = new Map<string, Position>();
  const queue: Position[] = [start];
  const statesQueued = new Set<string>([start.state.value]);
  while (queue.length > 0) {
    const pos = queue.shift()!;
    const key = boundedKey(pos.state.value, pos.state.context);
    if (seen.has(key)) continue;
    seen.add(key);
    const q = engine.question(pos);
    if (!q) {
      outcomes.add(pos.state.value);
      if (!samples.has(pos.state.value)) samples.set(pos.state.value, pos);
      continue;
    }
    questions.add(pos.state.value);
    const thresholds = (q.thresholds ?? []).flatMap((id) => {
      const v = content ? numberOn(content, id, today)?.value : undefined;
      return v === undefined ? [] : [v];
    });
    for (const answer of sampleAnswers(q.input, today, thresholds, engine.procedure(pos.procedure).samples)) {
      const next = engine.advance(pos, q.field, answer, today);
      const to = next.handedOverFrom ? `${next.procedure}` : next.state.value;
      const edge: Edge = {
        from: pos.state.value,
        answer,
        to,
        ...(next.handedOverFrom ? { handover: next.procedure } : {}),
      };
      edges.set(
        JSON.stringify([edge.from, q.input.kind === 'date' && answer !== undefined ? 'date' : (answer ?? null), to]),
        edge,
      );
      if (next.handedOverFrom) outcomes.add(`${pos.procedure}->${next.procedure}`);
      // "I don't know" is walked only to states not reached yet: its contexts would crowd out the others
      else if (answer !== undefined || !statesQueued.has(next.state.value)) {
        statesQueued.add(next.state.value);
        queue.push(next);
      }
    }
  }
  const edgeList = [...edges.values()];
  const deadEnds = [...questions].filter((n) => !edgeList.some((e) => e.from === n && e.to !== n));
  return {
    procedure,
    initial: start.state.value,
    questions: [...questions],
    outcomes: [...outcomes],
    edges: edgeList,
    deadEnds,
    samples,
  };
}
