/**
 * Applying one event to a team's state for scoring: the same checks and the same reducer as the
 * engine's step(), without the per-event xstate transition (the machine's only action is this reducer
 * and its state value just follows `phase`/`ended`), copy-on-write so the state before the event stays
 * intact for the model and for evaluating the other options. test/scoring.engine.test.ts checks that the
 * states equal step()'s on random logs.
 */
import type { CompiledScenario } from '../compile';
import type { StepResult } from '../engine';
import type { Emitted, EngineEvent, Rejection, StepEvent } from '../events';
import { reduce } from '../reduce';
import type { Run } from '../reduce';
import { check } from '../rules';
import type { TeamState } from '../state';

export function applyEvent(c: CompiledScenario, state: TeamState, ev: StepEvent): StepResult {
  const verdict = check(c, state, ev);
  if (!verdict.ok) return verdict;
  if (verdict.passThrough) return { ok: true, state, emitted: [] };
  const run: Run = { mutable: false, collect: true, emitted: [] };
  const next = reduce(c, state, {
    type: ev.type as EngineEvent['type'],
    event: ev as EngineEvent,
    run,
  });
  return { ok: true, state: next, emitted: run.emitted };
}

/**
 * Apply an event to a private state in place (the fast path of a long replay). Returns what the engine
 * emitted, or the rejection. Only for states this module owns (see privateState).
 */
export function applyInPlace(
  c: CompiledScenario,
  state: TeamState,
  ev: StepEvent,
): Emitted[] | Rejection | null {
  const verdict = check(c, state, ev);
  if (!verdict.ok) return verdict;
  if (verdict.passThrough) return null;
  const run: Run = { mutable: true, collect: true, emitted: [] };
  reduce(c, state, { type: ev.type as EngineEvent['type'], event: ev as EngineEvent, run });
  return run.emitted;
}

/** A private copy of a team's initial state (serialised with a placeholder team id) that may be updated in place. */
export function privateState(template: string, team: string): TeamState {
  const state = JSON.parse(template) as TeamState;
  state.team = team;
  return state;
}
