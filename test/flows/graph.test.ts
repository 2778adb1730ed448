import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { AnswerEvent, QuestionMeta } from '../../flows/types';
import { boundedKey, explore, sampleAnswers } from '../../src/dialogue/explore';
import { numberOn } from '../../src/content/parameters';
import { content, engine, TODAY } from '../helpers';

/** For every flow: every final state reachable, no dead end, every question answered with every option. */

const e = engine();
const flows = new Map(e.procedures.all.map((p) => [p.id, e.machine(p.id)]));

const finalStates = (m: AnyStateMachine) =>
  Object.entries(m.root.states)
    .filter(([, n]) => n.type === 'final')
    .map(([k]) => k);
const questionStates = (m: AnyStateMachine) =>
  Object.entries(m.root.states)
    .filter(([, n]) => n.type !== 'final')
    .map(([k]) => k);

/** Every answer a person could give in the current state, as events (the sample answers of the explorer). */
function answerEvents(procedure: string, snapshot: AnyMachineSnapshot): AnswerEvent[] {
  const q = e.question({ procedure, state: { value: String(snapshot.value), context: {} } });
  if (!q) return [];
  const thresholds = (q.thresholds ?? []).map((id) => numberOn(content(), id, TODAY)!.value);
  return sampleAnswers(q.input, TODAY, thresholds, e.procedure(procedure).samples).map((value) => ({
    type: 'answer',
    field: q.field,
    value,
    asOf: TODAY,
  }));
}

describe.each([...flows.entries()])('%s', (procedure, machine) => {
  test('xstate/graph reaches every final state', () => {
    // Bounded like the explorer: a sample of contexts per state, so large flows stay fast.
    const paths = getShortestPaths(machine, {
      events: (s) => answerEvents(procedure, s),
      serializeState: (s) => boundedKey(String(s.value), s.context),
    });
    const reached = new Set(paths.map((p) => String(p.state.value)));
    for (const f of finalStates(machine))
      expect({ state: f, reached: reached.has(f) }).toEqual({ state: f, reached: true });
  });

  test('walking the flow as a person would: every state visited, no dead end', () => {
    const map = explore(engine(), procedure, TODAY, content());
    expect(map.deadEnds).toEqual([]);
    expect(new Set(map.questions)).toEqual(new Set(questionStates(machine)));
    const outcomes = new Set(map.outcomes.map((o) => (o.includes('->') ? null : o)).filter(Boolean));
    const handovers = map.outcomes.filter((o) => o.includes('->'));
    // a hand-over state is left at once for the next procedure; the rest must be reached as outcomes
    const handoverStates = finalStates(machine).filter(
      (f) => (machine.root.states[f]!.meta as { outcome?: { handover?: string } }).outcome?.handover,
    );
    expect(handovers.length).toBe(handoverStates.length);
    for (const f of finalStates(machine).filter((f) => !handoverStates.includes(f))) expect(outcomes.has(f)).toBe(true);
  });

  test('every question has one field and every final state an outcome', () => {
    for (const q of questionStates(machine))
      expect((machine.root.states[q]!.meta as QuestionMeta).question.field).toEqual(expect.any(String));
    for (const f of finalStates(machine))
      expect((machine.root.states[f]!.meta as { outcome?: { id: string } }).outcome?.id).toEqual(expect.any(String));
  });

  test('every option of every question leads somewhere', () => {
    const map = explore(engine(), procedure, TODAY, content());
    for (const q of questionStates(machine)) {
      const input = (machine.root.states[q]!.meta as QuestionMeta).question.input;
      if (input.kind !== 'choice' && input.kind !== 'yesno') continue;
      for (const option of sampleAnswers(input, TODAY, [], e.procedure(procedure).samples)) {
        expect({ q, option, leads: map.edges.some((e) => e.from === q && e.answer === option) }).toEqual({
          q,
          option,
          leads: true,
        });
      }
    }
  });
});

/*
 * The engine runs every flow's transitions in one scope built once per flow (src/dialogue/engine.ts, inertScope):
 * sound only while no flow invokes, spawns, defers or sends anything, and its only actions are assignments.
 */
test.each([...flows.keys()])('%s keeps to what a shared scope allows: no invoke, no delay, assignments only', (id) => {
  const m = flows.get(id)!;
  const nodes = [m.root, ...Object.values(m.root.states)];
  let seen = 0;
  for (const node of nodes) {
    expect({ state: node.key, invoke: node.invoke.length, after: node.after.length }).toEqual({
      state: node.key,
      invoke: 0,
      after: 0,
    });
    const actions = [...node.entry, ...node.exit, ...[...node.transitions.values()].flat().flatMap((t) => t.actions)];
    for (const action of actions) {
      seen++;
      const name = typeof action === 'string' ? action : (action as { type?: string }).type;
      const impl = typeof action === 'string' ? m.implementations.actions[action] : action;
      expect({ state: node.key, action: name, kind: (impl as { type?: string } | undefined)?.type }).toEqual({
        state: node.key,
        action: name,
        kind: 'xstate.assign',
      });
    }
  }
  // every flow records its answers: the check above saw its actions
  expect(seen).toBeGreaterThan(0);
});
