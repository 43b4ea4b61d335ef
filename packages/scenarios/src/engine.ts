/**
 * The pure engine API: initialState, step, replay.
 *
 * Transitions go through the compiled xstate machine with xstate's pure transition function
 * (`machine.transition(snapshot, event, scope)`, the function behind `transition()` from 'xstate'),
 * with the inert actor scope built once per compiled scenario instead of once per call.
 * Nothing here reads a clock, a random source or I/O: the same events give the same states.
 */
import { initialTransition } from 'xstate';
import { ENDED } from './compile';
import type { CompiledScenario, MachineEvent, TeamSnapshot } from './compile';
import type { EngineEvent } from '@crossroads/shared';
import type { Emitted, LogLine, Rejection, StepEvent } from './events';
import { checkLazy, toRejection } from './rules';
import { enterStart, reduce } from './reduce';
import type { Run } from './reduce';
import type { PersonState, TeamState } from './state';

export type StepResult = { ok: true; state: TeamState; emitted: Emitted[] } | Rejection;

/** Snapshots we produced, by the state object they carry (so step() does not rebuild them). */
const snapshots = new WeakMap<TeamState, TeamSnapshot>();

function snapshotOf(c: CompiledScenario, s: TeamState): TeamSnapshot {
  const cached = snapshots.get(s);
  if (cached && cached.machine === c.machine) return cached;
  const snap = c.machine.resolveState({
    value: s.ended ? ENDED : s.phase,
    context: { team: s },
  }) as TeamSnapshot;
  snapshots.set(s, snap);
  return snap;
}

function baseState(c: CompiledScenario, team: string): TeamState {
  const people: Record<string, PersonState> = {};
  for (const p of c.scenario.people) {
    people[p.id] = {
      kind: p.kind,
      claimedAge: p.claimedAge ?? null,
      apparentAge: p.apparentAge ?? null,
      nationality: p.nationality ?? null,
      languages: [...p.languages],
      vulnerabilities: [...p.vulnerabilities],
      asylumExpressed: p.asylumExpressed,
      traffickingIndicators: [...p.traffickingIndicators],
      whereabouts: p.whereabouts,
      smuggled: p.smuggled,
      accompanied: p.accompanied ?? null,
      guardian: p.guardian ?? null,
      count: p.count ?? 1,
      fearsRetaliation: p.fearsRetaliation,
      consulRequested: p.consulRequested,
      withdrawn: p.withdrawn,
    };
  }
  return {
    scenario: c.id,
    version: c.version,
    team,
    phase: c.start,
    clock: 0,
    seq: 0,
    steps: 0,
    facts: Object.fromEntries(c.scenario.facts.map((f) => [f.id, f.initial])),
    people,
    known: {},
    observed: {},
    evidence: {},
    reveals: {},
    requests: {},
    decisions: {},
    joint: {},
    injects: {},
    scheduled: [],
    bookings: [],
    acts: [],
    actCounts: {},
    ended: null,
  };
}

/** The first snapshot of a team, computed once per compiled scenario with xstate's initialTransition. */
const templates = new WeakMap<CompiledScenario, { json: string; value: string }>();

function initialSnapshot(c: CompiledScenario, team: string): TeamSnapshot {
  let t = templates.get(c);
  if (!t) {
    const s = baseState(c, '');
    enterStart(c, s);
    const [snap] = initialTransition(c.machine, { team: s });
    t = { json: JSON.stringify(snap.context.team), value: snap.value as string };
    templates.set(c, t);
  }
  // A private copy for this team (replay updates it in place).
  const s = JSON.parse(t.json) as TeamState;
  s.team = team;
  return c.machine.resolveState({ value: t.value, context: { team: s } }) as TeamSnapshot;
}

/** The state a team starts in. */
export function initialState(c: CompiledScenario, team: string): TeamState {
  const snap = initialSnapshot(c, team);
  snapshots.set(snap.context.team, snap);
  return snap.context.team;
}

function transitionSnap(c: CompiledScenario, snap: TeamSnapshot, ev: StepEvent, mutable: boolean) {
  // An in-place replay without onEvent does not need the emitted list, so it is not built there.
  const run = { mutable, collect: !mutable, emitted: [] as Emitted[] };
  const me: MachineEvent = { type: ev.type as EngineEvent['type'], event: ev as EngineEvent, run };
  const next = c.machine.transition(snap, me, c.scope) as TeamSnapshot;
  return { next, emitted: run.emitted };
}

/**
 * Apply one event to one team's state. Never mutates `state`. Rejected events leave it unchanged
 * and say why; pass-through events (chat, pause, ...) return the same state.
 */
export function step(c: CompiledScenario, state: TeamState, event: StepEvent): StepResult {
  const verdict = checkLazy(c, state, event);
  if (!verdict.ok) return toRejection(verdict);
  if (verdict.passThrough) return { ok: true, state, emitted: [] };
  const { next, emitted } = transitionSnap(c, snapshotOf(c, state), event, false);
  snapshots.set(next.context.team, next);
  return { ok: true, state: next.context.team, emitted };
}

export interface StepOptions {
  /**
   * `false`: leave `emitted` empty instead of building the list (a caller that keeps only the new
   * state, as the server does for every committed command, saves an object per emitted change).
   */
  collect?: boolean;
}

/**
 * step() without the xstate transition: the same checks and the same reducer the machine's only
 * action runs (copy-on-write). For exploration, where millions of steps are taken and the machine
 * snapshot is never needed; the tests check it agrees with step().
 */
export function stepDirect(
  c: CompiledScenario,
  state: TeamState,
  event: StepEvent,
  options: StepOptions = {},
): StepResult {
  const verdict = checkLazy(c, state, event);
  if (!verdict.ok) return toRejection(verdict);
  if (verdict.passThrough) return { ok: true, state, emitted: [] };
  const run: Run = { mutable: false, collect: options.collect !== false, emitted: [] };
  const next = reduce(c, state, {
    type: event.type as EngineEvent['type'],
    event: event as EngineEvent,
    run,
  });
  return { ok: true, state: next, emitted: run.emitted };
}

export interface ApplyOptions {
  /**
   * Update `state` in place instead of copy-on-write (the fast path of a long replay; only for a
   * state the caller owns, e.g. a private copy from `JSON.parse(JSON.stringify(initialState(...)))`).
   * The result's `state` is then the same object.
   */
  inPlace?: boolean;
}

/**
 * Apply one event to a team's state, with the engine's own checks and reducer: what scoring and
 * other readers of a log use instead of the engine's internals. The same result as step() (the
 * tests check it), without the xstate snapshot. Copy-on-write by default: `state` stays intact, so
 * the state before the event can be compared with the one after (or other options evaluated from
 * it). Pass-through events (chat, participants, unknown types) return the same state and nothing
 * emitted.
 */
export function applyEvent(
  c: CompiledScenario,
  state: TeamState,
  event: StepEvent,
  options: ApplyOptions = {},
): StepResult {
  const verdict = checkLazy(c, state, event);
  if (!verdict.ok) return toRejection(verdict);
  if (verdict.passThrough) return { ok: true, state, emitted: [] };
  const run: Run = { mutable: options.inPlace === true, collect: true, emitted: [] };
  const next = reduce(c, state, {
    type: event.type as EngineEvent['type'],
    event: event as EngineEvent,
    run,
  });
  return { ok: true, state: next, emitted: run.emitted };
}

/** May this event be applied to this state? (What step() would reject, without applying it.) */
export function checkEvent(
  c: CompiledScenario,
  state: TeamState,
  event: StepEvent,
): { ok: true; passThrough: boolean } | Rejection {
  const verdict = checkLazy(c, state, event);
  return verdict.ok ? verdict : toRejection(verdict);
}

export interface ReplayRejection {
  /** Index in the events array. */
  index: number;
  seq: number | null;
  team: string;
  type: string;
  code: Rejection['code'];
  message: string;
}

export interface ReplayResult {
  teams: Record<string, TeamState>;
  rejected: ReplayRejection[];
}

const BROADCAST = new Set(['clock.ticked', 'inject.released']);

export interface ReplayOptions {
  /**
   * 'machine': every accepted event is an xstate transition of the team's machine,
   * exactly as in step(). 'reducer': the events are applied by the machine's one action (the
   * reducer) directly to a private copy of each team's state (the default), and the machine snapshot is
   * resolved once per team at the end: the same states (the test suite checks it), about twice
   * as fast on long logs.
   */
  via?: 'machine' | 'reducer';
  /**
   * Called after every accepted engine event, per team it reached, with the team's state before
   * and after it and what the engine emitted (decisions, acts, facts, phases, endings...).
   * Pass-through and rejected events are not reported. `before` and `after` are distinct objects
   * that later events do not change (the replay goes copy-on-write when this is given), so they
   * may be kept. With `via: 'machine'` the states are the machine snapshots' states.
   */
  onEvent?: (
    event: LogLine | StepEvent,
    before: TeamState,
    after: TeamState,
    emitted: Emitted[],
  ) => void;
}

/**
 * Replay an event log. Events with a team go to that team (its state is created on first use);
 * `session.started` creates the listed teams; `clock.ticked` and `inject.released` with team null
 * go to every team known at that point. Rejected events are reported and skipped.
 */
export function replay(
  c: CompiledScenario,
  events: Iterable<LogLine | StepEvent>,
  options: ReplayOptions = {},
): ReplayResult {
  const viaMachine = options.via === 'machine';
  const onEvent = options.onEvent;
  const snaps = new Map<string, TeamSnapshot>();
  const states = new Map<string, TeamState>();
  const rejected: ReplayRejection[] = [];
  const team = (id: string): TeamState => {
    let s = states.get(id);
    if (!s) {
      const snap = initialSnapshot(c, id);
      snaps.set(id, snap);
      s = snap.context.team;
      states.set(id, s);
    }
    return s;
  };
  const run: Run = { mutable: true, collect: false, emitted: [] };
  let index = -1;
  for (const ev of events) {
    index++;
    if (ev.type === 'session.started') {
      const teams = (ev.payload as { teams?: { id?: unknown }[] } | undefined)?.teams;
      if (Array.isArray(teams)) for (const t of teams) if (typeof t?.id === 'string') team(t.id);
      continue;
    }
    const targets =
      typeof ev.team === 'string' ? [ev.team] : BROADCAST.has(ev.type) ? [...states.keys()] : [];
    for (const id of targets) {
      const s = team(id);
      const verdict = checkLazy(c, s, ev);
      if (!verdict.ok) {
        rejected.push({
          index,
          seq: ev.seq ?? null,
          team: id,
          type: ev.type,
          code: verdict.code,
          message: verdict.message(),
        });
        continue;
      }
      if (verdict.passThrough) continue;
      if (viaMachine) {
        const { next, emitted } = transitionSnap(
          c,
          snaps.get(id) as TeamSnapshot,
          ev,
          onEvent === undefined,
        );
        snaps.set(id, next);
        states.set(id, next.context.team);
        if (onEvent) onEvent(ev, s, next.context.team, emitted);
      } else if (onEvent) {
        // Copy-on-write, so the caller may keep both states.
        const r: Run = { mutable: false, collect: true, emitted: [] };
        const next = reduce(c, s, {
          type: ev.type as EngineEvent['type'],
          event: ev as EngineEvent,
          run: r,
        });
        states.set(id, next);
        onEvent(ev, s, next, r.emitted);
      } else {
        // The state is this replay's own copy (built by initialSnapshot), so it is updated in place.
        reduce(c, s, { type: ev.type as EngineEvent['type'], event: ev as EngineEvent, run });
      }
    }
  }
  const teams: Record<string, TeamState> = {};
  for (const [id, s] of states) {
    teams[id] = s;
    if (viaMachine) snapshots.set(s, snaps.get(id) as TeamSnapshot);
  }
  return { teams, rejected };
}
