import { createActor, type AnyStateMachine } from 'xstate';
import { z } from 'zod';
import type { Facts, FlowEnv, OutcomeMeta, QuestionInput, QuestionMeta } from '../../flows/types';
import type { Procedure, ProcedureRegistry } from '../procedures/registry';
import type { StoredAnswer } from '../store/types';
import type { NumberUnit } from '../understanding/numbers';

/** The persisted form of a machine snapshot: flat machines, so the value is a state name. */
interface FlowState {
  value: string;
  context: Facts;
}

export type Question = QuestionMeta['question'];
export type Outcome = OutcomeMeta['outcome'];

export interface Position {
  procedure: string;
  state: FlowState;
}

/**
 * Drives the flows with XState's pure transition() on stored JSON, so any process can take the next
 * message. Knows nothing of sessions, HTTP or languages.
 */
export class FlowEngine {
  private readonly flows: ReadonlyMap<string, AnyStateMachine>;
  /** per flow, the scope its pure transitions run in, built once (see inertScope) */
  private readonly scopes: ReadonlyMap<string, FlowScope>;
  private readonly questions = new Map<string, Question | undefined>();

  /** the content the flows read (dated parameters), and the rules with them */
  readonly content: FlowEnv['content'];

  constructor(
    readonly procedures: ProcedureRegistry,
    env: FlowEnv,
  ) {
    this.content = env.content;
    this.flows = new Map(procedures.all.map((p) => [p.id, p.createFlow(env)]));
    this.scopes = new Map([...this.flows].map(([id, machine]) => [id, inertScope(machine)]));
  }

  has(procedure: string): boolean {
    return this.flows.has(procedure);
  }

  /** The registered procedure (its rules, time zone, referral body). */
  procedure(id: string): Procedure {
    const p = this.procedures.get(id);
    if (!p) throw new Error(`no procedure ${id}`);
    return p;
  }

  machine(procedure: string): AnyStateMachine {
    const m = this.flows.get(procedure);
    if (!m) throw new Error(`no flow for ${procedure}`);
    return m;
  }

  private scope(procedure: string): FlowScope {
    const s = this.scopes.get(procedure);
    if (!s) throw new Error(`no flow for ${procedure}`);
    return s;
  }

  private stateNode(procedure: string, node: string) {
    const n = this.machine(procedure).root.states[node];
    if (!n) throw new Error(`no state ${node} in ${procedure}`);
    return n;
  }

  /** The first question of a procedure, with facts carried over from an earlier one. */
  start(procedure: string, facts: Facts = {}): Position {
    const snapshot = this.machine(procedure).getInitialSnapshot(this.scope(procedure), {
      facts: this.carryOver(procedure, facts),
    }) as FlowSnapshot;
    return { procedure, state: { value: String(snapshot.value), context: { ...snapshot.context } } };
  }

  /** The question asked at a position, its number bounds read from the procedure's facts schema. */
  question(pos: Position): Question | undefined {
    const key = `${pos.procedure}\u0000${pos.state.value}`;
    if (!this.questions.has(key)) {
      const q = (this.stateNode(pos.procedure, pos.state.value).meta as Partial<QuestionMeta> | undefined)?.question;
      this.questions.set(
        key,
        q && { ...q, input: withBounds(q.input, this.procedure(pos.procedure).factsSchema.shape[q.field]) },
      );
    }
    return this.questions.get(key);
  }

  outcome(pos: Position): Outcome | undefined {
    return (this.stateNode(pos.procedure, pos.state.value).meta as Partial<OutcomeMeta> | undefined)?.outcome;
  }

  /** One checked answer. A final state that hands over starts the next procedure with the facts that fit it. */
  advance(pos: Position, field: string, value: unknown, asOf: string): Position & { handedOverFrom?: string } {
    const machine = this.machine(pos.procedure);
    const snapshot = machine.resolveState({ value: pos.state.value, context: pos.state.context });
    const next = machine.transition(
      snapshot,
      { type: 'answer', field, value, asOf },
      this.scope(pos.procedure),
    ) as FlowSnapshot;
    const moved: Position = {
      procedure: pos.procedure,
      state: { value: String(next.value), context: { ...next.context } },
    };
    const handover = this.outcome(moved)?.handover;
    if (!handover) return moved;
    return { ...this.start(handover, moved.state.context), handedOverFrom: pos.procedure };
  }

  /** Rebuilds the position from the answers in order (for back, and to change an earlier answer). */
  replay(startProcedure: string, answers: readonly StoredAnswer[], asOf: string): Position {
    let pos = this.start(startProcedure);
    for (const a of answers) pos = this.advance(pos, a.field, a.value, asOf);
    return pos;
  }

  /**
   * Rebuilds the position with answer `index` replaced, keeping each later answer whose question is
   * still asked on the new path (an agent changing step 2 keeps steps 3 to 5 when they still apply).
   */
  replayChanged(
    startProcedure: string,
    answers: readonly StoredAnswer[],
    index: number,
    changed: StoredAnswer,
    asOf: string,
  ) {
    let pos = this.replay(startProcedure, answers.slice(0, index), asOf);
    pos = this.advance(pos, changed.field, changed.value, asOf);
    const kept: StoredAnswer[] = [...answers.slice(0, index), changed];
    for (const later of answers.slice(index + 1)) {
      const q = this.question(pos);
      if (!q || q.field !== later.field || pos.procedure !== later.procedure) continue;
      kept.push({ ...later, node: pos.state.value });
      pos = this.advance(pos, later.field, later.value, asOf);
    }
    return { pos, answers: kept };
  }

  /** Facts a procedure's rules know (its zod schema) are carried over; the others stay behind. */
  private carryOver(procedure: string, facts: Facts): Facts {
    const shape = this.procedure(procedure).factsSchema.shape;
    return Object.fromEntries(Object.entries(facts).filter(([k]) => k in shape));
  }
}

/** The scope a flow's transitions run in. */
type FlowScope = Parameters<AnyStateMachine['transition']>[2];

/** What the engine reads of a machine's snapshot: flat machines, the facts as their context. */
type FlowSnapshot = { value: unknown; context: Facts };

/**
 * The scope XState's pure transition() and initialTransition() build on every call (an actor created, which
 * computes the machine's initial state, and an actor system), built once per flow and kept. It holds nothing of a
 * conversation: the flows spawn, invoke, emit and defer nothing, and their only action is assign, which XState
 * applies to the snapshot itself; the actions it would hand to an executor are dropped, as transition() dropped
 * them here. So every transition starts from the stored snapshot alone, as before.
 */
function inertScope(machine: AnyStateMachine): FlowScope {
  const self = createActor(machine);
  return {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    logger: () => {},
    defer: () => {},
    emit: () => {},
    stopChild: () => {},
    actionExecutor: () => {},
  };
}

type NumberSchema = {
  type?: string;
  minimum?: number;
  maximum?: number;
  items?: NumberSchema;
  maxItems?: number;
  unit?: NumberUnit;
};

/** A number question's bounds, and whether it wants a whole number, from the fact's zod schema. */
function withBounds(input: QuestionInput, fact: unknown): QuestionInput {
  if ((input.kind !== 'number' && input.kind !== 'numbers') || !(fact instanceof z.ZodType)) return input;
  const json = z.toJSONSchema(fact instanceof z.ZodOptional ? fact.unwrap() : fact, {
    unrepresentable: 'any',
  }) as NumberSchema;
  const n = input.kind === 'numbers' ? (json.items ?? {}) : json;
  const bounds = {
    ...(n.minimum !== undefined ? { min: n.minimum } : {}),
    ...(n.maximum !== undefined ? { max: n.maximum } : {}),
  };
  if (input.kind === 'numbers')
    return { ...input, ...bounds, ...(json.maxItems !== undefined ? { maxItems: json.maxItems } : {}) };
  return {
    ...input,
    ...bounds,
    ...(n.type === 'integer' ? { integer: true } : {}),
    ...(n.unit ? { unit: n.unit } : {}),
  };
}
