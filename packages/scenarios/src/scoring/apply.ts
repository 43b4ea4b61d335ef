/**
 * The scorer's fast replay path on top of the engine's public `applyEvent` (the same checks and
 * reducer as step(), without the per-event xstate transition). test/scoring.debrief.test.ts checks
 * that the states equal step()'s on random logs.
 */
import type { CompiledScenario } from '../compile';
import { applyEvent } from '../engine';
import { ENGINE_EVENT_TYPES } from '@crossroads/shared';
import type { Emitted, Rejection, StepEvent } from '../events';
import type { TeamState } from '../state';

/** Event types that can change a team's state; every other type passes through the engine. */
export const ENGINE_TYPES: ReadonlySet<string> = new Set(ENGINE_EVENT_TYPES);

/**
 * Apply an event to a private state in place (the fast path of a long replay). Returns what the engine
 * emitted, the rejection, or null for an event that passes through. Only for states this module owns
 * (see privateState).
 */
export function applyInPlace(
  c: CompiledScenario,
  state: TeamState,
  ev: StepEvent,
): Emitted[] | Rejection | null {
  if (!ENGINE_TYPES.has(ev.type)) return null;
  const result = applyEvent(c, state, ev, { inPlace: true });
  return result.ok ? result.emitted : result;
}

/** A private copy of a team's initial state (serialised with a placeholder team id) that may be updated in place. */
export function privateState(template: string, team: string): TeamState {
  const state = JSON.parse(template) as TeamState;
  state.team = team;
  return state;
}
